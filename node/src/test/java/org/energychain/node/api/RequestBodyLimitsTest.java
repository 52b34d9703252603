package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.node.TestNet;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code max-body-bytes} holds on the raw stream whatever the transfer encoding, and a private chain's
 * request is judged by its signature headers before a byte of its body is read. Raw sockets, so that the
 * test controls exactly what is sent.
 */
class RequestBodyLimitsTest {
    static final int MAX = 64 << 10;
    static TestNet net;

    @BeforeAll
    static void start() {
        net = new TestNet(true, new ChainLimits(100, 1 << 20, 4096, 1000, Duration.ofMillis(20)),
                NodeConfig.Http.DEFAULT.withPort(0).withMaxBodyBytes(MAX));
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void aChunkedBodyBeyondMaxBodyBytesIs413() throws Exception {
        try (Socket s = socket()) {
            OutputStream o = s.getOutputStream();
            o.write(("POST /chains/open/query HTTP/1.1\r\nHost: node\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent <= 2 * MAX; sent += 0x4000) {
                    o.write(chunk);
                }
                o.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                o.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the rest is sent
            }
            assertError(SlowClientsTest.readToEnd(s), 413, "BODY_TOO_LARGE");
        }
    }

    @Test
    void aDeclaredLengthBeyondMaxBodyBytesIs413BeforeAnyBodyIsSent() throws Exception {
        try (Socket s = socket()) {
            s.getOutputStream().write(("POST /chains/open/transactions HTTP/1.1\r\nHost: node\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (600L << 20) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertError(SlowClientsTest.readToEnd(s), 413, "BODY_TOO_LARGE");
        }
    }

    @Test
    void anUnsignedRequestToAPrivateChainIsRefusedWithoutWaitingForItsBody() throws Exception {
        try (Socket s = socket()) {
            s.getOutputStream().write(("POST /chains/priv/query HTTP/1.1\r\nHost: node\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 50000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            assertError(SlowClientsTest.readToEnd(s), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void whatJettyRefusesItselfIsJsonToo() throws Exception {
        try (Socket s = socket()) {
            s.getOutputStream().write(("GET /chains/open/status HTTP/1.1\r\nHost: node\r\nAccept: text/html\r\n"
                    + "X-Padding: " + "p".repeat(64 << 10) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertError(SlowClientsTest.readToEnd(s), 431, "HEADERS_TOO_LARGE");
        }
    }

    static Socket socket() throws IOException {
        Socket s = new Socket("127.0.0.1", net.api.port());
        s.setSoTimeout(15_000);
        return s;
    }

    static void assertError(String answer, int status, String code) {
        assertThat(answer).startsWith("HTTP/1.1 " + status).contains("\"error\":\"" + code + "\"")
                .containsIgnoringCase("content-type: application/json");
    }
}
