package org.energychain.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consortium network as processes of this machine (each node its own JVM, mutual TLS between them):
 * kill -9 of the leader under load with a history check, a node restarted far behind (catching up past
 * the leader's snapshot), and a validator that signs wrong state roots. Every wait is bounded.
 */
class NetworkProcessTest {
    @TempDir
    Path dir;
    TestConsortium net;
    LocalNetworkProcesses procs;
    List<LocalNetworkProcesses.LocalNode> nodes;

    @AfterEach
    void down(org.junit.jupiter.api.TestInfo info) throws Exception {
        if (procs != null) {
            NodeLogs.keep(info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"), nodes);
            for (LocalNetworkProcesses.LocalNode n : nodes) {
                procs.stop(n, true, Duration.ofSeconds(10));
            }
        }
    }

    void up(String networkExtra, Map<String, Map<String, String>> env) throws Exception {
        net = new TestConsortium(dir, TestConsortium.loopback(4), networkExtra);
        procs = new LocalNetworkProcesses(dir);
        nodes = new ArrayList<>(procs.nodes().values());
        for (LocalNetworkProcesses.LocalNode n : nodes) {
            procs.start(n, List.of("-Xmx256m", "-XX:+UseSerialGC"), env.getOrDefault(n.id(), Map.of()), List.of());
        }
        for (LocalNetworkProcesses.LocalNode n : nodes) {
            assertThat(procs.awaitUp(n, Duration.ofSeconds(180))).as(n.id() + " up").isTrue();
        }
        awaitLeader();
    }

    NodeClient client(int i) {
        return new NodeClient(URI.create(nodes.get(i).url())).with(Duration.ofSeconds(20), java.time.Clock.systemUTC());
    }

    /** The index of the leading node once one leads (bounded wait). */
    int awaitLeader() throws InterruptedException {
        for (int t = 0; t < 600; t++) {
            for (int i = 0; i < nodes.size(); i++) {
                var s = procs.get(nodes.get(i), "/chains/" + TestConsortium.CHAIN + "/status");
                if (s.isPresent() && s.get().at("/network/isLeader").asBoolean()) {
                    return i;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("no leader within two minutes");
    }

    Transaction publish(int group, long nonce) {
        String g = "G" + (group + 1);
        String id = "D1/" + g + "/" + nonce;
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) nonce);
        Listing l = new Listing(id, "SHA-256", root, 4096, "wind", "generation-profile", "North", g, g + "-W001",
                "time-series", "active_power", "kW", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), 100, "licence: research", "https://" + g + ".example/data");
        return Transaction.sign(TestConsortium.CHAIN, g, nonce, CatalogContract.NAME, CatalogContract.PUBLISH,
                l.encode(), net.suite.signatures(), net.groups.get(group).privateKey());
    }

    /** Sends to the nodes in turn (skipping dead ones) until one gives the receipt; its height, or -1 in time. */
    long submitUntilCommitted(Transaction tx, int first, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String id = Hex.encode(tx.id(net.suite.hash()));
        for (int i = first; System.nanoTime() < end; i++) {
            NodeClient c = client(i % nodes.size());
            try {
                NodeClient.SubmitResult r = c.submit(TestConsortium.CHAIN, tx, true);
                JsonNode receipt = r.receipt() != null ? r.receipt()
                        : c.awaitReceipt(TestConsortium.CHAIN, r.txId(), Duration.ofSeconds(5));
                return receipt.path("height").asLong();
            } catch (NodeClientException e) {
                if ("REPLAYED".equals(e.code())) {
                    // committed already (an earlier try did land): its receipt says where
                    var r = c.receipt(TestConsortium.CHAIN, id);
                    if (r.isPresent()) {
                        return r.get().path("height").asLong();
                    }
                }
            } catch (RuntimeException e) {
                // this node is down or slow: the next one
            }
        }
        return -1;
    }

    long height(int i) {
        return client(i).status(TestConsortium.CHAIN).path("height").asLong();
    }

    void awaitHeight(int i, long h) throws InterruptedException {
        for (int t = 0; t < 600; t++) {
            try {
                if (height(i) >= h) {
                    return;
                }
            } catch (RuntimeException e) {
                // not up yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("node " + nodes.get(i).id() + " did not reach height " + h);
    }

    /** Every live node has the same block at every height; no transaction is in two places. */
    void assertOneHistory(int... live) {
        long h = height(live[0]);
        for (int i : live) {
            assertThat(height(i)).as(nodes.get(i).id() + " height").isEqualTo(h);
        }
        Set<String> seen = new HashSet<>();
        for (long b = 1; b <= h; b++) {
            Block first = client(live[0]).rawBlock(TestConsortium.CHAIN, b, 32);
            for (int i : live) {
                assertThat(Arrays.equals(client(i).rawBlock(TestConsortium.CHAIN, b, 32).encode(), first.encode()))
                        .as(nodes.get(i).id() + " block " + b).isTrue();
            }
            for (Transaction t : first.transactions()) {
                assertThat(seen.add(Hex.encode(t.id(net.suite.hash())))).as("applied once: " + t.sender() + "/"
                        + t.nonce()).isTrue();
            }
        }
    }

    @Test
    void killingTheLeaderUnderLoadLosesNothingAcknowledgedAndTheNodesKeepOneHistory() throws Exception {
        up("", Map.of());
        int leader = awaitLeader();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            int group = g;
            work.add(senders.submit(() -> {
                for (long nonce = 0; nonce < 40; nonce++) {
                    Transaction tx = publish(group, nonce);
                    long h = submitUntilCommitted(tx, group, Duration.ofSeconds(120));
                    if (h < 0) {
                        throw new AssertionError("nothing committed " + tx.sender() + "/" + tx.nonce());
                    }
                    acked.put(Hex.encode(tx.id(net.suite.hash())), h);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (int t = 0; t < 1200 && done.get() < 40; t++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        procs.stop(nodes.get(leader), true, Duration.ofSeconds(10));
        for (Future<?> f : work) {
            f.get(300, TimeUnit.SECONDS);
        }
        senders.shutdown();
        int[] live = java.util.stream.IntStream.range(0, 4).filter(i -> i != leader).toArray();
        int newLeader = awaitLeader();
        assertThat(newLeader).isNotEqualTo(leader);
        long top = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (int i : live) {
            awaitHeight(i, top);
        }
        assertOneHistory(live);
        for (int i : live) {
            for (Map.Entry<String, Long> e : acked.entrySet()) {
                JsonNode r = client(i).receipt(TestConsortium.CHAIN, e.getKey()).orElseThrow(() -> new AssertionError(
                        "an acknowledged transaction is missing"));
                assertThat(r.path("height").asLong()).isEqualTo(e.getValue());
            }
        }
        assertThat(acked).hasSize(160);
        // three of the four validators still make blocks final
        for (int t = 0; t < 300 && client(live[0]).status(TestConsortium.CHAIN).path("finalHeight").asLong() < top; t++) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        assertThat(client(live[0]).status(TestConsortium.CHAIN).path("finalHeight").asLong()).isGreaterThanOrEqualTo(top);

        // the killed node restarts on its own data and catches up
        procs.start(nodes.get(leader), List.of("-Xmx256m", "-XX:+UseSerialGC"));
        assertThat(procs.awaitUp(nodes.get(leader), Duration.ofSeconds(180))).isTrue();
        awaitHeight(leader, height(live[0]));
        assertOneHistory(0, 1, 2, 3);
    }

    @Test
    void aNodeRestartedFarBehindCatchesUpPastTheLeadersSnapshot() throws Exception {
        Map<String, String> info = Map.of("ENERGYCHAIN_LOG", "INFO");
        up("snapshot-every: 32\nlog-segment-bytes: 65536", Map.of("N1", info, "N2", info, "N3", info, "N4", info));
        int leader = awaitLeader();
        int down = (leader + 1) % 4;
        procs.stop(nodes.get(down), true, Duration.ofSeconds(10));
        long top = 0;
        for (long nonce = 0; nonce < 320; nonce++) {
            int g = (int) (nonce % 4);
            long h = submitUntilCommitted(publish(g, nonce / 4), down + 1, Duration.ofSeconds(60));
            assertThat(h).isPositive();
            top = Math.max(top, h);
        }
        procs.start(nodes.get(down), List.of("-Xmx256m", "-XX:+UseSerialGC"), info, List.of());
        assertThat(procs.awaitUp(nodes.get(down), Duration.ofSeconds(180))).isTrue();
        awaitHeight(down, top);
        assertOneHistory(0, 1, 2, 3);
        assertThat(client(down).status(TestConsortium.CHAIN).at("/network/fetchedBlocks").asLong())
                .as("caught up past the leader's snapshot by fetching and re-executing blocks").isPositive();
    }

    @Test
    void aValidatorSigningWrongStateRootsGetsIntoNoCertificateAndTheHonestNodesAgree() throws Exception {
        up("", Map.of("N4", Map.of("ENERGYCHAIN_TEST_FAULTS", "vote-wrong-state-root")));
        long top = 0;
        for (long nonce = 0; nonce < 12; nonce++) {
            top = Math.max(top, submitUntilCommitted(publish((int) (nonce % 3), nonce / 3), 0, Duration.ofSeconds(60)));
        }
        for (int i = 0; i < 4; i++) {
            awaitHeight(i, top);
        }
        assertOneHistory(0, 1, 2, 3);
        for (int t = 0; t < 300 && client(0).status(TestConsortium.CHAIN).path("finalHeight").asLong() < top; t++) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        int certified = 0;
        for (long b = 1; b <= top; b++) {
            JsonNode block = client(0).block(TestConsortium.CHAIN, b);
            assertThat(block.path("final").asBoolean()).as("block " + b + " final").isTrue();
            if (block.hasNonNull("certificate")) {
                FinalityCertificate c = FinalityCertificate.decode(Hex.decode(block.get("certificate").asText()), 32);
                assertThat(c.problem(net.genesis)).isEmpty();
                assertThat(c.signatures()).extracting(FinalityCertificate.Signature::node).doesNotContain("N4");
                certified++;
            }
        }
        assertThat(certified).isPositive();
        assertThat(java.nio.file.Files.readString(nodes.get(3).dir().resolve("node.log"))).contains("TEST FAULTS ARE ON");
    }
}
