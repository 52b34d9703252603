package org.energychain.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.energychain.cli.Cli;
import org.energychain.cli.common.ExitCodes;
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

    /** An address where nothing listens: a port that was free a moment ago. */
    static String deadUrl() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void withSeveralUrlsACommandFailsOverFromADeadNode() throws Exception {
        String dead = deadUrl();
        Cli tx = Cli.run("tx", "submit", "--url", dead + "," + url, "--chain", "priv", "--contract", "kv", "--method",
                "put", "--args-hex", hex("f=1"), "--member", "G1", "--key", dir.resolve("keys/G1.key").toString(), "--json");
        assertThat(tx.exit()).as(tx.toString()).isZero();
        assertThat(tx.json().at("/receipt/result/code").asInt()).isZero();
        Cli block = Cli.run("chain", "block", "--url", dead, "--url", url, "--chain", "priv", "--member", "REG", "--key",
                dir.resolve("keys/REG.key").toString(), "--json");
        assertThat(block.exit()).as(block.toString()).isZero();
        Cli none = Cli.run("chain", "status", "--url", dead, "--url", deadUrl(), "--chain", "pub");
        assertThat(none.exit()).as(none.toString()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(none.err()).contains("UNREACHABLE").contains(dead);
    }

    @Test
    void chainStatusWithSeveralUrlsShowsEachNode() throws Exception {
        String dead = deadUrl();
        Cli text = Cli.run("chain", "status", "--url", url + "," + dead, "--chain", "pub");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains("chain pub (sha256-ed25519, public)").contains("1 of 2 nodes answer")
                .containsPattern("  " + java.util.regex.Pattern.quote(url) + ": height \\d+, \\d+ pending, as G1")
                .contains("  " + dead + ": unreachable, UNREACHABLE");
        Cli json = Cli.run("chain", "status", "--url", dead, "--url", url, "--chain", "pub", "--json");
        assertThat(json.exit()).as(json.toString()).isZero();
        JsonNode nodes = json.json().get("nodes");
        assertThat(nodes.get(0).get("url").asText()).isEqualTo(dead);
        assertThat(nodes.get(0).get("reachable").asBoolean()).isFalse();
        assertThat(nodes.get(0).at("/error/code").asText()).isEqualTo("UNREACHABLE");
        assertThat(nodes.get(1).get("reachable").asBoolean()).isTrue();
        assertThat(nodes.get(1).get("height").asLong()).isEqualTo(json.json().at("/status/height").asLong());
        assertThat(nodes.get(1).get("nodeMember").asText()).isEqualTo("G1");
        assertThat(json.json().at("/status/chain").asText()).isEqualTo("pub");
        // a private chain: each node is asked with a request signed for that node
        Cli priv = Cli.run(as("REG", "chain", "status", "--chain", "priv", "--url", url + "," + url, "--json"));
        assertThat(priv.exit()).as(priv.toString()).isZero();
        assertThat(priv.json().get("nodes").findValuesAsText("reachable")).as("--url twice, and once more from as()")
                .containsExactly("true", "true", "true");
        // a node that answers with a refusal is reachable, and says why
        Cli unsigned = Cli.run("chain", "status", "--url", url + "," + dead, "--chain", "priv", "--json");
        assertThat(unsigned.exit()).as("no node gave a status").isEqualTo(ExitCodes.BAD_INPUT);
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
