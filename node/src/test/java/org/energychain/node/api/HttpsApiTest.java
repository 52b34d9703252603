package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.energychain.crypto.tls.PinnedTrust;
import org.energychain.crypto.tls.SelfSignedCertificates;
import org.energychain.crypto.tls.TlsCredentials;
import org.energychain.crypto.tls.TlsFiles;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.node.TestNet;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API on HTTPS with the node's certificate, and clients that pin it (or do not). */
class HttpsApiTest {
    @TempDir
    static Path dir;
    static TlsCredentials cert;
    static TestNet net;
    static URI base;

    @BeforeAll
    static void start() throws Exception {
        cert = SelfSignedCertificates.generate("g1-node", List.of("127.0.0.1"), Instant.now(), Duration.ofDays(10),
                new SecureRandom());
        TlsFiles.write(dir.resolve("tls.key"), dir.resolve("tls.crt"), cert);
        NodeConfig.Http http = NodeConfig.Http.DEFAULT.withPort(0)
                .withTls(new NodeConfig.Tls(dir.resolve("tls.key"), dir.resolve("tls.crt")));
        net = new TestNet(true, new ChainLimits(100, 1 << 20, 4096, 1000, Duration.ofMillis(20)), http);
        base = URI.create("https://127.0.0.1:" + net.api.port());
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    static PinnedTrust pins(TlsCredentials c) {
        return PinnedTrust.of(List.of(c.certificate()), Clock.systemUTC(), "the test's pins");
    }

    @Test
    void aClientThatPinsTheNodesCertificateSubmitsAndReadsOverHttps() {
        assertThat(net.api.url()).isEqualTo(base.toString());
        NodeClient client = new NodeClient(base).trusting(pins(cert)).with(Duration.ofSeconds(30), net.clock);
        assertThat(client.chains().path("chains").findValuesAsText("id")).contains("open", "priv");
        long nonce = client.nextNonce("open", "g1");
        NodeClient.SubmitResult r = client.submit("open", net.tx(net.open, "g1", net.g1, nonce, "put", "k=v"), true);
        assertThat(r.txId()).isNotEmpty();
        assertThat(client.awaitReceipt("open", r.txId(), Duration.ofSeconds(30)).at("/result/code").asInt()).isZero();
        // signed reads of the private chain too
        NodeClient signed = client.signedAs("g1", net.g1.privateKey());
        assertThat(signed.status("priv").path("chain").asText()).isEqualTo("priv");
    }

    @Test
    void aClientThatDoesNotPinTheCertificateFailsTheHandshakeSayingWhatToDo() {
        assertThatThrownBy(() -> new NodeClient(base).chains()).isInstanceOfSatisfying(NodeClientException.class, e -> {
            assertThat(e.code()).isEqualTo("TLS");
            assertThat(e.getMessage()).contains("no TLS connection to https://127.0.0.1:" + net.api.port())
                    .contains("--tls-cert");
        });
        TlsCredentials other = SelfSignedCertificates.generate("g1-node", List.of("127.0.0.1"), Instant.now(),
                Duration.ofDays(10), new SecureRandom());
        assertThatThrownBy(() -> new NodeClient(base).trusting(pins(other)).chains())
                .isInstanceOfSatisfying(NodeClientException.class, e -> {
                    assertThat(e.code()).isEqualTo("TLS");
                    assertThat(e.getMessage()).contains("server's certificate CN=g1-node")
                            .contains("is not pinned in the test's pins");
                });
    }

    @Test
    void plainHttpOnTheHttpsPortGetsNoAnswer() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI http = URI.create("http://127.0.0.1:" + net.api.port() + "/chains");
        int status;
        try {
            status = plain.send(HttpRequest.newBuilder(http).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            status = -1; // refused at the TLS layer
        }
        assertThat(status).isNotEqualTo(200);
    }

    @Test
    void aHostBeyondLoopbackNeedsTlsOrAnExplicitInsecure() {
        NodeConfig.Http d = NodeConfig.Http.DEFAULT;
        assertThatThrownBy(() -> new NodeConfig.Http("0.0.0.0", 0, d.waitTimeout(), d.clockSkew(), d.maxBodyBytes(),
                d.limits())).hasMessageContaining("http.host 0.0.0.0 is beyond loopback").hasMessageContaining("http.tls")
                .hasMessageContaining("http.insecure");
        assertThatThrownBy(() -> new NodeConfig.Http("10.1.2.3", 0, d.waitTimeout(), d.clockSkew(), d.maxBodyBytes(),
                d.limits())).hasMessageContaining("10.1.2.3");
        assertThat(new NodeConfig.Http("0.0.0.0", 0, d.waitTimeout(), d.clockSkew(), d.maxBodyBytes(), d.limits(),
                java.util.Optional.empty(), true).scheme()).isEqualTo("http");
        assertThat(new NodeConfig.Http("::1", 0, d.waitTimeout(), d.clockSkew(), d.maxBodyBytes(), d.limits()).scheme())
                .isEqualTo("http");
        assertThat(new NodeConfig.Http("localhost", 0, d.waitTimeout(), d.clockSkew(), d.maxBodyBytes(), d.limits())
                .withTls(new NodeConfig.Tls(dir.resolve("tls.key"), dir.resolve("tls.crt"))).scheme()).isEqualTo("https");
    }
}
