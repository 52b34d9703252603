package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.node.TestNet;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.Test;

/**
 * Slow and many connections from one client (slowloris) against the real server on loopback: the
 * client's connections beyond its per-address limit are closed at once, those within it are answered
 * 408 once the request read deadline passes, and a status request from another address answers all
 * the while. Small limits keep the test short; it asserts what happens, not how fast.
 */
class SlowClientsTest {
    static final int PER_ADDRESS = 4;
    static final int SLOW = 12;

    @Test
    void slowBodiesFromOneAddressCannotStarveTheServer() throws Exception {
        NodeConfig.Limits limits = new NodeConfig.Limits(Duration.ofMinutes(5), Duration.ofSeconds(2), 1000,
                PER_ADDRESS, 16, 1 << 20);
        try (TestNet net = new TestNet(true, new ChainLimits(100, 1 << 20, 4096, 1000, Duration.ofMillis(20)),
                NodeConfig.Http.DEFAULT.withPort(0).withLimits(limits))) {
            // the slow client: another loopback address, headers complete, then one byte of a 1000-byte body
            InetAddress slowAddress = InetAddress.getByName("127.0.0.2");
            List<Socket> slow = new ArrayList<>();
            int refusedOnWrite = 0;
            try {
                for (int i = 0; i < SLOW; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress(slowAddress, 0));
                    s.connect(new InetSocketAddress("127.0.0.1", net.api.port()), 5_000);
                    s.setSoTimeout(20_000);
                    slow.add(s);
                    try {
                        OutputStream o = s.getOutputStream();
                        o.write(("POST /chains/open/query HTTP/1.1\r\nHost: node\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                        o.flush();
                    } catch (IOException closedAlready) {
                        refusedOnWrite++;
                    }
                }
                HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        net.uri("/chains/open/status")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(status.statusCode()).as(status.body()).isEqualTo(200);

                int closedAtOnce = refusedOnWrite;
                int timedOut = 0;
                for (Socket s : slow) {
                    String answer = readToEnd(s);
                    if (answer.isEmpty()) {
                        closedAtOnce++;
                    } else {
                        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"REQUEST_TIMEOUT\"");
                        timedOut++;
                    }
                }
                assertThat(timedOut).as("connections within the per-address limit").isEqualTo(PER_ADDRESS);
                assertThat(closedAtOnce).as("connections beyond it").isEqualTo(SLOW - PER_ADDRESS);
                assertThat(net.api.connectionsRefusedPerAddress()).isEqualTo(SLOW - PER_ADDRESS);
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    /** Everything the server sends until it closes (empty when it closed without a word); bounded. */
    static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            InputStream in = s.getInputStream();
            int n;
            while ((n = in.read(buf)) != -1 && out.size() < (1 << 20)) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // closed by the server before anything was read
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
