package org.energychain.bench;

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
import org.energychain.trading.directory.DirectoryQuery;
import org.energychain.trading.directory.DirectoryQuery.Sort;

/**
 * The synthetic catalogue of {@link DirectoryLoad}: 2,000 units of 50 groups in 10 regions, 5 energy
 * types, each unit publishing one listing per month for each of 6 data types over 7 years (2019-2025),
 * prices by data type with a spread; the blocks of publish transactions that file them, and the query
 * classes with their random parameters. Deterministic for a given {@link Random}.
 */
final class SyntheticCatalog {
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

    private SyntheticCatalog() {
    }

    /** One generating unit: its group, region and energy type. */
    record Unit(String name, String group, String region, String energy) {
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
