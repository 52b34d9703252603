package org.energychain.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.order.SoloOrderer;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;
import org.energychain.supervision.contract.SupervisionRoles;

/**
 * Drives signed transactions through one chain with its solo orderer and reports committed
 * transactions per second and commit latency percentiles, beside the bare rate of verifying the same
 * signatures on all cores measured in the same run (signature checks are the physical limit).
 *
 * <p>Usage: {@code LedgerLoad [transactions] [suite] [store-dir]} (store-dir: RocksDB, else in memory).
 */
public final class LedgerLoad {
    private LedgerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        CryptoSuite suite = CryptoSuites.byName(args.length > 1 ? args[1] : "sha256-ed25519");
        int senders = 64;
        SecureRandom rnd = new SecureRandom();
        List<KeyPair> keys = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            KeyPair k = suite.signatures().generateKeyPair(rnd);
            keys.add(k);
            members.add(new Member("m" + i, java.util.Set.of(SupervisionRoles.GROUP), k.publicKey()));
        }
        Genesis genesis = new Genesis("bench", suite.name(), false, Instant.parse("2026-01-01T00:00:00Z"), members,
                List.of(NodeInfo.solo("m0-node", "m0", members.get(0).key())), List.of(new Validator("m0-node", 1)),
                List.of("kv"),
                new ChainLimits(2000, 8 << 20, 4096, 200_000, Duration.ofMillis(100)));
        System.out.printf("signing %,d transactions (%s)...%n", n, suite.name());
        List<Transaction> txs = IntStream.range(0, n).parallel().mapToObj(i -> Transaction.sign("bench",
                "m" + (i % senders), i / senders, "kv", "put",
                ("k" + i + "=" + i).getBytes(StandardCharsets.UTF_8), suite.signatures(),
                keys.get(i % senders).privateKey())).toList();

        int cores = Runtime.getRuntime().availableProcessors();
        org.energychain.ledger.store.rocks.RocksChainStores rocks = args.length > 2
                ? org.energychain.ledger.store.rocks.RocksChainStores.open(java.nio.file.Path.of(args[2])) : null;
        // warm-up: the same load on a throwaway in-memory chain, so the measured run is JIT-compiled
        run(genesis, new InMemoryChainStore(genesis), keys, txs.subList(0, Math.min(n, 20_000)), cores, false);
        // baseline: verify the same signatures on all cores
        double[] rounds = new double[3];
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long ok = txs.parallelStream().filter(t -> suite.signatures().verify(
                    members.get(Integer.parseInt(t.sender().substring(1))).key(), t.signedPayload(), t.signature())).count();
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            if (ok != n) {
                throw new IllegalStateException("bad signatures in the load");
            }
            rounds[round] = rate;
        }
        Arrays.sort(rounds);
        double bare = rounds[1];
        System.out.printf("bare signature verification on %d cores (median of 3): %,.0f /s%n", cores, bare);

        Function<Genesis, ChainStore> stores = g -> rocks != null ? rocks.forChain(g) : new InMemoryChainStore(g);
        ChainStore store = stores.apply(genesis);
        System.out.println("store: " + (rocks != null ? "RocksDB in " + args[2] + " (synced writes)" : "in memory"));
        double committed = run(genesis, store, keys, txs, cores, true);
        System.out.printf("committed/bare = %.0f%%%n", 100 * committed / bare);
        if (rocks != null) {
            rocks.close();
        }
    }

    /** Submits {@code txs} from {@code cores} threads through a chain with its solo orderer; returns tx/s. */
    static double run(Genesis genesis, ChainStore store, List<KeyPair> keys, List<Transaction> txs, int cores,
            boolean print) throws Exception {
        int n = txs.size();
        Chain chain = new Chain(genesis, store, new ContractRegistry().register(new Kv()), "m0-node",
                keys.get(0).privateKey(), Clock.systemUTC());
        SoloOrderer orderer = new SoloOrderer(chain);
        orderer.start();
        long[] latency = new long[n];
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<?>> done = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(cores);
        long start = System.nanoTime();
        List<Future<?>> clientRuns = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            clientRuns.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long t0 = System.nanoTime();
                    Submission s = chain.submit(txs.get(i));
                    if (!s.accepted()) {
                        throw new IllegalStateException(s.rejection().message());
                    }
                    int idx = i;
                    synchronized (done) {
                        done.add(s.receipt().thenRun(() -> latency[idx] = System.nanoTime() - t0));
                    }
                }
                return null;
            }));
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.MINUTES);
        for (Future<?> run : clientRuns) {
            run.get(); // a client's failure (a rejected transaction) fails the run instead of being lost
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        double secs = (System.nanoTime() - start) / 1e9;
        orderer.close();
        Arrays.sort(latency);
        double committed = n / secs;
        if (print) {
            System.out.printf("committed %,d transactions in %d blocks in %.2f s: %,.0f tx/s%n", n, store.height(), secs,
                    committed);
            System.out.printf("commit latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latency[n / 2] / 1e6,
                    latency[(int) (n * 0.99)] / 1e6, latency[n - 1] / 1e6);
        }
        chain.close();
        return committed;
    }

    /** put "k=v" into state. */
    static final class Kv implements Contract {
        @Override
        public String name() {
            return "kv";
        }

        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of("put", MethodSpec.submit());
        }

        @Override
        public void submit(TxContext ctx, String method, byte[] args) {
            String[] kv = new String(args, StandardCharsets.UTF_8).split("=", 2);
            ctx.put(kv[0], kv[1].getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] query(QueryContext ctx, String method, byte[] args) {
            return ctx.get(new String(args, StandardCharsets.UTF_8));
        }
    }
}
