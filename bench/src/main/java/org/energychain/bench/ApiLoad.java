package org.energychain.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.client.NodeClient;
import org.energychain.node.config.NodeConfig;
import org.energychain.supervision.contract.SupervisionRoles;

/**
 * Drives signed transactions through one node's REST API and reports, per way of submitting (one JSON
 * request per transaction, one binary request per transaction, batches of B), the rate the API accepts
 * them, the rate they are committed and the latency from sending to commit (p50, p99, max), beside the
 * bare rate of verifying the same signatures on all cores measured in the same run.
 *
 * <p>The transactions (kv puts from 64 senders) are signed up front; each mode runs on a fresh node (same
 * genesis, its own store) in this JVM, whose API listens on a free port; K client threads send over HTTP
 * with {@link NodeClient} (raw {@code java.net.http} for the JSON form), each for its own senders and each
 * sender's transactions in nonce order. A transaction counts as committed
 * when a block holding it is committed (seen by a block listener in the node).
 *
 * <p>Usage: {@code ApiLoad [transactions=50000] [batch=1000] [threads=8] [modes=json,binary,batch] [store-dir]}
 * (store-dir: RocksDB, one sub-directory per mode; else in memory).
 */
public final class ApiLoad {
    private static final String CHAIN = "bench";
    private static final int SENDERS = 64;

    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<String> modes = List.of((args.length > 3 ? args[3] : "json,binary,batch").split(","));
        java.nio.file.Path storeDir = args.length > 4 ? java.nio.file.Path.of(args[4]) : null;
        CryptoSuite suite = CryptoSuites.SHA256_ED25519;
        SecureRandom rnd = new SecureRandom();
        List<KeyPair> keys = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            KeyPair k = suite.signatures().generateKeyPair(rnd);
            keys.add(k);
            members.add(new Member("m" + i, java.util.Set.of(SupervisionRoles.GROUP), k.publicKey()));
        }
        Genesis genesis = new Genesis(CHAIN, suite.name(), false, Instant.parse("2026-01-01T00:00:00Z"), members,
                List.of(NodeInfo.solo("m0-node", "m0", members.get(0).key())), List.of(new Validator("m0-node", 1)),
                List.of("kv"), new ChainLimits(2000, 8 << 20, 4096, 200_000, Duration.ofMillis(100)));
        System.out.printf("signing %,d transactions from %d senders (%s)...%n", n, SENDERS, suite.name());
        List<Transaction> txs = IntStream.range(0, n).parallel().mapToObj(i -> Transaction.sign(CHAIN,
                "m" + (i % SENDERS), i / SENDERS, "kv", "put", ("k" + i + "=" + i).getBytes(StandardCharsets.UTF_8),
                suite.signatures(), keys.get(i % SENDERS).privateKey())).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d cores; client and node in one JVM; %d client threads; batches of %d%n", cores, threads,
                batch);

        // warm-up: every mode on a throwaway node, so that the measured runs are JIT-compiled
        List<Transaction> warm = txs.subList(0, Math.min(n, 10_000));
        for (String mode : modes) {
            run(genesis, keys, warm, mode, batch, threads, null, false);
        }
        double bare = bareVerification(suite, members, txs);
        System.out.printf("bare signature verification on %d cores (median of 3): %,.0f /s%n", cores, bare);
        for (String mode : modes) {
            Result r = run(genesis, keys, txs, mode, batch, threads,
                    storeDir == null ? null : storeDir.resolve(mode), true);
            System.out.printf("%-7s accepted %,7.0f tx/s  committed %,7.0f tx/s (%3.0f%% of bare)  "
                    + "commit latency p50 %,6.0f ms  p99 %,6.0f ms  max %,6.0f ms%n", mode, r.accepted(), r.committed(),
                    100 * r.committed() / bare, r.p50Ms(), r.p99Ms(), r.maxMs());
        }
    }

    /** What one mode measured: rates (tx/s) and latencies (ms). */
    record Result(double accepted, double committed, double p50Ms, double p99Ms, double maxMs) {
    }

    private static double bareVerification(CryptoSuite suite, List<Member> members, List<Transaction> txs) {
        double[] rounds = new double[3];
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long ok = txs.parallelStream().filter(t -> suite.signatures().verify(
                    members.get(Integer.parseInt(t.sender().substring(1))).key(), t.signedPayload(), t.signature()))
                    .count();
            if (ok != txs.size()) {
                throw new IllegalStateException("bad signatures in the load");
            }
            rounds[round] = txs.size() / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rounds);
        return rounds[1];
    }

    /** Sends {@code txs} to a fresh node in one mode and waits until every one is committed. */
    static Result run(Genesis genesis, List<KeyPair> keys, List<Transaction> txs, String mode, int batch, int threads,
            java.nio.file.Path storeDir, boolean print) throws Exception {
        int n = txs.size();
        HashFunction hash = genesis.cryptoSuite().hash();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(Hex.encode(txs.get(i).id(hash)), i);
        }
        ChainStoreFactory stores = storeDir == null ? ChainStoreFactory.inMemory() : ChainStoreFactory.rocksDb(storeDir);
        Node node = Node.builder().contracts(new ContractRegistry().register(new LedgerLoad.Kv())).stores(stores)
                .clock(Clock.systemUTC()).chain(genesis, "m0", keys.get(0).privateKey()).build();
        node.start();
        ApiServer api = new ApiServer(node, NodeConfig.Http.DEFAULT.withPort(0), false).start();
        URI base = URI.create("http://127.0.0.1:" + api.port());
        NodeClient client = new NodeClient(base);
        long[] sent = new long[n];
        long[] latency = new long[n];
        CountDownLatch committed = new CountDownLatch(n);
        AtomicLong lastCommit = new AtomicLong();
        var feed = node.chain(CHAIN).orElseThrow().chain().onBlock((Block b) -> {
            long now = System.nanoTime();
            for (Transaction t : b.transactions()) {
                Integer i = index.get(Hex.encode(t.id(hash)));
                if (i != null) {
                    latency[i] = now - sent[i];
                    committed.countDown();
                }
            }
            lastCommit.set(now);
        });
        HttpClient http = HttpClient.newBuilder().build();
        int step = mode.equals("batch") ? batch : 1;
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < threads; c++) {
            // each client thread sends for its own senders, each sender's transactions in nonce order, as a
            // member's own client would (two threads sending one sender's nonces would race into gaps)
            int thread = c;
            List<Integer> mine = IntStream.range(0, n).filter(i -> i % SENDERS % threads == thread).boxed().toList();
            workers.add(clients.submit(() -> {
                for (int from = 0; from < mine.size(); from += step) {
                    List<Integer> chunk = mine.subList(from, Math.min(mine.size(), from + step));
                    long t0 = System.nanoTime();
                    for (int i : chunk) {
                        sent[i] = t0;
                    }
                    switch (mode) {
                        case "json" -> postJson(http, base, txs.get(chunk.get(0)));
                        case "binary" -> client.submit(CHAIN, txs.get(chunk.get(0)), false);
                        case "batch" -> {
                            for (NodeClient.BatchItem it : client.submitBatch(CHAIN,
                                    chunk.stream().map(txs::get).toList())) {
                                if (!it.accepted()) {
                                    throw new IllegalStateException("refused: " + it);
                                }
                            }
                        }
                        default -> throw new IllegalArgumentException("unknown mode " + mode
                                + " (json, binary, batch)");
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(30, TimeUnit.MINUTES);
        }
        double acceptSecs = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        if (!committed.await(60, TimeUnit.SECONDS)) {
            // admitted but not committed a minute after the last answer: report, never hide
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < n && missing.size() < 3; i++) {
                if (latency[i] == 0) {
                    missing.add(txs.get(i).sender() + "#" + txs.get(i).nonce() + " receipt="
                            + client.receipt(CHAIN, Hex.encode(txs.get(i).id(hash))).isPresent());
                }
            }
            System.out.printf("%-7s WARNING: %d admitted transactions not committed after 60 s (node: %s pending); "
                    + "e.g. %s%n", mode, committed.getCount(), client.status(CHAIN).path("pending"), missing);
        }
        double commitSecs = (lastCommit.get() - start) / 1e9;
        long height = node.chain(CHAIN).orElseThrow().chain().store().height();
        feed.close();
        api.close();
        node.close();
        long[] done = Arrays.stream(latency).filter(l -> l > 0).sorted().toArray();
        int c = done.length;
        if (print) {
            System.out.printf("%-7s %,d transactions: all answered after %.2f s; %,d committed in %d blocks after %.2f s%n",
                    mode, n, acceptSecs, c, height, commitSecs);
        }
        return new Result(n / acceptSecs, c / commitSecs, done[c / 2] / 1e6, done[(int) (c * 0.99)] / 1e6,
                done[c - 1] / 1e6);
    }

    private static void postJson(HttpClient http, URI base, Transaction tx) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/chains/" + CHAIN + "/transactions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("refused: " + r.statusCode() + " " + r.body());
        }
    }
}
