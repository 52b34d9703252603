package org.energychain.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.energychain.cli.Cli;
import org.energychain.cli.Main;
import org.energychain.cli.NodeProcess;
import org.energychain.cli.common.ExitCodes;
import org.energychain.crypto.tls.SelfSignedCertificates;
import org.energychain.crypto.tls.TlsFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real node process serving HTTPS, and CLI commands that pin its certificate (or do not). */
class HttpsCliTest {
    @TempDir
    static Path dir;
    static NodeProcess node;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Cli.run("keys", "generate", "--out", dir.resolve("keys").toString(), "--name", "G1").exit()).isZero();
        Cli g = Cli.run("genesis", "create", "--chain", "pub", "--member", "G1:group:" + dir.resolve("keys/G1.pub"),
                "--node", "G1-1:G1:" + dir.resolve("keys/G1.pub"), "--validator", "G1-1:1", "--contract", "kv",
                "--block-interval-ms", "10", "--out", dir.resolve("pub.yaml").toString());
        assertThat(g.exit()).as(g.toString()).isZero();
        TlsFiles.write(dir.resolve("tls.key"), dir.resolve("tls.crt"), SelfSignedCertificates.generate("G1-1",
                List.of("127.0.0.1"), Instant.now(), Duration.ofDays(30), new SecureRandom()));
        TlsFiles.write(dir.resolve("other.key"), dir.resolve("other.crt"), SelfSignedCertificates.generate("G1-1",
                List.of("127.0.0.1"), Instant.now(), Duration.ofDays(30), new SecureRandom()));
        Files.writeString(dir.resolve("node.yaml"), """
                store: memory
                http:
                  port: 0
                  tls:
                    key: tls.key
                    certificate: tls.crt
                identity:
                  member: G1
                node:
                  id: G1-1
                  key: keys/G1.key
                chains:
                  - genesis: pub.yaml
                """);
        node = NodeProcess.start(dir.resolve("node.yaml"), dir.resolve("node.log"), 1);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theNodeListensOnHttpsAndACommandThatPinsItsCertificateIsAnswered() throws Exception {
        assertThat(node.url()).startsWith("https://127.0.0.1:");
        Cli status = Cli.run("chain", "status", "--url", node.url(), "--chain", "pub", "--tls-cert",
                dir.resolve("tls.crt").toString(), "--json");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.json().path("chain").asText()).isEqualTo("pub");
        Cli tx = Cli.run("tx", "submit", "--url", node.url(), "--chain", "pub", "--contract", "kv", "--method", "put",
                "--args-hex", "6b3d76", "--member", "G1", "--key", dir.resolve("keys/G1.key").toString(), "--tls-cert",
                dir.resolve("tls.crt").toString(), "--json");
        assertThat(tx.exit()).as(tx.toString()).isZero();
    }

    @Test
    void aCommandThatDoesNotPinTheCertificateFailsSayingWhy() {
        Cli none = Cli.run("chain", "status", "--url", node.url(), "--chain", "pub");
        assertThat(none.exit()).as(none.toString()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(none.err()).contains("TLS: no TLS connection to " + node.url()).contains("--tls-cert");
        Cli other = Cli.run("chain", "status", "--url", node.url(), "--chain", "pub", "--tls-cert",
                dir.resolve("other.crt").toString());
        assertThat(other.exit()).as(other.toString()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(other.err()).contains("server's certificate CN=G1-1").contains("is not pinned in " + dir.resolve("other.crt"));
        Cli missing = Cli.run("chain", "status", "--url", node.url(), "--chain", "pub", "--tls-cert",
                dir.resolve("nothing.crt").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("--tls-cert: no such file");
    }

    @Test
    void theCertificateCanComeFromTheEnvironment() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(NodeProcess.javaBin(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "chain", "status", "--url", node.url(), "--chain", "pub", "--json");
        pb.environment().put("ENERGYCHAIN_TLS_CERT", dir.resolve("tls.crt").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("\"chain\" : \"pub\"");
    }

    @Test
    void aNodeListeningBeyondLoopbackWithoutTlsIsRefusedAtStart() throws Exception {
        Path f = dir.resolve("open.yaml");
        Files.writeString(f, Files.readString(dir.resolve("node.yaml")).replace("  port: 0\n  tls:\n    key: tls.key\n"
                + "    certificate: tls.crt\n", "  host: 0.0.0.0\n  port: 0\n"));
        Cli refused = Cli.run("node", "--config", f.toString());
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains(f + ": http.tls: http.host 0.0.0.0 is beyond loopback")
                .contains("http.insecure: true");
    }
}
