package org.energychain.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.energychain.cli.Cli;
import org.energychain.cli.NodeProcess;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureSchemes;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;
import org.energychain.supervision.contract.FilingArgs;
import org.energychain.supervision.contract.RegulatoryFilingContract;
import org.energychain.supervision.store.PeriodKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node on RocksDB (the default network's node.yaml) killed with SIGKILL while it is committing: every
 * transaction whose committed receipt a client received before the kill is still there after a restart, in
 * the same block, and the chains verify from disk. Clients file one-day periods of G1 on the regulatory chain
 * from several threads, with {@code ?wait=true}, so submissions are in flight when the node dies.
 */
class NodeCrashTest {
    private static final int CHAINS = 4;
    private static final int CLIENTS = 6;
    private static final int ACKS_PER_ROUND = 30;
    private static final int KILLS = 2;
    private static final String CHAIN = "regulatory";

    @TempDir
    Path dir;

    private NodeProcess node;
    private Load load;

    /** A committed receipt a client got back. */
    record Ack(String txId, long height, String blockHash) {
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (load != null) {
            load.stop();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void acknowledgedTransactionsSurviveSigkill() throws Exception {
        Path net = dir.resolve("net");
        Path config = net.resolve("node.yaml");
        Cli genesis = Cli.run("genesis", "network", "--groups", "G1", "--regulator", "REG", "--platform", "PLAT",
                "--out", net.toString());
        assertThat(genesis.exit()).as(genesis.toString()).isZero();
        PrivateKey key = KeyFiles.readPrivateKey(net.resolve("keys/G1.key"));
        Map<String, Ack> acked = new ConcurrentHashMap<>();
        AtomicInteger periods = new AtomicInteger();

        for (int round = 1; round <= KILLS; round++) {
            node = NodeProcess.start(config, dir.resolve("node-" + round + ".log"), CHAINS);
            NodeClient client = new NodeClient(URI.create(node.url())).signedAs("G1", key);
            assertAllAcknowledgedAreCommitted(client, acked, round);

            int before = acked.size();
            int run = round;
            load = new Load(client, key, periods, acked);
            load.start();
            await(() -> acked.size() >= before + ACKS_PER_ROUND || !load.errors.isEmpty(), 60,
                    () -> "acknowledgements in round " + run + ": " + (acked.size() - before) + ", errors " + load.errors
                            + "\n" + node.tail());
            assertThat(load.errors).as("submissions before the kill").isEmpty();
            await(() -> load.inFlight.get() > 0, 30, () -> "a submission in flight");
            load.killing = true;
            int inFlight = load.inFlight.get();
            node.kill();
            System.out.printf("NodeCrashTest round %d: %d acknowledged in total, %d in flight at the kill%n", round,
                    acked.size(), inFlight);
            load.stop();
            assertThat(load.errors).as("submissions before the kill").isEmpty();
            load = null;
        }

        node = NodeProcess.start(config, dir.resolve("node-final.log"), CHAINS);
        NodeClient client = new NodeClient(URI.create(node.url())).signedAs("G1", key);
        assertAllAcknowledgedAreCommitted(client, acked, KILLS + 1);
        node.stop();
        node = null;

        Cli verify = Cli.run("chain", "verify", "--config", config.toString(), "--json");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.json()).hasSize(CHAINS);
        for (JsonNode c : verify.json()) {
            assertThat(c.get("ok").asBoolean()).as(verify.toString()).isTrue();
        }
        long maxHeight = acked.values().stream().mapToLong(Ack::height).max().orElseThrow();
        assertThat(verify.json().findValues("chain").stream().map(JsonNode::asText).toList()).contains(CHAIN);
        for (JsonNode c : verify.json()) {
            if (c.get("chain").asText().equals(CHAIN)) {
                assertThat(c.get("height").asLong()).isGreaterThanOrEqualTo(maxHeight);
            }
        }
    }

    /** Every acknowledged transaction has its receipt, in the same block, and the chain reaches that far. */
    private void assertAllAcknowledgedAreCommitted(NodeClient client, Map<String, Ack> acked, int run) {
        assertThat(acked.size()).as("acknowledged before run " + run).isGreaterThanOrEqualTo((run - 1) * ACKS_PER_ROUND);
        long height = client.status(CHAIN).path("height").asLong();
        List<String> missing = new ArrayList<>();
        for (Ack a : acked.values()) {
            Optional<JsonNode> r = client.receipt(CHAIN, a.txId());
            if (r.isEmpty()) {
                missing.add(a + ": no receipt");
            } else if (r.get().path("height").asLong() != a.height()
                    || !r.get().path("blockHash").asText().equals(a.blockHash())
                    || r.get().at("/result/code").asInt(-1) != 0) {
                missing.add(a + ": now " + r.get());
            }
        }
        assertThat(missing).as("acknowledged transactions lost or moved after the node was killed (run " + run
                + ", chain height " + height + ")").isEmpty();
        assertThat(height).isGreaterThanOrEqualTo(acked.values().stream().mapToLong(Ack::height).max().orElse(0));
    }

    private static void await(BooleanSupplier condition, int seconds, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what.get());
            }
            Thread.sleep(10);
        }
    }

    /** Client threads filing fresh one-day periods of G1 with consecutive nonces, each waiting for its receipt. */
    static final class Load {
        private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

        final AtomicInteger inFlight = new AtomicInteger();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        volatile boolean killing;
        private volatile boolean stopped;
        private final NodeClient client;
        private final PrivateKey key;
        private final AtomicInteger periods;
        private final Map<String, Ack> acked;
        private final AtomicLong nonce;
        private final List<Thread> threads = new ArrayList<>();

        Load(NodeClient client, PrivateKey key, AtomicInteger periods, Map<String, Ack> acked) {
            this.client = client;
            this.key = key;
            this.periods = periods;
            this.acked = acked;
            this.nonce = new AtomicLong(client.nextNonce(CHAIN, "G1"));
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                Thread t = new Thread(this::run, "crash-client-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(t.isAlive()).as(t.getName() + " ended").isFalse();
            }
        }

        private void run() {
            while (!stopped && !killing) {
                int p = periods.getAndIncrement();
                LocalDate day = FIRST_DAY.plusDays(p);
                FilingArgs args = new FilingArgs(new PeriodKey("G1", day, day.plusDays(1), 1), "SHA-256",
                        digest("Hash_G " + p), digest("Hash(D2) " + p), 1);
                Transaction tx = Transaction.sign(CHAIN, "G1", nonce.getAndIncrement(), RegulatoryFilingContract.NAME,
                        RegulatoryFilingContract.FILE, args.encode(), SignatureSchemes.byName(key.scheme()), key);
                inFlight.incrementAndGet();
                try {
                    NodeClient.SubmitResult r = client.submit(CHAIN, tx, true);
                    if (!r.committed()) {
                        if (!killing) {
                            errors.add("not committed within the node's wait: " + r);
                        }
                        return;
                    }
                    JsonNode receipt = r.receipt();
                    if (receipt.at("/result/code").asInt(-1) != 0) {
                        errors.add("refused: " + receipt);
                        return;
                    }
                    acked.put(r.txId(), new Ack(r.txId(), receipt.path("height").asLong(),
                            receipt.path("blockHash").asText()));
                } catch (NodeClientException e) {
                    if (!killing) {
                        errors.add(e.status() + " " + e.code() + ": " + e.getMessage());
                    }
                    return;
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        }

        private static byte[] digest(String s) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
