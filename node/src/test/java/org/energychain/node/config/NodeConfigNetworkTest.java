package org.energychain.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.energychain.crypto.tls.SelfSignedCertificates;
import org.energychain.crypto.tls.TlsFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network: and http.tls parts of node.yaml, and the rule that only loopback serves plain HTTP. */
class NodeConfigNetworkTest {
    static final String CHAINS = "identity:\n  member: G1\nnode:\n  id: G1-1\n  key: consensus.key\n"
            + "chains:\n  - genesis: genesis/business-g1.yaml\n";
    static final String NETWORK = "network:\n  listen: 10.0.0.5:9600\n  tls:\n    key: tls.key\n"
            + "    certificate: tls.crt\n";

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void files() throws Exception {
        file = dir.resolve("node.yaml");
        TlsFiles.write(dir.resolve("tls.key"), dir.resolve("tls.crt"), SelfSignedCertificates.generate("G1-1",
                List.of("10.0.0.5"), Instant.now(), Duration.ofDays(30), new SecureRandom()));
        TlsFiles.write(dir.resolve("other.key"), dir.resolve("other.crt"), SelfSignedCertificates.generate("G2-1",
                List.of("10.0.0.6"), Instant.now(), Duration.ofDays(30), new SecureRandom()));
    }

    NodeConfig load(String yaml) throws Exception {
        Files.writeString(file, yaml);
        return NodeConfig.load(file);
    }

    void refused(String yaml, String field, String... texts) throws Exception {
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> NodeConfig.load(file)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(file.toString());
            for (String t : texts) {
                assertThat(e.getMessage()).contains(t);
            }
        });
    }

    @Test
    void aConsortiumNodeConfigurationReadsWithItsNetworkAndHttpsAndDescribesNoSecret() throws Exception {
        NodeConfig c = load("http:\n  host: 10.0.0.5\n  port: 9601\n  tls:\n    key: tls.key\n    certificate: tls.crt\n"
                + NETWORK + "  max-clock-skew-ms: 1500\n" + CHAINS);
        NodeConfig.Network n = c.network().orElseThrow();
        assertThat(n.listenHost()).isEqualTo("10.0.0.5");
        assertThat(n.listenPort()).isEqualTo(9600);
        assertThat(n.listen()).isEqualTo("10.0.0.5:9600");
        assertThat(n.tlsKey()).isEqualTo(dir.resolve("tls.key"));
        assertThat(n.tlsCertificate()).isEqualTo(dir.resolve("tls.crt"));
        assertThat(n.maxClockSkew()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.http().tls()).contains(new NodeConfig.Tls(dir.resolve("tls.key"), dir.resolve("tls.crt")));
        assertThat(c.http().scheme()).isEqualTo("https");
        assertThat(c.chains().get(0).key()).as("the organisation's key is optional").isNull();
        String d = c.describe();
        assertThat(d).contains("scheme=https").contains("network listen=10.0.0.5:9600")
                .contains("tls-key-file=" + dir.resolve("tls.key")).contains("max-clock-skew=1500ms")
                .doesNotContain(Files.readString(dir.resolve("tls.key")).lines().skip(1).findFirst().orElseThrow())
                .doesNotContain("key-file=null");
        // --port keeps TLS and the network
        NodeConfig moved = c.withHttp(c.http().withPort(0));
        assertThat(moved.http().tls()).isEqualTo(c.http().tls());
        assertThat(moved.network()).isEqualTo(c.network());
        // without network: a node that orders its chains alone; default skew
        assertThat(load(CHAINS).network()).isEmpty();
        assertThat(load(NETWORK + CHAINS).network().orElseThrow().maxClockSkew()).isEqualTo(Duration.ofSeconds(2));
        assertThat(load("network:\n  listen: \"[::1]:9600\"\n  tls:\n    key: tls.key\n    certificate: tls.crt\n"
                + CHAINS).network().orElseThrow().listen()).isEqualTo("[::1]:9600");
    }

    @Test
    void badNetworkAndTlsEntriesAreRefusedNamingTheField() throws Exception {
        refused(NETWORK.replace("10.0.0.5:9600", "10.0.0.5") + CHAINS, "network.listen", "host:port");
        refused(NETWORK.replace("9600", "0") + CHAINS, "network.listen", "1..65535");
        refused(NETWORK.replace("9600", "70000") + CHAINS, "network.listen");
        refused("network:\n  listen: 10.0.0.5:9600\n" + CHAINS, "network.tls", "missing");
        refused(NETWORK + "  max-clock-skew-ms: 0\n" + CHAINS, "network.max-clock-skew-ms", "between 1 and 600000");
        refused(NETWORK + "  colour: blue\n" + CHAINS, "network.colour", "unknown key");
        refused(NETWORK.replace("key: tls.key", "key: missing.key") + CHAINS, "network.tls.key", "no such file",
                "missing.key");
        refused(NETWORK.replace("certificate: tls.crt", "certificate: nothing.crt") + CHAINS, "network.tls.certificate",
                "no such file");
        refused(NETWORK.replace("key: tls.key", "key: other.key") + CHAINS, "network.tls.key",
                "does not belong to the certificate CN=G1-1");
        refused(NETWORK.replace("certificate: tls.crt", "certificate: tls.key") + CHAINS, "network.tls.certificate",
                "found a private key");
        refused("http:\n  tls:\n    key: tls.key\n" + CHAINS, "http.tls.certificate", "missing");
    }

    @Test
    void onlyALoopbackHostServesPlainHttpUnlessInsecureIsAskedFor() throws Exception {
        refused("http:\n  host: 0.0.0.0\n" + CHAINS, "http.tls", "http.host 0.0.0.0 is beyond loopback",
                "http.insecure: true");
        refused("http:\n  host: node1.example.org\n" + CHAINS, "http.tls", "node1.example.org");
        assertThat(load("http:\n  host: 0.0.0.0\n  insecure: true\n" + CHAINS).http().scheme()).isEqualTo("http");
        assertThat(load("http:\n  host: 0.0.0.0\n  tls:\n    key: tls.key\n    certificate: tls.crt\n" + CHAINS).http()
                .scheme()).isEqualTo("https");
        refused("http:\n  host: 0.0.0.0\n  insecure: true\n  tls:\n    key: tls.key\n    certificate: tls.crt\n" + CHAINS,
                "http.insecure", "choose one");
        for (String loopback : List.of("127.0.0.1", "127.8.9.10", "localhost", "::1", "\"[::1]\"")) {
            assertThat(load("http:\n  host: " + loopback + "\n" + CHAINS).http().scheme()).as(loopback).isEqualTo("http");
        }
        assertThat(Hosts.isLoopback("10.0.0.1")).isFalse();
        assertThat(Hosts.isLoopback("127.0.0.300")).isFalse();
        assertThat(Hosts.isLoopback("localhost.example.org")).isFalse();
        assertThat(Hosts.isLoopback("::")).isFalse();
    }
}
