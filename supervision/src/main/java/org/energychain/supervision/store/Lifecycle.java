package org.energychain.supervision.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.store.DestructionRecord.DestroyedDataset;
import org.energychain.supervision.store.DestructionRecord.DestroyedDay;
import org.energychain.supervision.store.JdbcOffChainStore.PeriodRow;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of retention and destruction: delete readings (never day or plant records), delete
 * datasets, and write and read the destruction records that make the deletion auditable. Runs inside
 * the caller's transaction.
 */
final class Lifecycle {
    private Lifecycle() {
    }

    private static final java.util.Comparator<PeriodKey> PERIOD_ORDER = java.util.Comparator
            .comparing(PeriodKey::groupId).thenComparing(PeriodKey::start).thenComparing(PeriodKey::endExclusive)
            .thenComparingInt(PeriodKey::version);
    static final java.util.Comparator<DestroyedDay> DAY_ORDER = java.util.Comparator
            .comparing(DestroyedDay::period, PERIOD_ORDER).thenComparing(DestroyedDay::plantId)
            .thenComparing(DestroyedDay::day);
    static final java.util.Comparator<DestroyedDataset> DATASET_ORDER = java.util.Comparator
            .comparing(DestroyedDataset::period, PERIOD_ORDER).thenComparing(DestroyedDataset::datasetId);

    /** What one destruction deleted so far. */
    static final class Deleted {
        long readings;
        final List<DestroyedDay> days = new ArrayList<>();
        final List<DestroyedDataset> datasets = new ArrayList<>();
    }

    static Optional<Long> plantRef(Connection c, String groupId, String plantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM plant_ref WHERE group_id = ? AND plant_id = ?")) {
            ps.setString(1, groupId);
            ps.setString(2, plantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Deletes the readings of a period (one plant, or all when {@code plantRef} is null) on days
     * [from, to), recording each plant-day that lost readings with its day root.
     */
    static void deleteReadings(Connection c, PeriodRow p, @Nullable Long plantRef, long from, long to, Deleted out)
            throws SQLException {
        long first = Math.max(from, p.key().start().toEpochDay());
        long last = Math.min(to, p.key().endExclusive().toEpochDay());
        if (first >= last) {
            return;
        }
        long fromMs = first * JdbcOffChainStore.MILLIS_PER_DAY;
        long toMs = last * JdbcOffChainStore.MILLIS_PER_DAY;
        record Series(long id, long plantRef, String plantId) {
        }
        List<Series> series = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.plant_ref, pr.plant_id FROM series s"
                + " JOIN plant_ref pr ON pr.id = s.plant_ref WHERE s.period_id = ?"
                + (plantRef == null ? "" : " AND s.plant_ref = ?"))) {
            ps.setLong(1, p.id());
            if (plantRef != null) {
                ps.setLong(2, plantRef);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    series.add(new Series(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        try (PreparedStatement count = c.prepareStatement("SELECT d, count(*) FROM (SELECT (ts - ?) / "
                + JdbcOffChainStore.MILLIS_PER_DAY + " AS d FROM reading WHERE series = ? AND ts >= ? AND ts < ?) x"
                + " GROUP BY d");
             PreparedStatement root = c.prepareStatement("SELECT root FROM day_record WHERE period_id = ?"
                     + " AND plant_ref = ? AND day = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM reading WHERE series = ? AND ts >= ? AND ts < ?")) {
            for (Series s : series) {
                count.setLong(1, fromMs);
                count.setLong(2, s.id());
                count.setLong(3, fromMs);
                count.setLong(4, toMs);
                List<long[]> dayCounts = new ArrayList<>();
                try (ResultSet rs = count.executeQuery()) {
                    while (rs.next()) {
                        dayCounts.add(new long[] {first + rs.getLong(1), rs.getLong(2)});
                    }
                }
                if (dayCounts.isEmpty()) {
                    continue;
                }
                for (long[] dc : dayCounts) {
                    root.setLong(1, p.id());
                    root.setLong(2, s.plantRef());
                    root.setLong(3, dc[0]);
                    try (ResultSet rs = root.executeQuery()) {
                        if (!rs.next()) {
                            throw new StoreException(StoreException.Kind.CORRUPT, "readings of " + s.plantId()
                                    + " on " + LocalDate.ofEpochDay(dc[0]) + " in " + p.key() + " have no day record");
                        }
                        out.days.add(new DestroyedDay(p.key(), s.plantId(), LocalDate.ofEpochDay(dc[0]), dc[1],
                                rs.getBytes(1)));
                    }
                }
                delete.setLong(1, s.id());
                delete.setLong(2, fromMs);
                delete.setLong(3, toMs);
                out.readings += delete.executeUpdate();
            }
        }
    }

    /** Deletes the D1 and D3 datasets of a period (of one plant, or all when {@code plantId} is null). */
    static void deleteDatasets(Connection c, PeriodRow p, @Nullable String plantId, Deleted out) throws SQLException {
        String where = " WHERE period_id = ? AND cls IN ('D1', 'D3')" + (plantId == null ? "" : " AND plant_id = ?");
        List<DestroyedDataset> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, cls, hash FROM dataset" + where)) {
            ps.setLong(1, p.id());
            if (plantId != null) {
                ps.setString(2, plantId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new DestroyedDataset(p.key(), rs.getString(1), DataClass.valueOf(rs.getString(2)),
                            rs.getBytes(3)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dataset WHERE id = ?")) {
            for (DestroyedDataset d : found) {
                ps.setString(1, d.datasetId());
                ps.executeUpdate();
            }
        }
        out.datasets.addAll(found);
    }

    /** Writes the destruction record of {@code d} and returns it. */
    static DestructionRecord record(Connection c, String groupId, @Nullable String plantId, LocalDate from, LocalDate to,
                                    String reason, Instant at, Deleted d) throws SQLException {
        d.days.sort(DAY_ORDER);
        d.datasets.sort(DATASET_ORDER);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO destruction (group_id, plant_id, from_day, to_day,"
                + " reason, at, readings_deleted) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, groupId);
            ps.setString(2, plantId);
            ps.setLong(3, from.toEpochDay());
            ps.setLong(4, to.toEpochDay());
            ps.setString(5, reason);
            ps.setLong(6, at.toEpochMilli());
            ps.setLong(7, d.readings);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO destruction_day (destruction_id, period_id,"
                + " plant_id, day, readings_deleted, day_root) VALUES (?, (SELECT id FROM period WHERE group_id = ?"
                + " AND start_day = ? AND end_day = ? AND version = ?), ?, ?, ?, ?)")) {
            for (DestroyedDay day : d.days) {
                ps.setLong(1, id);
                bindKey(ps, 2, day.period());
                ps.setString(6, day.plantId());
                ps.setLong(7, day.day().toEpochDay());
                ps.setLong(8, day.readingsDeleted());
                ps.setBytes(9, day.dayRoot());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO destruction_dataset (destruction_id, period_id,"
                + " dataset_id, cls, hash) VALUES (?, (SELECT id FROM period WHERE group_id = ? AND start_day = ?"
                + " AND end_day = ? AND version = ?), ?, ?, ?)")) {
            for (DestroyedDataset ds : d.datasets) {
                ps.setLong(1, id);
                bindKey(ps, 2, ds.period());
                ps.setString(6, ds.datasetId());
                ps.setString(7, ds.cls().name());
                ps.setBytes(8, ds.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new DestructionRecord(id, groupId, plantId, from, to, reason, at, d.readings, d.days, d.datasets);
    }

    private static void bindKey(PreparedStatement ps, int i, PeriodKey k) throws SQLException {
        ps.setString(i, k.groupId());
        ps.setLong(i + 1, k.start().toEpochDay());
        ps.setLong(i + 2, k.endExclusive().toEpochDay());
        ps.setInt(i + 3, k.version());
    }

    private static final String KEY_COLUMNS = "p.group_id, p.start_day, p.end_day, p.version";

    private static PeriodKey key(ResultSet rs, int i) throws SQLException {
        return new PeriodKey(rs.getString(i), LocalDate.ofEpochDay(rs.getLong(i + 1)),
                LocalDate.ofEpochDay(rs.getLong(i + 2)), rs.getInt(i + 3));
    }

    static List<DestructionRecord> destructions(Connection c, String groupId) throws SQLException {
        List<DestructionRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, plant_id, from_day, to_day, reason, at,"
                + " readings_deleted FROM destruction WHERE group_id = ? ORDER BY id");
             PreparedStatement days = c.prepareStatement("SELECT " + KEY_COLUMNS + ", d.plant_id, d.day,"
                     + " d.readings_deleted, d.day_root FROM destruction_day d JOIN period p ON p.id = d.period_id"
                     + " WHERE d.destruction_id = ?");
             PreparedStatement sets = c.prepareStatement("SELECT " + KEY_COLUMNS + ", d.dataset_id, d.cls, d.hash"
                     + " FROM destruction_dataset d JOIN period p ON p.id = d.period_id WHERE d.destruction_id = ?")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Deleted d = new Deleted();
                    d.readings = rs.getLong(7);
                    days.setLong(1, id);
                    try (ResultSet r = days.executeQuery()) {
                        while (r.next()) {
                            d.days.add(new DestroyedDay(key(r, 1), r.getString(5), LocalDate.ofEpochDay(r.getLong(6)),
                                    r.getLong(7), r.getBytes(8)));
                        }
                    }
                    sets.setLong(1, id);
                    try (ResultSet r = sets.executeQuery()) {
                        while (r.next()) {
                            d.datasets.add(new DestroyedDataset(key(r, 1), r.getString(5),
                                    DataClass.valueOf(r.getString(6)), r.getBytes(7)));
                        }
                    }
                    d.days.sort(DAY_ORDER);
                    d.datasets.sort(DATASET_ORDER);
                    out.add(new DestructionRecord(id, groupId, rs.getString(2), LocalDate.ofEpochDay(rs.getLong(3)),
                            LocalDate.ofEpochDay(rs.getLong(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            d.readings, d.days, d.datasets));
                }
            }
        }
        return out;
    }
}
