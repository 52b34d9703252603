package org.energychain.supervision.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC implementation both databases share: the SQL is portable between SQLite and PostgreSQL;
 * subclasses supply connections, the migration dialect, how to serialise imports of one period and how
 * to recognise a unique-key violation.
 *
 * <p>Why one class of about 400 lines: it is the {@link OffChainStore} interface's queries, one short
 * method per query, over one schema (docs/storage.md); splitting it would scatter the SQL of one schema
 * over several files without making any method simpler. Imports are {@link JdbcImportTransaction} and
 * {@link ReadingChunks}; retention and destruction share the period look-ups here.
 */
abstract class JdbcOffChainStore implements OffChainStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcOffChainStore.class);
    static final long MILLIS_PER_DAY = 86_400_000L;

    private static final String PERIOD_COLUMNS =
            "id, group_id, start_day, end_day, version, suite, group_root, salt_key, created_at, plant_count, reading_count";

    /** A new connection in auto-commit mode. */
    abstract Connection connect() throws SQLException;

    /** Where the data is, for messages (never contains a password). */
    abstract String location();

    /** Serialises imports of the same (group, start, end) inside {@code c}'s transaction, if the database needs it. */
    abstract void lockPeriod(Connection c, String groupId, long startDay, long endDay) throws SQLException;

    /** Whether {@code e} (or an exception chained to it) reports a primary-key or unique violation. */
    abstract boolean isUniqueViolation(SQLException e);

    /** Maps a failure to a {@link StoreException}; subclasses recognise corrupt files. */
    StoreException translate(String what, SQLException e) {
        return new StoreException(StoreException.Kind.DATABASE, what + " failed on " + location() + ": " + e.getMessage(), e);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(String what, SqlWork<T> work) {
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    <T> T write(String what, SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    static String canonical(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    static long epochDay(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), MILLIS_PER_DAY);
    }

    // ---------------------------------------------------------------- import

    @Override
    public ImportTransaction beginImport(PeriodHeader header) {
        Connection c = null;
        try {
            c = connect();
            c.setAutoCommit(false);
            return new JdbcImportTransaction(this, c, header);
        } catch (SQLException e) {
            if (c != null) {
                rollbackQuietly(c);
                closeQuietly(c);
            }
            throw translate("beginning import of " + header, e);
        } catch (RuntimeException e) {
            if (c != null) {
                rollbackQuietly(c);
                closeQuietly(c);
            }
            throw e;
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing connection failed: {}", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- periods

    /** A committed period row. */
    record PeriodRow(long id, PeriodInfo info) {
        PeriodKey key() {
            return info.key();
        }
    }

    private static PeriodRow periodRow(ResultSet rs) throws SQLException {
        PeriodKey key = new PeriodKey(rs.getString(2), LocalDate.ofEpochDay(rs.getLong(3)),
                LocalDate.ofEpochDay(rs.getLong(4)), rs.getInt(5));
        return new PeriodRow(rs.getLong(1), new PeriodInfo(key, rs.getString(6), rs.getBytes(7), rs.getBytes(8),
                Instant.ofEpochMilli(rs.getLong(9)), rs.getInt(10), rs.getLong(11)));
    }

    static Optional<PeriodRow> findPeriod(Connection c, PeriodKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PERIOD_COLUMNS + " FROM period WHERE group_id = ?"
                + " AND start_day = ? AND end_day = ? AND version = ? AND group_root IS NOT NULL")) {
            ps.setString(1, key.groupId());
            ps.setLong(2, key.start().toEpochDay());
            ps.setLong(3, key.endExclusive().toEpochDay());
            ps.setInt(4, key.version());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(periodRow(rs)) : Optional.empty();
            }
        }
    }

    long periodId(Connection c, PeriodKey key) throws SQLException {
        return findPeriod(c, key).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND,
                "unknown period " + key + " in " + location())).id();
    }

    private static List<PeriodRow> periodRows(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PERIOD_COLUMNS + " FROM period WHERE "
                + "group_root IS NOT NULL AND " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<PeriodRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(periodRow(rs));
                }
            }
            return out;
        }
    }

    @Override
    public Optional<PeriodInfo> latestPeriodContaining(String groupId, LocalDate day) {
        return read("finding the period of " + groupId + " containing " + day, c -> periodRows(c,
                "group_id = ? AND start_day <= ? AND end_day > ? ORDER BY created_at DESC, version DESC, id DESC",
                groupId, day.toEpochDay(), day.toEpochDay()).stream().findFirst().map(PeriodRow::info));
    }

    @Override
    public Optional<PeriodInfo> period(PeriodKey key) {
        return read("reading period " + key, c -> findPeriod(c, key).map(PeriodRow::info));
    }

    @Override
    public List<String> groups() {
        return read("listing groups", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT group_id FROM period");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            out.sort(Comparator.naturalOrder());
            return out;
        });
    }

    @Override
    public List<PeriodInfo> periods(String groupId) {
        return read("listing periods of " + groupId, c -> periodRows(c,
                "group_id = ? ORDER BY start_day, end_day, version", groupId).stream().map(PeriodRow::info).toList());
    }

    // ---------------------------------------------------------------- records

    @Override
    public List<PlantRecord> plants(PeriodKey key) {
        return read("reading plants of " + key, c -> {
            long pid = periodId(c, key);
            List<PlantRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.plant_id, p.day_count, p.root, p.leaf"
                    + " FROM plant_record p JOIN plant_ref r ON r.id = p.plant_ref WHERE p.period_id = ?")) {
                ps.setLong(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlantRecord(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4)));
                    }
                }
            }
            // Java's order, not the database collation's: it is the group tree's leaf order
            out.sort(Comparator.comparing(PlantRecord::plantId));
            return out;
        });
    }

    @Override
    public List<DayRecord> days(PeriodKey key, String plantId) {
        return read("reading days of " + plantId + " in " + key, c -> {
            long pid = periodId(c, key);
            List<DayRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.day, d.reading_count, d.root, d.leaf"
                    + " FROM day_record d JOIN plant_ref r ON r.id = d.plant_ref"
                    + " WHERE d.period_id = ? AND r.group_id = ? AND r.plant_id = ? ORDER BY d.day")) {
                ps.setLong(1, pid);
                ps.setString(2, key.groupId());
                ps.setString(3, plantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DayRecord(plantId, LocalDate.ofEpochDay(rs.getLong(1)), rs.getInt(2),
                                rs.getBytes(3), rs.getBytes(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Reading> readings(PeriodKey key, String plantId, LocalDate day) {
        return read("reading readings of " + plantId + " on " + day + " in " + key, c -> {
            long pid = periodId(c, key);
            List<Reading> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.ts, m.code, r.value FROM reading r"
                    + " JOIN measurement_ref m ON m.id = r.measurement WHERE r.series = (SELECT s.id FROM series s"
                    + " JOIN plant_ref p ON p.id = s.plant_ref WHERE s.period_id = ? AND p.group_id = ? AND p.plant_id = ?)"
                    + " AND r.ts >= ? AND r.ts < ?")) {
                ps.setLong(1, pid);
                ps.setString(2, key.groupId());
                ps.setString(3, plantId);
                ps.setLong(4, day.toEpochDay() * MILLIS_PER_DAY);
                ps.setLong(5, (day.toEpochDay() + 1) * MILLIS_PER_DAY);
                Map<String, Measurement> measurements = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Measurement m = measurements.computeIfAbsent(rs.getString(2), Measurement::byCode);
                        out.add(new Reading(plantId, Instant.ofEpochMilli(rs.getLong(1)), m,
                                new BigDecimal(rs.getString(3))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public long readingCount(PeriodKey key) {
        return read("counting readings of " + key, c -> {
            long pid = periodId(c, key);
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM reading"
                    + " WHERE series IN (SELECT id FROM series WHERE period_id = ?)")) {
                ps.setLong(1, pid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // ---------------------------------------------------------------- datasets

    private static final String DATASET_COLUMNS = "d.id, d.cls, d.plant_id, d.rule, d.hash, d.descriptive_info, d.payload";

    private static DatasetRecord dataset(ResultSet rs) throws SQLException {
        return new DatasetRecord(rs.getString(1), DataClass.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7));
    }

    @Override
    public List<DatasetRecord> datasets(PeriodKey key, DataClass cls) {
        return read("reading " + cls + " datasets of " + key, c -> {
            long pid = periodId(c, key);
            List<DatasetRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DATASET_COLUMNS
                    + " FROM dataset d WHERE d.period_id = ? AND d.cls = ?")) {
                ps.setLong(1, pid);
                ps.setString(2, cls.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(dataset(rs));
                    }
                }
            }
            out.sort(Comparator.comparing(DatasetRecord::id));
            return out;
        });
    }

    @Override
    public Optional<StoredDataset> dataset(String id) {
        return read("reading dataset " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DATASET_COLUMNS
                    + ", p.group_id, p.start_day, p.end_day, p.version FROM dataset d JOIN period p ON p.id = d.period_id"
                    + " WHERE d.id = ? AND p.group_root IS NOT NULL")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    PeriodKey key = new PeriodKey(rs.getString(8), LocalDate.ofEpochDay(rs.getLong(9)),
                            LocalDate.ofEpochDay(rs.getLong(10)), rs.getInt(11));
                    return Optional.of(new StoredDataset(key, dataset(rs)));
                }
            }
        });
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public List<DestructionRecord> applyRetention(RetentionPolicy policy, Clock clock) {
        Instant now = clock.instant();
        LocalDate cutoff = LocalDate.ofInstant(now, ZoneOffset.UTC).minus(policy.keepReadingsFor());
        String reason = "retention: readings kept for " + policy.keepReadingsFor();
        return write("applying retention before " + cutoff, c -> {
            Map<String, List<PeriodRow>> byGroup = new LinkedHashMap<>();
            for (PeriodRow p : periodRows(c, "start_day < ? ORDER BY group_id, id", cutoff.toEpochDay())) {
                byGroup.computeIfAbsent(p.key().groupId(), g -> new ArrayList<>()).add(p);
            }
            List<DestructionRecord> out = new ArrayList<>();
            for (var e : byGroup.entrySet()) {
                Lifecycle.Deleted deleted = new Lifecycle.Deleted();
                for (PeriodRow p : e.getValue()) {
                    Lifecycle.deleteReadings(c, p, null, Long.MIN_VALUE, cutoff.toEpochDay(), deleted);
                }
                if (deleted.readings > 0) {
                    LocalDate from = deleted.days.stream().map(DestructionRecord.DestroyedDay::day)
                            .min(Comparator.naturalOrder()).orElse(cutoff);
                    out.add(Lifecycle.record(c, e.getKey(), null, from, cutoff, reason, now, deleted));
                }
            }
            LOG.info("retention on {}: {} groups, readings before {} deleted", location(), out.size(), cutoff);
            return out;
        });
    }

    @Override
    public DestructionRecord destroy(DestroyRequest r) {
        return write("destroying " + r, c -> {
            Long plantRef = null;
            if (r.plantId() != null) {
                plantRef = Lifecycle.plantRef(c, r.groupId(), r.plantId()).orElseThrow(() -> new StoreException(
                        StoreException.Kind.NOT_FOUND, "plant " + r.plantId() + " has no data in group " + r.groupId()
                        + " in " + location()));
            }
            long from = r.from().toEpochDay();
            long to = r.toExclusive().toEpochDay();
            Lifecycle.Deleted deleted = new Lifecycle.Deleted();
            for (PeriodRow p : periodRows(c, "group_id = ? AND start_day < ? AND end_day > ? ORDER BY id",
                    r.groupId(), to, from)) {
                Lifecycle.deleteReadings(c, p, plantRef, from, to, deleted);
                if (p.key().start().toEpochDay() >= from && p.key().endExclusive().toEpochDay() <= to) {
                    Lifecycle.deleteDatasets(c, p, r.plantId(), deleted);
                }
            }
            DestructionRecord rec = Lifecycle.record(c, r.groupId(), r.plantId(), r.from(), r.toExclusive(),
                    r.reason(), r.at(), deleted);
            LOG.info("destruction {} on {}: group {} plant {} [{}..{}) {} readings, {} datasets", rec.id(), location(),
                    r.groupId(), r.plantId() == null ? "*" : r.plantId(), r.from(), r.toExclusive(), deleted.readings,
                    deleted.datasets.size());
            return rec;
        });
    }

    @Override
    public List<DestructionRecord> destructions(String groupId) {
        return read("listing destructions of " + groupId, c -> Lifecycle.destructions(c, groupId));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + location() + "]";
    }
}
