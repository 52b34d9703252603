package org.energychain.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.directory.DirectoryPage;
import org.energychain.trading.directory.DirectoryQuery;
import org.energychain.trading.directory.SummaryDirectory;

/**
 * The SQLite side of {@link DirectoryLoad}: the same listings in one table with indexes on the five
 * levels (then start time), on (from, to), on price and on unit; each directory query translated to SQL
 * (the first page's ids, limit + 1 rows like the directory, and a {@code COUNT(*)}), and the check that
 * both engines answered alike.
 */
final class SqliteCatalog {
    private SqliteCatalog() {
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

}
