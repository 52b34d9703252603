package org.energychain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.energychain.cli.chain.LocalNetworkProcesses;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.client.NodeClient;
import org.energychain.node.genesis.OneChainNetwork;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;

/**
 * Final transactions per second of a trading chain replicated on n validators, each its own node process on
 * this machine (mutual TLS between them), under catalogue publications signed up front and sent in batches
 * through the nodes' client API by K client threads, each thread to another node (followers hand them to the
 * leader). For each n: the rate at which transactions become final (their block certified by more than two
 * thirds of the validators), the latency from sending to final (p50, p99), and beside it, measured in the same
 * run, the bare rate of verifying the same signatures on all cores divided by n (every node verifies every
 * transaction), before the nodes start and again after they stop. n = 1 is one node replicating alone: the
 * single-node rate through the same path.
 *
 * <p>Usage: {@code NetworkLoad [validators=1,3,4,7] [transactions=20000] [batch=200] [threads=4] [rate=0] [dir]}:
 * with a rate (transactions per second offered, in paced batches) the latencies are those of a network
 * carrying that rate; with 0 everything is sent at once, which measures the most the network takes (and
 * latencies that are mostly waiting in line). First as many transactions again (or {@code -Dwarmup=N}) are sent
 * and made final unmeasured, at the same rate: fresh node JVMs compile their hot code for minutes on a shared
 * 2-core machine, which is not what a running consortium pays. {@code -DblockIntervalMs} sets the chain's block
 * interval (100 ms), {@code -DnodeGc} the nodes' collector (Parallel); {@code -DphaseMarker=FILE} marks the
 * measured phase for tools that sample the nodes ({@code bench/scripts/node-threads.py}). Beside the rates it
 * prints each node process's CPU time per final transaction (all its threads: compilation, GC and RocksDB
 * included), which other load on the machine changes much less.
 */
public final class NetworkLoad {
    private static final String CHAIN = OneChainNetwork.CHAIN;

    private NetworkLoad() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1,3,4,7").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        Path root = args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("network-load");
        System.out.printf("network load: %,d catalogue publications per run, batches of %d from %d client threads, %s,"
                + " %d cores, dir %s%n", n, batch, threads, rate > 0 ? String.format("offered at %,.0f tx/s", rate)
                        : "all at once", Runtime.getRuntime().availableProcessors(), root);
        for (int v : sizes) {
            run(root.resolve("n" + v), v, n, batch, threads, rate);
        }
    }

    /** n signed catalogue publications by senders S0..S(senders-1), each sender's in nonce order. */
    static List<Transaction> publications(int n, int senders, CryptoSuite suite,
            List<org.energychain.crypto.sign.KeyPair> keys) {
        return IntStream.range(0, n).parallel().mapToObj(i -> {
            int s = i % senders;
            long nonce = i / senders;
            byte[] root = new byte[32];
            Arrays.fill(root, (byte) i);
            root[0] = (byte) (i >>> 24);
            root[1] = (byte) (i >>> 16);
            Listing l = new Listing("D1/S" + s + "/" + nonce, "SHA-256", root, 4096, "wind", "generation-profile",
                    "North", "S" + s, "S" + s + "-W001", "time-series", "active_power", "kW",
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), 100,
                    "licence: research", "https://S" + s + ".example/data");
            return Transaction.sign(CHAIN, "S" + s, nonce, CatalogContract.NAME, CatalogContract.PUBLISH, l.encode(),
                    suite.signatures(), keys.get(s).privateKey());
        }).toList();
    }

    static void run(Path dir, int validators, int n, int batch, int threads, double rate) throws Exception {
        CryptoSuite suite = CryptoSuites.SHA256_ED25519;
        int senders = 64;
        OneChainNetwork net = OneChainNetwork.create(dir, suite, OneChainNetwork.loopback(validators),
                OneChainNetwork.loopback(validators), senders,
                new ChainLimits(4000, 16 << 20, 16 << 10, 400_000,
                        Duration.ofMillis(Long.getLong("blockIntervalMs", 100))), "");
        // sign up front: sender S(i mod 64), its nonces in order; the first ones warm the nodes up (fresh JVMs
        // compile their hot code during the first seconds), then the measured ones follow
        int warm = Integer.getInteger("warmup", n) / senders * senders;
        List<Transaction> all = publications(warm + n, senders, suite, net.senders());
        List<Transaction> warmup = all.subList(0, warm);
        List<Transaction> txs = all.subList(warm, all.size());
        double bare = bareVerification(txs, net);

        LocalNetworkProcesses procs = new LocalNetworkProcesses(dir);
        List<LocalNetworkProcesses.LocalNode> nodes = new ArrayList<>(procs.nodes().values());
        try {
            for (LocalNetworkProcesses.LocalNode node : nodes) {
                List<String> jvm = new ArrayList<>(List.of("-Xmx512m",
                        System.getProperty("nodeGc", "-XX:+UseParallelGC")));
                // e.g. -DnodeJvm=-XX:StartFlightRecording=filename=node.jfr to profile the nodes
                String extra = System.getProperty("nodeJvm", "");
                if (!extra.isBlank()) {
                    jvm.addAll(Arrays.asList(extra.trim().split("\\s+")));
                }
                procs.start(node, jvm);
            }
            for (LocalNetworkProcesses.LocalNode node : nodes) {
                if (!procs.awaitUp(node, Duration.ofSeconds(300))) {
                    throw new IllegalStateException(node.id() + " did not come up; see its node.log");
                }
            }
            NodeClient leader = awaitLeader(procs, nodes);
            Optional<NodeClient> follower = aFollower(procs, nodes);
            List<ProcessHandle> handles = new ArrayList<>();
            for (LocalNetworkProcesses.LocalNode node : nodes) {
                handles.add(procs.process(node).orElseThrow());
            }
            Map<String, Long> sent = new ConcurrentHashMap<>();
            Map<String, Long> committed = new ConcurrentHashMap<>();
            Map<String, Long> finalised = new ConcurrentHashMap<>();
            Map<String, Long> finalAtFollower = new ConcurrentHashMap<>();
            Monitor monitor = new Monitor(leader, follower, suite, committed, finalised, finalAtFollower);
            Thread mt = new Thread(monitor, "monitor");
            mt.start();
            if (!warmup.isEmpty()) {
                send(warmup, nodes, threads, batch, rate, suite, new ConcurrentHashMap<>());
                long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (finalised.size() < warmup.size() && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                System.out.printf("%d validators: warm-up of %,d transactions final%n", validators, finalised.size());
                finalised.clear();
                committed.clear();
                finalAtFollower.clear();
            }
            long[] cpuBefore = cpuNanos(handles);
            long[] jitBefore = compilerNanos(handles);
            long selfBefore = cpuNanos(List.of(ProcessHandle.current()))[0];
            long blocksBefore = monitor.blocks.get();
            phase("measured");
            long start = send(txs, nodes, threads, batch, rate, suite, sent);
            long sentAll = System.nanoTime();
            long deadline = sentAll + TimeUnit.MINUTES.toNanos(5);
            // the follower's figures too must cover every transaction: its last blocks are final there last
            while ((finalised.size() < n || follower.isPresent() && finalAmong(sent, finalAtFollower) < n)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            monitor.stop = true;
            mt.join(10_000);
            if (finalised.size() < n) {
                System.out.printf("%d validators: only %,d of %,d final within 5 minutes after sending%n", validators,
                        finalised.size(), n);
            }
            long[] cpuAfter = cpuNanos(handles);
            long[] jitAfter = compilerNanos(handles);
            long selfCpu = cpuNanos(List.of(ProcessHandle.current()))[0] - selfBefore;
            phase("done");
            StringBuilder perNode = new StringBuilder();
            long cpuAll = 0;
            for (int i = 0; i < handles.size(); i++) {
                long d = cpuAfter[i] - cpuBefore[i];
                cpuAll += d;
                perNode.append(i == 0 ? "" : ", ").append(nodes.get(i).id()).append(' ')
                        .append(finalised.isEmpty() ? 0 : d / 1000 / finalised.size());
            }
            long jitAll = 0;
            for (int i = 0; i < handles.size(); i++) {
                jitAll += Math.max(0, jitAfter[i] - jitBefore[i]);
            }
            System.out.printf("%d validator%s: node CPU per final transaction (µs): %s; all nodes %d µs, of which the"
                    + " JIT compiler threads %d µs; this load generator %d µs%n", validators, validators == 1 ? "" : "s",
                    perNode, finalised.isEmpty() ? 0 : cpuAll / 1000 / finalised.size(),
                    finalised.isEmpty() ? 0 : jitAll / 1000 / finalised.size(),
                    finalised.isEmpty() ? 0 : selfCpu / 1000 / finalised.size());
            long lastFinal = finalised.values().stream().mapToLong(Long::longValue).max().orElse(start);
            long lastCommit = committed.values().stream().mapToLong(Long::longValue).max().orElse(start);
            long[] toFinal = latencies(sent, finalised);
            long[] toCommit = latencies(sent, committed);
            long[] toFollowerFinal = latencies(sent, finalAtFollower);
            double finalRate = finalised.size() / ((lastFinal - start) / 1e9);
            double commitRate = committed.size() / ((lastCommit - start) / 1e9);
            System.out.printf("%d validator%s: final %,.0f tx/s (commit %,.0f tx/s); to final p50 %d ms, p99 %d ms; to"
                    + " commit p50 %d ms, p99 %d ms; bare verification on all cores / %d = %,.0f /s; final/that = %.0f%%;"
                    + " blocks %d%n", validators, validators == 1 ? "" : "s", finalRate, commitRate,
                    pct(toFinal, 50), pct(toFinal, 99), pct(toCommit, 50), pct(toCommit, 99), validators,
                    bare / validators, 100 * finalRate / (bare / validators), monitor.blocks.get() - blocksBefore);
            if (follower.isPresent()) {
                System.out.printf("%d validators: final at a follower (the leader appends the certificate): %,d of %,d;"
                        + " to final there p50 %d ms, p99 %d ms%n", validators, finalAmong(sent, finalAtFollower), n,
                        pct(toFollowerFinal, 50), pct(toFollowerFinal, 99));
            }
            if (validators > 1) {
                // what the followers handed to the leader again, and what they verified while the block waited in
                // their log (warm-up included)
                StringBuilder resent = new StringBuilder();
                StringBuilder ahead = new StringBuilder();
                for (LocalNetworkProcesses.LocalNode node : nodes) {
                    procs.get(node, "/chains/" + CHAIN + "/status").map(st -> st.at("/network")).ifPresent(status -> {
                        String sep = resent.isEmpty() ? "" : ", ";
                        resent.append(sep).append(node.id()).append(' ').append(status.at("/resentTransactions").asLong())
                                .append(" (").append(status.at("/resendRoundsDeferred").asLong()).append(" rounds deferred)");
                        ahead.append(sep).append(node.id()).append(' ').append(status.at("/signaturesVerifiedAhead").asLong())
                                .append(" in ").append(status.at("/blocksVerifiedAhead").asLong()).append(" blocks");
                    });
                }
                System.out.printf("%d validators: transactions handed to the leader again: %s%n", validators, resent);
                System.out.printf("%d validators: signatures verified ahead of applying: %s%n", validators, ahead);
            }
        } finally {
            for (LocalNetworkProcesses.LocalNode node : nodes) {
                procs.stop(node, false, Duration.ofSeconds(30));
            }
        }
        // measured again once the nodes are gone: a shared machine's speed moves during a run of minutes, and a
        // figure compared with another run means little when the two bare rates differ
        double bareAfter = bareVerification(txs, net);
        System.out.printf("%d validator%s: bare verification on all cores / %d after the run = %,.0f /s (before it:"
                + " %,.0f /s, %+.0f %%)%n", validators, validators == 1 ? "" : "s", validators, bareAfter / validators,
                bare / validators, 100 * (bareAfter / bare - 1));
    }

    /**
     * With {@code -DphaseMarker=FILE}, writes FILE.measured when the measured transactions start and FILE.done when
     * they are final, and waits 2 s after the second while the nodes still run: tools that sample the node
     * processes (per-thread CPU from {@code /proc}) take their readings between the two.
     */
    private static void phase(String name) throws Exception {
        String marker = System.getProperty("phaseMarker", "");
        if (!marker.isBlank()) {
            Files.writeString(Path.of(marker + "." + name), name);
            if (name.equals("done")) {
                Thread.sleep(2_000);
            }
        }
    }

    /** Sends {@code txs} from K client threads, each to another node; returns when all are accepted: the start. */
    static long send(List<Transaction> txs, List<LocalNetworkProcesses.LocalNode> nodes, int threads, int batch,
            double rate, CryptoSuite suite, Map<String, Long> sent) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                NodeClient to = new NodeClient(URI.create(nodes.get(t % nodes.size()).url()))
                        .with(Duration.ofSeconds(60), java.time.Clock.systemUTC());
                work.add(pool.submit(() -> {
                    // this thread's senders: s with s % threads == me, in nonce order
                    List<Transaction> mine = new ArrayList<>();
                    for (Transaction tx : txs) {
                        if (Integer.parseInt(tx.sender().substring(1)) % threads == me) {
                            mine.add(tx);
                        }
                    }
                    for (int i = 0; i < mine.size(); i += batch) {
                        List<Transaction> b = mine.subList(i, Math.min(mine.size(), i + batch));
                        if (rate > 0) {
                            // this thread's share of the rate: its i-th transaction is due at start + i / share
                            long due = start + (long) (i / (rate / threads) * 1e9);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        }
                        long now = System.nanoTime();
                        b.forEach(tx -> sent.put(Hex.encode(tx.id(suite.hash())), now));
                        for (NodeClient.BatchItem item : to.submitBatch(CHAIN, b)) {
                            if (!item.accepted()) {
                                throw new IllegalStateException("refused: " + item.error() + " " + item.message());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            // also when a client thread failed: its pool's threads would keep the JVM from exiting
            pool.shutdownNow();
        }
        return start;
    }

    /**
     * The CPU time the JIT compiler threads of each process have used so far (Linux {@code /proc}; 0 where it
     * cannot be read). Fresh node JVMs still compile after a long warm-up; a node that has run for days does not.
     */
    static long[] compilerNanos(List<ProcessHandle> handles) {
        long[] out = new long[handles.size()];
        for (int i = 0; i < out.length; i++) {
            java.nio.file.Path tasks = java.nio.file.Path.of("/proc", Long.toString(handles.get(i).pid()), "task");
            try (java.util.stream.Stream<java.nio.file.Path> threads = java.nio.file.Files.list(tasks)) {
                out[i] = threads.mapToLong(NetworkLoad::compilerThreadNanos).sum();
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                out[i] = 0;
            }
        }
        return out;
    }

    private static long compilerThreadNanos(java.nio.file.Path task) {
        try {
            String stat = java.nio.file.Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime (fields 14 and 15 of stat), in clock ticks of 10 ms
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    /** The CPU time each process has used so far (user and system, all its threads). */
    static long[] cpuNanos(List<ProcessHandle> handles) {
        long[] out = new long[handles.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = handles.get(i).info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return out;
    }

    private static NodeClient awaitLeader(LocalNetworkProcesses procs, List<LocalNetworkProcesses.LocalNode> nodes)
            throws InterruptedException {
        for (int t = 0; t < 1200; t++) {
            for (LocalNetworkProcesses.LocalNode node : nodes) {
                var s = procs.get(node, "/chains/" + CHAIN + "/status");
                if (s.isPresent() && s.get().at("/network/isLeader").asBoolean()) {
                    return new NodeClient(URI.create(node.url())).with(Duration.ofSeconds(30), java.time.Clock.systemUTC());
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no leader");
    }

    /** A node that does not lead the chain (none with one validator). */
    private static Optional<NodeClient> aFollower(LocalNetworkProcesses procs,
            List<LocalNetworkProcesses.LocalNode> nodes) {
        for (LocalNetworkProcesses.LocalNode node : nodes) {
            var s = procs.get(node, "/chains/" + CHAIN + "/status");
            if (s.isPresent() && !s.get().at("/network/isLeader").asBoolean()) {
                return Optional.of(new NodeClient(URI.create(node.url())).with(Duration.ofSeconds(30),
                        java.time.Clock.systemUTC()));
            }
        }
        return Optional.empty();
    }

    /** The median of three runs of verifying every signature on all cores (the transactions' senders' keys). */
    static double bareVerification(List<Transaction> txs, OneChainNetwork net) {
        var scheme = CryptoSuites.SHA256_ED25519.signatures();
        double[] rates = new double[3];
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            long ok = txs.parallelStream().filter(t -> scheme.verify(
                    net.senders().get(Integer.parseInt(t.sender().substring(1))).publicKey(), t.signedPayload(),
                    t.signature())).count();
            if (ok != txs.size()) {
                throw new IllegalStateException("bad signatures in the load");
            }
            rates[r] = txs.size() / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        return rates[1];
    }

    /** How many of the measured transactions are in {@code at} (which may hold warm-up ones too). */
    static long finalAmong(Map<String, Long> sent, Map<String, Long> at) {
        return sent.keySet().stream().filter(at::containsKey).count();
    }

    static long[] latencies(Map<String, Long> from, Map<String, Long> to) {
        return to.entrySet().stream().filter(e -> from.containsKey(e.getKey()))
                .mapToLong(e -> (e.getValue() - from.get(e.getKey())) / 1_000_000).sorted().toArray();
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    /**
     * Follows the leader's chain: when each transaction is committed, and when its block is final there and at
     * a follower (which learns the certificate one log round after the leader forms it).
     */
    static final class Monitor implements Runnable {
        final NodeClient leader;
        final Optional<NodeClient> follower;
        final Map<String, Long> finalAtFollower;
        final CryptoSuite suite;
        final Map<String, Long> committed;
        final Map<String, Long> finalised;
        final List<List<String>> byHeight = new ArrayList<>();
        volatile boolean stop;
        final java.util.concurrent.atomic.AtomicLong blocks = new java.util.concurrent.atomic.AtomicLong();

        Monitor(NodeClient leader, Optional<NodeClient> follower, CryptoSuite suite, Map<String, Long> committed,
                Map<String, Long> finalised, Map<String, Long> finalAtFollower) {
            this.leader = leader;
            this.follower = follower;
            this.finalAtFollower = finalAtFollower;
            this.suite = suite;
            this.committed = committed;
            this.finalised = finalised;
            byHeight.add(List.of());
        }

        @Override
        public void run() {
            long seenFinal = 0;
            long seenFollowerFinal = 0;
            while (!stop) {
                try {
                    JsonNode s = leader.status(CHAIN);
                    long h = s.path("height").asLong();
                    long now = System.nanoTime();
                    for (long b = byHeight.size(); b <= h; b++) {
                        Block block = leader.rawBlock(CHAIN, b, 32);
                        List<String> ids = new ArrayList<>();
                        for (Transaction t : block.transactions()) {
                            String id = Hex.encode(t.id(suite.hash()));
                            ids.add(id);
                            committed.putIfAbsent(id, now);
                        }
                        byHeight.add(ids);
                        blocks.incrementAndGet();
                    }
                    long f = Math.min(s.path("finalHeight").asLong(), byHeight.size() - 1);
                    for (long b = seenFinal + 1; b <= f; b++) {
                        byHeight.get((int) b).forEach(id -> finalised.putIfAbsent(id, now));
                    }
                    seenFinal = Math.max(seenFinal, f);
                    if (follower.isPresent()) {
                        long ff = Math.min(follower.get().status(CHAIN).path("finalHeight").asLong(),
                                byHeight.size() - 1);
                        long at = System.nanoTime();
                        for (long b = seenFollowerFinal + 1; b <= ff; b++) {
                            byHeight.get((int) b).forEach(id -> finalAtFollower.putIfAbsent(id, at));
                        }
                        seenFollowerFinal = Math.max(seenFollowerFinal, ff);
                    }
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the leader may be busy: try again
                }
            }
        }
    }
}
