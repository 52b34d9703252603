package org.energychain.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.DirectoryPage;
import org.energychain.trading.directory.DirectoryQuery;
import org.energychain.trading.directory.DirectoryQuery.Sort;
import org.energychain.trading.directory.SummaryDirectory;

/**
 * The summary directory against SQLite on the same million listings: loads both (the directory through
 * {@link SummaryDirectory#apply} with blocks of publish transactions, timing the index update rate),
 * then runs the same query mix on both, checks they return the same ids and totals, and reports median
 * and p99 latency per query class and the ratio SQLite p99 / directory p99.
 *
 * <p>The synthetic catalogue: 2,000 units of 50 groups in 10 regions, 5 energy types, each unit
 * publishing one listing per month for each of 6 data types over 7 years (2019-2025), prices by data
 * type with a spread. SQLite (in memory) gets a composite index over the five levels (then start time),
 * one over (from, to), one over price and one over unit; it returns id and the record's encoding, the
 * directory returns records.
 *
 * <p>Usage: {@code DirectoryLoad [listings] [queries-per-class]} (defaults 1,000,000 and 300).
 */
public final class DirectoryLoad {
    static final String CHAIN = "trading";
    static final String[] ENERGY = {"wind", "solar", "hydro", "thermal", "storage"};
    static final double[] ENERGY_SHARE = {0.35, 0.30, 0.15, 0.15, 0.05};
    static final String[] DATA = {"generation-profile", "forecast", "availability", "curtailment", "weather",
            "maintenance"};
    static final String[] MATH = {"time-series", "time-series", "statistic", "time-series", "time-series", "event-log"};
    static final long[] BASE_PRICE = {5_000, 8_000, 2_000, 3_000, 1_500, 1_000};
    static final String[] REGION = {"North", "South", "East", "West", "Central", "NorthEast", "NorthWest", "SouthEast",
            "SouthWest", "Coast"};
    static final int GROUPS = 50;
    static final int UNITS = 2_000;
    static final LocalDate START = LocalDate.of(2019, 1, 1);
    static final int MONTHS = 84;

    private DirectoryLoad() {
    }

    /** One generating unit: its group, region and energy type. */
    record Unit(String name, String group, String region, String energy) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Random rnd = new Random(42);
        Unit[] units = units(rnd);
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
                batch.add(listing(i, units, rnd));
            }
            all.addAll(batch);
            Block b = block(height, batch);
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
        loadSqlite(db, dir, all);
        System.out.printf("sqlite: loaded and indexed %,d rows in %.1f s%n", all.size(), (System.nanoTime() - s0) / 1e9);
        all = null;
        System.gc();
        System.gc();
        System.out.printf("heap used after GC (directory only): %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

        Map<String, List<DirectoryQuery>> mix = mix(new Random(7), units, perClass);
        // warm-up: the first few of each class on both
        for (List<DirectoryQuery> qs : mix.values()) {
            for (DirectoryQuery q : qs.subList(0, Math.min(20, qs.size()))) {
                check(q, dir.query(q), sqlite(db, q));
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
                Answer sql = sqlite(db, qs.get(k));
                s[k] = System.nanoTime() - a;
                sqlSpent += s[k];
                check(qs.get(k), pages.get(k), sql);
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

    static Unit[] units(Random rnd) {
        Unit[] u = new Unit[UNITS];
        for (int i = 0; i < UNITS; i++) {
            int g = i % GROUPS;
            String group = String.format("G%02d", g + 1);
            String energy = pick(rnd, ENERGY, ENERGY_SHARE);
            u[i] = new Unit(String.format("%s-%s%04d", group, Character.toUpperCase(energy.charAt(0)), i), group,
                    REGION[g % REGION.length], energy);
        }
        return u;
    }

    static String pick(Random rnd, String[] values, double[] shares) {
        double x = rnd.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static Instant month(int m) {
        return START.plusMonths(m).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Listing i: months advance slowest, so publication is roughly chronological as on a real chain. */
    static Listing listing(int i, Unit[] units, Random rnd) {
        int m = (i / (UNITS * DATA.length)) % MONTHS;
        int rest = i % (UNITS * DATA.length);
        Unit u = units[rest / DATA.length];
        int d = rest % DATA.length;
        int cycle = i / (UNITS * DATA.length * MONTHS);
        String id = "D1/" + u.name() + "/" + DATA[d] + "/" + START.plusMonths(m) + (cycle > 0 ? "/" + cycle : "");
        long price = BASE_PRICE[d] / 2 + rnd.nextInt((int) BASE_PRICE[d] * 2);
        byte[] root = new byte[32];
        rnd.nextBytes(root);
        return new Listing(id, "SHA-256", root, 4096L * (50 + rnd.nextInt(200)), u.energy(), DATA[d], u.region(),
                u.group(), u.name(), MATH[d], "active_power", "kW", month(m), month(m + 1), price,
                "licence: research and operations", "https://" + u.group().toLowerCase(Locale.ROOT) + ".example/d1");
    }

    /** A committed block of publish transactions with the events the catalogue contract emits. */
    static Block block(long height, List<Listing> batch) {
        List<Transaction> txs = new ArrayList<>(batch.size());
        List<TxResult> results = new ArrayList<>(batch.size());
        List<byte[]> ids = new ArrayList<>(batch.size());
        for (Listing l : batch) {
            Transaction t = new Transaction(CHAIN, l.group(), height * 10_000 + txs.size(), CatalogContract.NAME,
                    CatalogContract.PUBLISH, l.encode(), new byte[0]);
            byte[] id = t.id(HashFunctions.SHA256);
            ids.add(id);
            ListingRecord r = new ListingRecord(l.group(), 1, ListingRecord.Status.ACTIVE, Hex.encode(id), height, l);
            txs.add(t);
            results.add(TxResult.ok(List.of(new Event(CatalogContract.PUBLISHED, r.encode()))));
        }
        BlockHeader h = new BlockHeader(CHAIN, height, new byte[32], MerkleTree.rootOf(HashFunctions.SHA256, ids),
                new byte[32], new byte[32], Instant.ofEpochSecond(1_780_000_000L + height), "G01", txs.size());
        return new Block(h, new byte[0], txs, results);
    }

    static void loadSqlite(Connection db, SummaryDirectory dir, List<Listing> all) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("PRAGMA journal_mode=OFF");
            st.execute("PRAGMA synchronous=OFF");
            st.execute("PRAGMA cache_size=-1000000");
            st.execute("CREATE TABLE listing (id TEXT PRIMARY KEY, energy TEXT NOT NULL, data TEXT NOT NULL,"
                    + " region TEXT NOT NULL, grp TEXT NOT NULL, unit TEXT NOT NULL, math TEXT NOT NULL,"
                    + " from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL, price INTEGER NOT NULL, record BLOB NOT NULL)");
        }
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO listing VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int k = 0;
            for (Listing l : all) {
                ps.setString(1, l.id());
                ps.setString(2, l.energyType());
                ps.setString(3, l.dataType());
                ps.setString(4, l.region());
                ps.setString(5, l.group());
                ps.setString(6, l.unit());
                ps.setString(7, l.mathType());
                ps.setLong(8, l.from().toEpochMilli());
                ps.setLong(9, l.to().toEpochMilli());
                ps.setLong(10, l.price());
                ps.setBytes(11, dir.get(l.id()).orElseThrow().encode());
                ps.addBatch();
                if (++k % 10_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            st.execute("CREATE INDEX listing_path ON listing (energy, data, region, grp, unit, from_ms)");
            st.execute("CREATE INDEX listing_time ON listing (from_ms, to_ms)");
            st.execute("CREATE INDEX listing_price ON listing (price)");
            st.execute("CREATE INDEX listing_unit ON listing (unit)");
            st.execute("ANALYZE");
        }
    }

    static final String[] COLUMNS = {"energy", "data", "region", "grp", "unit"};

    /** The same query in SQL: the first page's ids (limit + 1 rows, like the directory) and COUNT(*). */
    static Answer sqlite(Connection db, DirectoryQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < q.path().size(); i++) {
            if (!"*".equals(q.path().get(i))) {
                where.append(" AND ").append(COLUMNS[i]).append(" = ?");
                params.add(q.path().get(i));
            }
        }
        if (q.to() != null) {
            where.append(" AND from_ms < ?");
            params.add(q.to().toEpochMilli());
        }
        if (q.from() != null) {
            where.append(" AND to_ms > ?");
            params.add(q.from().toEpochMilli());
        }
        if (q.mathType() != null) {
            where.append(" AND math = ?");
            params.add(q.mathType());
        }
        if (q.minPrice() != null) {
            where.append(" AND price >= ?");
            params.add(q.minPrice());
        }
        if (q.maxPrice() != null) {
            where.append(" AND price <= ?");
            params.add(q.maxPrice());
        }
        String order = switch (q.sort()) {
            case ID -> "id";
            case PRICE -> "price, id";
            case PRICE_DESC -> "price DESC, id DESC";
            case FROM -> "from_ms, id";
            case FROM_DESC -> "from_ms DESC, id DESC";
        };
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, record FROM listing" + where + " ORDER BY " + order
                + " LIMIT " + (q.limit() + 1))) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    rs.getBytes(2);
                }
            }
        }
        long total;
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM listing" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        return new Answer(ids.subList(0, Math.min(ids.size(), q.limit())), total);
    }

    record Answer(List<String> ids, long total) {
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    static void check(DirectoryQuery q, DirectoryPage page, Answer sql) {
        List<String> ids = page.entries().stream().map(r -> r.listing().id()).toList();
        if (!ids.equals(sql.ids()) || page.total() != sql.total()) {
            throw new IllegalStateException("directory and SQLite disagree on " + q + ": " + page.total() + " vs "
                    + sql.total() + " matches, first ids " + ids.subList(0, Math.min(3, ids.size())) + " vs "
                    + sql.ids().subList(0, Math.min(3, sql.ids().size())));
        }
    }

    /** The query classes, each with its random parameters drawn once and used on both engines. */
    static Map<String, List<DirectoryQuery>> mix(Random rnd, Unit[] units, int n) {
        Map<String, List<DirectoryQuery>> m = new LinkedHashMap<>();
        Map<String, java.util.function.Supplier<DirectoryQuery>> classes = new LinkedHashMap<>();
        classes.put("prefix energy", () -> q(path(u(rnd, units), 1)).build());
        classes.put("prefix energy/data", () -> q(path(u(rnd, units), 2)).build());
        classes.put("prefix energy/data/region", () -> q(path(u(rnd, units), 3)).build());
        classes.put("prefix .../group", () -> q(path(u(rnd, units), 4)).build());
        classes.put("prefix .../unit", () -> q(path(u(rnd, units), 5)).build());
        classes.put("*/data/region", () -> {
            Unit u = u(rnd, units);
            return q("*/" + data(rnd) + "/" + u.region()).build();
        });
        classes.put("*/data/*/group", () -> {
            Unit u = u(rnd, units);
            return q("*/" + data(rnd) + "/*/" + u.group()).build();
        });
        classes.put("*/*/*/*/unit", () -> q("*/*/*/*/" + u(rnd, units).name()).build());
        classes.put("time month, all", () -> window(q(""), rnd, 1).build());
        classes.put("time quarter, energy/*/region", () -> {
            Unit u = u(rnd, units);
            return window(q(u.energy() + "/*/" + u.region()), rnd, 3).build();
        });
        classes.put("energy sort price limit 50", () -> q(u(rnd, units).energy()).sort(Sort.PRICE).build());
        classes.put("all sort -price limit 50", () -> q("").sort(Sort.PRICE_DESC).build());
        classes.put("data, month, price range, -from", () -> window(q("*/" + data(rnd)), rnd, 1).minPrice(2_000L)
                .maxPrice(6_000L).sort(Sort.FROM_DESC).build());
        for (Map.Entry<String, java.util.function.Supplier<DirectoryQuery>> c : classes.entrySet()) {
            List<DirectoryQuery> qs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                qs.add(c.getValue().get());
            }
            m.put(c.getKey(), qs);
        }
        return m;
    }

    static Unit u(Random rnd, Unit[] units) {
        return units[rnd.nextInt(units.length)];
    }

    static String data(Random rnd) {
        return DATA[rnd.nextInt(DATA.length)];
    }

    static String path(Unit u, int depth) {
        String[] p = {u.energy(), DATA[Math.floorMod(u.name().hashCode(), DATA.length)], u.region(), u.group(), u.name()};
        return String.join("/", Arrays.copyOf(p, depth));
    }

    static DirectoryQuery.Builder q(String path) {
        return DirectoryQuery.builder().path(path).limit(50);
    }

    static DirectoryQuery.Builder window(DirectoryQuery.Builder b, Random rnd, int months) {
        int m = rnd.nextInt(MONTHS - months);
        return b.from(month(m)).to(month(m + months));
    }

}
