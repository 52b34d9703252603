package org.energychain.crypto.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real TLS handshakes over loopback between sockets whose contexts trust only pinned certificates. */
class PinnedTrustHandshakeTest {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock NOW = Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    static final SecureRandom RANDOM = new SecureRandom();

    final ExecutorService server = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    static TlsCredentials node(String id) {
        return SelfSignedCertificates.generate(id, List.of("127.0.0.1"), T0, Duration.ofDays(3650), RANDOM);
    }

    static PinnedTrust pins(Clock clock, TlsCredentials... nodes) {
        return PinnedTrust.of(java.util.Arrays.stream(nodes).map(TlsCredentials::certificate).toList(), clock,
                "the genesis");
    }

    /** What one connection gave: the certificate each side saw of the other, or the failure of each side. */
    record Outcome(X509Certificate serverSaw, Exception serverFailure, X509Certificate clientSaw,
            Exception clientFailure) {
    }

    /** A mutual-TLS server on loopback and one client exchanging a byte each way. */
    Outcome connect(SSLContext serverContext, SSLContext clientContext) throws Exception {
        SSLServerSocket ss = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
        ss.setNeedClientAuth(true);
        ss.setSoTimeout(30_000);
        Future<X509Certificate> served = server.submit(() -> {
            try (ss; SSLSocket s = (SSLSocket) ss.accept()) {
                s.setSoTimeout(30_000);
                s.startHandshake();
                int b = s.getInputStream().read();
                s.getOutputStream().write(b + 1);
                s.getOutputStream().flush();
                return (X509Certificate) s.getSession().getPeerCertificates()[0];
            }
        });
        X509Certificate clientSaw = null;
        Exception clientFailure = null;
        try (SSLSocket c = (SSLSocket) clientContext.getSocketFactory().createSocket()) {
            c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ss.getLocalPort()), 30_000);
            c.setSoTimeout(30_000);
            c.startHandshake();
            c.getOutputStream().write(41);
            c.getOutputStream().flush();
            int answer = c.getInputStream().read();
            if (answer != 42) {
                throw new IOException("connection closed without an answer (" + answer + ")");
            }
            clientSaw = (X509Certificate) c.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
            clientFailure = e;
        }
        try {
            return new Outcome(served.get(60, TimeUnit.SECONDS), null, clientSaw, clientFailure);
        } catch (ExecutionException e) {
            return new Outcome(null, (Exception) e.getCause(), clientSaw, clientFailure);
        }
    }

    @Test
    void pinnedNodesCompleteAMutualHandshakeAndSeeEachOthersCertificate() throws Exception {
        TlsCredentials a = node("G1-1");
        TlsCredentials b = node("REG-1");
        PinnedTrust trust = pins(NOW, a, b);
        Outcome o = connect(TlsContexts.mutual(a, trust), TlsContexts.mutual(b, trust));
        assertThat(o.serverFailure()).isNull();
        assertThat(o.clientFailure()).isNull();
        assertThat(o.serverSaw()).isEqualTo(b.certificate());
        assertThat(o.clientSaw()).isEqualTo(a.certificate());
    }

    @Test
    void aServerWhoseCertificateIsNotPinnedIsRefusedByTheClient() throws Exception {
        TlsCredentials a = node("G1-1");
        TlsCredentials b = node("REG-1");
        TlsCredentials stranger = node("MALLORY-1");
        Outcome o = connect(TlsContexts.mutual(stranger, pins(NOW, stranger, b)), TlsContexts.mutual(b, pins(NOW, a, b)));
        assertThat(o.clientFailure()).isNotNull();
        assertThat(o.clientFailure().getMessage()).contains("server's certificate CN=MALLORY-1")
                .contains("is not pinned in the genesis");
        assertThat(o.serverFailure()).isNotNull();
    }

    @Test
    void aClientWhoseCertificateIsNotPinnedIsRefusedByTheServer() throws Exception {
        TlsCredentials a = node("G1-1");
        TlsCredentials stranger = node("MALLORY-1");
        Outcome o = connect(TlsContexts.mutual(a, pins(NOW, a)), TlsContexts.mutual(stranger, pins(NOW, a, stranger)));
        assertThat(o.serverFailure()).isNotNull();
        assertThat(o.serverFailure().getMessage()).contains("client's certificate CN=MALLORY-1")
                .contains("is not pinned in the genesis");
        assertThat(o.clientFailure()).as("the client learns it was refused").isNotNull();
    }

    @Test
    void aCertificateWithThePinnedNameButAnotherKeyIsRefused() throws Exception {
        TlsCredentials a = node("G1-1");
        TlsCredentials b = node("REG-1");
        TlsCredentials impostor = node("REG-1");
        Outcome o = connect(TlsContexts.mutual(a, pins(NOW, a, b)), TlsContexts.mutual(impostor, pins(NOW, a)));
        assertThat(o.serverFailure().getMessage()).contains("CN=REG-1").contains("is not pinned");
    }

    @Test
    void anExpiredCertificateIsRefusedEvenWhenPinned() throws Exception {
        TlsCredentials shortLived = SelfSignedCertificates.generate("G1-1", List.of("127.0.0.1"), T0,
                Duration.ofDays(1), RANDOM);
        TlsCredentials b = node("REG-1");
        Clock later = Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        Outcome o = connect(TlsContexts.mutual(shortLived, pins(later, shortLived, b)),
                TlsContexts.mutual(b, pins(later, shortLived, b)));
        assertThat(o.clientFailure()).isNotNull();
        assertThat(o.clientFailure().getMessage()).contains("CN=G1-1").contains("expired at 2026-06-02T00:00:00Z");
        // the same pair at a time inside the validity connects
        Outcome ok = connect(TlsContexts.mutual(shortLived, pins(NOW, shortLived, b)),
                TlsContexts.mutual(b, pins(NOW, shortLived, b)));
        assertThat(ok.clientFailure()).isNull();
        assertThat(ok.serverFailure()).isNull();
    }

    @Test
    void aCertificateBeforeItsValidityIsRefused() {
        TlsCredentials a = node("G1-1");
        PinnedTrust early = pins(Clock.fixed(T0.minus(Duration.ofDays(1)), ZoneOffset.UTC), a);
        assertThatThrownBy(() -> early.checkServerTrusted(new X509Certificate[] {a.certificate()}, "EC"))
                .hasMessageContaining("CN=G1-1").hasMessageContaining("not valid before 2026-05-31T23:00:00Z");
        assertThatThrownBy(() -> early.checkClientTrusted(new X509Certificate[0], "EC"))
                .hasMessageContaining("presented no certificate");
    }

    @Test
    void anHttpsStyleClientWithoutACertificateReachesAServerThatAsksForNone() throws Exception {
        TlsCredentials a = node("G1-1");
        SSLServerSocket ss = (SSLServerSocket) TlsContexts.server(a).getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress());
        ss.setSoTimeout(30_000);
        Future<Integer> served = server.submit(() -> {
            try (ss; SSLSocket s = (SSLSocket) ss.accept()) {
                s.setSoTimeout(30_000);
                int b = s.getInputStream().read();
                s.getOutputStream().write(b);
                s.getOutputStream().flush();
                return b;
            }
        });
        try (SSLSocket c = (SSLSocket) TlsContexts.client(pins(NOW, a)).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), ss.getLocalPort())) {
            c.setSoTimeout(30_000);
            c.getOutputStream().write(7);
            c.getOutputStream().flush();
            assertThat(c.getInputStream().read()).isEqualTo(7);
            assertThat(c.getSession().getPeerCertificates()[0]).isEqualTo(a.certificate());
        }
        assertThat(served.get(60, TimeUnit.SECONDS)).isEqualTo(7);
    }
}
