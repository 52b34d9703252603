package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.Hex;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCliTest {
    @TempDir
    static Path dir;
    static Node node;
    static ApiServer api;
    static String url;

    /** Keys and genesis files made with the CLI; a public chain "pub" and a private "priv", both running kv. */
    @BeforeAll
    static void start() throws Exception {
        for (String id : List.of("G1", "REG")) {
            assertThat(Cli.run("keys", "generate", "--out", dir.resolve("keys").toString(), "--name", id).exit()).isZero();
        }
        for (String chain : List.of("pub", "priv")) {
            Cli c = Cli.run("genesis", "create", "--chain", chain, "--member", "G1:group:" + dir.resolve("keys/G1.pub"),
                    "--member", "REG:regulator:" + dir.resolve("keys/REG.pub"), "--node", "G1-1:G1:" + dir.resolve("keys/G1.pub"),
                    "--validator", "G1-1:10", "--contract", "kv",
                    "--block-interval-ms", "10", "--out", dir.resolve(chain + ".yaml").toString(),
                    chain.equals("priv") ? "--private" : "--json");
            assertThat(c.exit()).as(c.toString()).isZero();
        }
        Files.writeString(dir.resolve("node.yaml"), """
                http:
                  port: 0
                identity:
                  member: G1
                  key: keys/G1.key
                node:
                  id: G1-1
                  key: keys/G1.key
                chains:
                  - genesis: pub.yaml
                  - genesis: priv.yaml
                """);
        NodeConfig config = NodeConfig.load(dir.resolve("node.yaml"));
        node = Node.fromConfig(config, Node.discoveredContracts(), ChainStoreFactory.inMemory(), Clock.systemUTC());
        node.start();
        api = new ApiServer(node, config.http(), true).start();
        url = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() {
        api.close();
        node.close();
    }

    static String hex(String s) {
        return Hex.encode(s.getBytes(StandardCharsets.UTF_8));
    }

    String[] as(String member, String... args) {
        List<String> a = new java.util.ArrayList<>(List.of(args));
        a.addAll(List.of("--url", url, "--member", member, "--key", dir.resolve("keys/" + member + ".key").toString()));
        return a.toArray(String[]::new);
    }

    @Test
    void aTransactionIsSubmittedWithAnAutomaticNonceAndShowsInTheChain() {
        Cli tx = Cli.run(as("G1", "tx", "submit", "--chain", "pub", "--contract", "kv", "--method", "put",
                "--args-hex", hex("a=1"), "--json"));
        assertThat(tx.exit()).as(tx.toString()).isZero();
        long height = tx.json().at("/receipt/height").asLong();
        assertThat(tx.json().at("/receipt/result/code").asInt()).isZero();

        Cli status = Cli.run("chain", "status", "--url", url, "--chain", "pub", "--json");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.json().get("height").asLong()).isGreaterThanOrEqualTo(height);
        Cli block = Cli.run("chain", "block", "--url", url, "--chain", "pub", "--height", Long.toString(height), "--json");
        assertThat(block.exit()).as(block.toString()).isZero();
        assertThat(block.json().get("transactions").findValuesAsText("id")).contains(tx.json().get("txId").asText());
        Cli text = Cli.run("chain", "block", "--url", url, "--chain", "pub", "--hash", block.json().get("hash").asText());
        assertThat(text.out()).contains("block " + height + " of pub").contains("G1#");

        Cli replay = Cli.run(as("G1", "tx", "submit", "--chain", "pub", "--contract", "kv", "--method", "put",
                "--args-hex", hex("a=2"), "--nonce", Long.toString(tx.json().get("nonce").asLong())));
        assertThat(replay.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(replay.err()).contains("409").contains("REPLAYED");
        Cli refused = Cli.run(as("REG", "tx", "submit", "--chain", "pub", "--contract", "kv", "--method", "fail"));
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(refused.out()).contains("result 101 refused");
        assertThat(Cli.run("chain", "block", "--url", url, "--chain", "pub", "--height", "999").exit())
                .isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aPrivateChainIsReadOnlyBySignedRequestsOfMembers() {
        Cli unsigned = Cli.run("chain", "status", "--url", url, "--chain", "priv");
        assertThat(unsigned.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unsigned.err()).contains("401").contains("UNAUTHENTICATED");
        Cli tx = Cli.run(as("G1", "tx", "submit", "--chain", "priv", "--contract", "kv", "--method", "put",
                "--args-hex", hex("p=1")));
        assertThat(tx.exit()).as(tx.toString()).isZero();
        Cli signed = Cli.run(as("REG", "chain", "status", "--chain", "priv"));
        assertThat(signed.exit()).as(signed.toString()).isZero();
        assertThat(signed.out()).contains("chain priv (sha256-ed25519, private)");
        Cli halfSigned = Cli.run("chain", "status", "--url", url, "--chain", "priv", "--member", "G1");
        assertThat(halfSigned.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void anUnreachableNodeIsAnInternalError() {
        Cli c = Cli.run("chain", "status", "--url", "http://127.0.0.1:1", "--chain", "pub");
        assertThat(c.exit()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(c.err()).contains("UNREACHABLE");
    }

    @Test
    void aBadNodeConfigurationIsBadInputNamingTheField() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "http:\n  port: -1\nchains:\n  - genesis: pub.yaml\n");
        Cli c = Cli.run("node", "--config", bad.toString());
        assertThat(c.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(c.err()).contains("bad.yaml: http.port: must be between 0 and 65535");
    }

    /** The real command in its own JVM: prints its URL and chains, serves, and stops on SIGTERM. */
    @Test
    void theNodeCommandServesUntilSigterm() throws Exception {
        Path cfg = dir.resolve("proc.yaml");
        Files.writeString(cfg, Files.readString(dir.resolve("node.yaml")).replace("pub.yaml", "pub.yaml\n    member: G1")
                .replace("  - genesis: priv.yaml\n", ""));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.energychain.cli.Main", "node", "--config", cfg.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(first).startsWith("node listening on http://127.0.0.1:");
            String nodeUrl = first.substring("node listening on ".length());
            assertThat(out.readLine()).isEqualTo("chain pub (public) height 0 as G1");
            Cli tx = Cli.run("tx", "submit", "--url", nodeUrl, "--chain", "pub", "--contract", "kv", "--method", "put",
                    "--args-hex", hex("k=v"), "--member", "G1", "--key", dir.resolve("keys/G1.key").toString());
            assertThat(tx.exit()).as(tx.toString()).isZero();
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return "read failed: " + e;
                }
            });
            // SIGTERM by pid: Process.destroy() would also close our end of its stdout
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(143);
            assertThat(rest.get(30, TimeUnit.SECONDS)).isEqualTo("node stopped");
        } finally {
            p.destroyForcibly();
        }
    }
}
