package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.TestNet;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.Test;

/**
 * Two subscribers of one chain's event stream over real sockets: one never reads (a small receive
 * buffer, so its connection fills quickly), the other reads. The reader receives every block, in order;
 * the one that does not read is dropped once its backlog passes the limit, without holding up the other.
 * The idle timeout is long, so nothing but the backlog limit can end the slow subscription.
 */
class EventStreamBackpressureTest {
    static final int BACKLOG = 8;
    static final Pattern ID = Pattern.compile("(?m)^id: (\\d+)$");

    @Test
    void aSubscriberThatNeverReadsIsDroppedAndTheOthersGetEveryBlock() throws Exception {
        NodeConfig.Limits limits = new NodeConfig.Limits(Duration.ofMinutes(10), Duration.ofSeconds(10), 1000, 64, 32,
                BACKLOG);
        ChainLimits chain = new ChainLimits(4, 8 << 20, 64 << 10, 1000, Duration.ofMillis(20));
        try (TestNet net = new TestNet(true, chain, NodeConfig.Http.DEFAULT.withPort(0).withLimits(limits));
                Socket slow = new Socket(); Socket reader = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", net.api.port()), 5_000);
            slow.setSoTimeout(30_000);
            subscribe(slow);
            BufferedReader slowLines = new BufferedReader(new InputStreamReader(slow.getInputStream(),
                    StandardCharsets.UTF_8), 16);
            awaitLine(slowLines, ": live from height");   // subscribed and live; from now on it reads nothing

            reader.connect(new InetSocketAddress("127.0.0.1", net.api.port()), 5_000);
            reader.setSoTimeout(30_000);
            subscribe(reader);
            BlockingQueue<Long> received = new LinkedBlockingQueue<>();
            Thread readerThread = new Thread(() -> readHeights(reader, received), "normal-subscriber");
            readerThread.setDaemon(true);
            readerThread.start();
            assertThat(received.poll(30, TimeUnit.SECONDS)).as("the reader is live").isEqualTo(0L);
            assertThat(net.api.eventSubscribers("open")).isEqualTo(2);

            // 96 transactions of 60 KB in blocks of at most 4: some 35 MB of events in 24 or more blocks, far beyond
            // what the slow connection's buffers and its backlog of 8 blocks hold
            long nonce = net.client.nextNonce("open", "g1");
            String value = "v".repeat(60_000);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                Transaction tx = net.tx(net.open, "g1", net.g1, nonce + i, "put", "k" + i + "=" + value);
                ids.add(net.client.submit("open", tx, false).txId());
            }
            long last = 0;
            for (String id : ids) {
                last = Math.max(last, net.client.awaitReceipt("open", id, Duration.ofSeconds(60)).path("height").asLong());
            }

            long expected = received.poll(30, TimeUnit.SECONDS);
            long first = expected;
            while (expected < last) {
                Long h = received.poll(30, TimeUnit.SECONDS);
                assertThat(h).as("block after %d", expected).isEqualTo(expected + 1);
                expected = h;
            }
            assertThat(first).isEqualTo(1);

            // the slow subscriber was dropped: what its connection still holds ends, short of the last block
            String rest = readToEnd(slow.getInputStream());
            long slowLast = 0;
            Matcher m = ID.matcher(rest);
            while (m.find()) {
                slowLast = Long.parseLong(m.group(1));
            }
            assertThat(slowLast).as("the slow subscriber got only part of the stream").isLessThan(last);
            assertThat(net.api.eventSubscribers("open")).isEqualTo(1);
        }
    }

    static void subscribe(Socket s) throws IOException {
        s.getOutputStream().write(("GET /chains/open/events HTTP/1.1\r\nHost: node\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    static void awaitLine(BufferedReader r, String prefix) throws IOException {
        for (int i = 0; i < 100; i++) {
            String line = r.readLine();
            if (line == null) {
                throw new IOException("stream ended before '" + prefix + "'");
            }
            if (line.startsWith(prefix)) {
                return;
            }
        }
        throw new IOException("no '" + prefix + "' in the first 100 lines");
    }

    /** Puts 0 when the stream is live, then the height of each block event. */
    static void readHeights(Socket s, BlockingQueue<Long> out) {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(": live from height")) {
                    out.add(0L);
                } else if (line.startsWith("id: ")) {
                    out.add(Long.parseLong(line.substring(4).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the test fails on the missing heights
        }
    }

    /** Reads until the server closes (or resets) the connection; bounded in bytes. */
    static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                if (out.size() < (64 << 20)) {
                    out.write(buf, 0, n);
                }
            }
        } catch (SocketException reset) {
            // aborted by the server
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
