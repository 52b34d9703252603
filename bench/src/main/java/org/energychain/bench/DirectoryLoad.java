package org.energychain.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.directory.DirectoryPage;
import org.energychain.trading.directory.DirectoryQuery;
import org.energychain.trading.directory.SummaryDirectory;

/**
 * The summary directory against SQLite on the same million listings: loads both (the directory through
 * {@link SummaryDirectory#apply} with blocks of publish transactions, timing the index update rate),
 * then runs the same query mix on both, checks they return the same ids and totals, and reports median
 * and p99 latency per query class and the ratio SQLite p99 / directory p99.
 *
 * <p>The listings are {@link SyntheticCatalog}'s; the SQLite side (schema, indexes, the query in SQL,
 * the comparison) is {@link SqliteCatalog}.
 *
 * <p>Usage: {@code DirectoryLoad [listings] [queries-per-class]} (defaults 1,000,000 and 300).
 */
public final class DirectoryLoad {
    static final String CHAIN = SyntheticCatalog.CHAIN;

    private DirectoryLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Random rnd = new Random(42);
        SyntheticCatalog.Unit[] units = SyntheticCatalog.units(rnd);
        System.out.printf("JDK %s, %d cores, max heap %,d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        SummaryDirectory dir = SummaryDirectory.empty(CHAIN);
        long applyNanos = 0;
        long applyCpu = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int perBlock = 1_000;
        List<Listing> all = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int start = 0, height = 1; start < n; start += perBlock, height++) {
            List<Listing> batch = new ArrayList<>(perBlock);
            for (int i = start; i < Math.min(n, start + perBlock); i++) {
                batch.add(SyntheticCatalog.listing(i, units, rnd));
            }
            all.addAll(batch);
            Block b = SyntheticCatalog.block(height, batch);
            long a = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            dir.apply(b);
            applyNanos += System.nanoTime() - a;
            applyCpu += cpu.getCurrentThreadCpuTime() - c;
        }
        System.out.printf("directory: %,d listings in %,d blocks of %,d publish txs: apply %.2f s = %,.0f listings/s"
                + " (generation incl. %.1f s)%n", dir.size(), dir.height(), perBlock, applyNanos / 1e9,
                dir.size() / (applyNanos / 1e9), (System.nanoTime() - t0) / 1e9);
        System.out.printf("apply CPU time of the applying thread: %.2f s = %,.0f listings per CPU-second%n",
                applyCpu / 1e9, dir.size() / (applyCpu / 1e9));
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after GC (directory + generated listings): %,d MB%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20);

        Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
        long s0 = System.nanoTime();
        SqliteCatalog.loadSqlite(db, dir, all);
        System.out.printf("sqlite: loaded and indexed %,d rows in %.1f s%n", all.size(), (System.nanoTime() - s0) / 1e9);
        all = null;
        System.gc();
        System.gc();
        System.out.printf("heap used after GC (directory only): %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

        Map<String, List<DirectoryQuery>> mix = SyntheticCatalog.mix(new Random(7), units, perClass);
        // warm-up: the first few of each class on both
        for (List<DirectoryQuery> qs : mix.values()) {
            for (DirectoryQuery q : qs.subList(0, Math.min(20, qs.size()))) {
                SqliteCatalog.check(q, dir.query(q), SqliteCatalog.sqlite(db, q));
            }
        }
        List<Long> allDir = new ArrayList<>();
        List<Long> allSql = new ArrayList<>();
        System.out.printf("%-34s %4s %8s %10s %10s %10s %10s %8s%n", "class", "n", "total~", "dir p50", "dir p99", "sql p50",
                "sql p99", "p99 x");
        for (Map.Entry<String, List<DirectoryQuery>> c : mix.entrySet()) {
            List<DirectoryQuery> qs = c.getValue();
            // each engine timed in its own loop (neither's garbage lands in the other's timings); SQLite
            // stops after 60 s of a slow class (at least 100 queries), and both are compared on those
            long[] d = new long[qs.size()];
            List<DirectoryPage> pages = new ArrayList<>(qs.size());
            System.gc(); // as JMH -gc true: no collection owed to earlier work lands in the timed loop
            for (int i = 0; i < qs.size(); i++) {
                long a = System.nanoTime();
                pages.add(dir.query(qs.get(i)));
                d[i] = System.nanoTime() - a;
            }
            long[] s = new long[qs.size()];
            int k = 0;
            System.gc();
            long sqlSpent = 0;
            while (k < qs.size() && (k < 100 || sqlSpent < 60_000_000_000L)) {
                long a = System.nanoTime();
                SqliteCatalog.Answer sql = SqliteCatalog.sqlite(db, qs.get(k));
                s[k] = System.nanoTime() - a;
                sqlSpent += s[k];
                SqliteCatalog.check(qs.get(k), pages.get(k), sql);
                k++;
            }
            d = Arrays.copyOf(d, k);
            s = Arrays.copyOf(s, k);
            long totals = 0;
            for (int i = 0; i < k; i++) {
                totals += pages.get(i).total();
            }
            Arrays.sort(d);
            Arrays.sort(s);
            allDir.addAll(Arrays.stream(d).boxed().toList());
            allSql.addAll(Arrays.stream(s).boxed().toList());
            System.out.printf("%-34s %4d %,8d %8.3f ms %8.3f ms %8.3f ms %8.3f ms %7.1fx%n", c.getKey(), k, totals / k,
                    pct(d, 0.5), pct(d, 0.99), pct(s, 0.5), pct(s, 0.99), pct(s, 0.99) / pct(d, 0.99));
        }

        long[] ad = allDir.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] as = allSql.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-34s %4d %8s %8.3f ms %8.3f ms %8.3f ms %8.3f ms %7.1fx%n", "whole mix", ad.length, "",
                pct(ad, 0.5),
                pct(ad, 0.99), pct(as, 0.5), pct(as, 0.99), pct(as, 0.99) / pct(ad, 0.99));
        System.out.println("every query: same ids and totals on both");
        long g0 = System.nanoTime();
        byte[] digest = dir.digest();
        System.out.printf("digest over %,d listings: %.2f s (%s...)%n", dir.size(), (System.nanoTime() - g0) / 1e9,
                Hex.encode(digest).substring(0, 16));
        java.nio.file.Path snap = java.nio.file.Files.createTempFile("directory", ".snap");
        long w0 = System.nanoTime();
        dir.save(snap);
        long w1 = System.nanoTime();
        SummaryDirectory loaded = SummaryDirectory.load(snap, CHAIN);
        long w2 = System.nanoTime();
        System.out.printf("snapshot: %,d MB, save %.1f s, load %.1f s, digest equal: %b%n",
                java.nio.file.Files.size(snap) >> 20, (w1 - w0) / 1e9, (w2 - w1) / 1e9,
                Arrays.equals(loaded.digest(), digest));
        java.nio.file.Files.delete(snap);
        db.close();
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }
}
