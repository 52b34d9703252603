package org.energychain.supervision.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An import on one connection in one transaction. Readings are written by {@link ReadingChunks} in
 * chunks of {@link #CHUNK} rows as JDBC batches, each inside a savepoint: when a chunk hits a duplicate
 * key the savepoint is rolled back so the duplicate can be found and named, then the whole import is
 * rolled back. This class keeps the dictionaries (plants, series, measurements), checks that the day,
 * plant and dataset records describe exactly the readings added, and commits. Only the current chunk
 * and per plant-day counters are held in memory.
 *
 * <p>About 400 lines because the dictionaries, the records and the consistency check share the same
 * per-import counters; the SQL of the readings themselves is {@link ReadingChunks}.
 */
final class JdbcImportTransaction implements ImportTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcImportTransaction.class);
    static final int CHUNK = ReadingChunks.CHUNK;

    private enum State { OPEN, COMMITTED, FAILED, CLOSED }

    private record PlantDay(int plantRef, long day) {
    }

    private final JdbcOffChainStore store;
    private final Connection c;
    private final PeriodHeader header;
    private final PeriodKey key;
    private final long periodId;
    private final long startDay;
    private final long endDay;
    private State state = State.OPEN;
    private @Nullable String failure;

    private final Map<String, Integer> plantRefs = new HashMap<>();
    private final Map<Integer, String> plantIds = new HashMap<>();
    private final Map<Integer, Long> seriesIds = new HashMap<>();
    private final Map<Measurement, Integer> measurementRefs = new HashMap<>();

    private final ReadingChunks readings;

    private final Map<PlantDay, Long> readingCounts = new HashMap<>();
    private @Nullable PlantDay lastPlantDay;
    private long lastPlantDayCount;
    private long readingTotal;

    private final Map<PlantDay, Integer> declaredDays = new HashMap<>();
    private final Map<Integer, Integer> daysPerPlant = new HashMap<>();
    private final Map<Integer, Integer> declaredPlants = new HashMap<>();

    JdbcImportTransaction(JdbcOffChainStore store, Connection c, PeriodHeader header) throws SQLException {
        this.store = store;
        this.c = c;
        this.header = header;
        this.startDay = header.start().toEpochDay();
        this.endDay = header.endExclusive().toEpochDay();
        store.lockPeriod(c, header.groupId(), startDay, endDay);
        int version;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM period"
                + " WHERE group_id = ? AND start_day = ? AND end_day = ?")) {
            ps.setString(1, header.groupId());
            ps.setLong(2, startDay);
            ps.setLong(3, endDay);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getInt(1) + 1;
            }
        }
        this.key = new PeriodKey(header.groupId(), header.start(), header.endExclusive(), version);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO period (group_id, start_day, end_day, version,"
                + " suite, salt_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, header.groupId());
            ps.setLong(2, startDay);
            ps.setLong(3, endDay);
            ps.setInt(4, version);
            ps.setString(5, header.suiteName());
            ps.setBytes(6, header.saltKey());
            ps.setLong(7, header.createdAt().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                this.periodId = rs.getLong(1);
            }
        }
        this.readings = new ReadingChunks(store, c, key);
        LOG.debug("import {} begun on {}", key, store.location());
    }

    @Override
    public PeriodKey key() {
        return key;
    }

    private void checkOpen() {
        switch (state) {
            case OPEN -> { }
            case FAILED -> throw new IllegalStateException("import of " + key + " failed and was rolled back ("
                    + failure + "); begin a new import");
            case COMMITTED -> throw new IllegalStateException("import of " + key + " is already committed");
            case CLOSED -> throw new IllegalStateException("import of " + key + " was closed and rolled back");
        }
    }

    /** Rolls back, remembers why, and returns the exception to throw. */
    private RuntimeException fail(RuntimeException e) {
        if (state == State.OPEN) {
            state = State.FAILED;
            failure = e.getMessage();
            JdbcOffChainStore.rollbackQuietly(c);
            JdbcOffChainStore.closeQuietly(c);
            LOG.warn("import {} on {} rolled back: {}", key, store.location(), e.getMessage());
        }
        return e;
    }

    private RuntimeException fail(String what, SQLException e) {
        return fail(store.translate(what + " of import " + key, e));
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Kind.INVALID_INPUT, message);
    }

    // ------------------------------------------------------------------ dictionaries

    private int plantRef(String plantId) throws SQLException {
        Integer ref = plantRefs.get(plantId);
        if (ref != null) {
            return ref;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO plant_ref (group_id, plant_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ins.setString(1, header.groupId());
            ins.setString(2, plantId);
            ins.executeUpdate();
        }
        int id = Math.toIntExact(Lifecycle.plantRef(c, header.groupId(), plantId).orElseThrow());
        plantRefs.put(plantId, id);
        plantIds.put(id, plantId);
        return id;
    }

    /** The series of readings of {@code plantRef} in this period. */
    private long series(int plantRef) throws SQLException {
        Long id = seriesIds.get(plantRef);
        if (id != null) {
            return id;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO series (period_id, plant_ref) VALUES (?, ?) RETURNING id")) {
            ps.setLong(1, periodId);
            ps.setInt(2, plantRef);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seriesIds.put(plantRef, rs.getLong(1));
                return rs.getLong(1);
            }
        }
    }

    private int measurementRef(Measurement m) throws SQLException {
        Integer ref = measurementRefs.get(m);
        if (ref != null) {
            return ref;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO measurement_ref (code) VALUES (?) ON CONFLICT DO NOTHING")) {
            ins.setString(1, m.code());
            ins.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM measurement_ref WHERE code = ?")) {
            ps.setString(1, m.code());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int id = rs.getInt(1);
                measurementRefs.put(m, id);
                return id;
            }
        }
    }

    private long checkDay(String what, long day) {
        if (day < startDay || day >= endDay) {
            throw invalid(what + " falls on " + LocalDate.ofEpochDay(day) + ", outside the period " + key);
        }
        return day;
    }

    // ------------------------------------------------------------------ readings

    @Override
    public void addReadings(List<Reading> batch) {
        checkOpen();
        try {
            for (Reading r : batch) {
                long day = JdbcOffChainStore.epochDay(r.timestamp());
                if (day < startDay || day >= endDay) {
                    checkDay("reading of " + r.plantId() + " at " + r.timestamp(), day);
                }
                int plant = plantRef(r.plantId());
                readings.add(r, series(plant), measurementRef(r.measurement()));
                count(plant, day);
            }
        } catch (SQLException e) {
            throw fail("adding readings", e);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    private void count(int plant, long day) {
        if (lastPlantDay == null || lastPlantDay.plantRef() != plant || lastPlantDay.day() != day) {
            if (lastPlantDay != null) {
                readingCounts.merge(lastPlantDay, lastPlantDayCount, Long::sum);
            }
            lastPlantDay = new PlantDay(plant, day);
            lastPlantDayCount = 0;
        }
        lastPlantDayCount++;
        readingTotal++;
    }

    // ------------------------------------------------------------------ records

    @Override
    public void addDay(DayRecord d) {
        checkOpen();
        Objects.requireNonNull(d, "day");
        try {
            long day = checkDay("day record of " + d.plantId(), d.date().toEpochDay());
            int plant = plantRef(d.plantId());
            if (declaredDays.putIfAbsent(new PlantDay(plant, day), d.readingCount()) != null) {
                throw invalid("day record of plant " + d.plantId() + " on " + d.date() + " added twice to import " + key);
            }
            daysPerPlant.merge(plant, 1, Integer::sum);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO day_record (period_id, plant_ref, day,"
                    + " reading_count, root, leaf) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, periodId);
                ps.setInt(2, plant);
                ps.setLong(3, day);
                ps.setInt(4, d.readingCount());
                ps.setBytes(5, d.root());
                ps.setBytes(6, d.leaf());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw fail("adding " + d, e);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public void addPlant(PlantRecord p) {
        checkOpen();
        Objects.requireNonNull(p, "plant");
        try {
            int plant = plantRef(p.plantId());
            if (declaredPlants.putIfAbsent(plant, p.dayCount()) != null) {
                throw invalid("plant record of " + p.plantId() + " added twice to import " + key);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plant_record (period_id, plant_ref, day_count,"
                    + " root, leaf) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, periodId);
                ps.setInt(2, plant);
                ps.setInt(3, p.dayCount());
                ps.setBytes(4, p.root());
                ps.setBytes(5, p.leaf());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw fail("adding " + p, e);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    @Override
    public void addDataset(DatasetRecord d) {
        checkOpen();
        Objects.requireNonNull(d, "dataset");
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.group_id, p.start_day, p.version FROM dataset d"
                    + " JOIN period p ON p.id = d.period_id WHERE d.id = ?")) {
                ps.setString(1, d.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw invalid("dataset id " + d.id() + " already exists (in period of " + rs.getString(1)
                                + " starting " + LocalDate.ofEpochDay(rs.getLong(2)) + ", version " + rs.getInt(3)
                                + "); dataset ids must be unique in the store");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset (id, period_id, cls, plant_id, rule,"
                    + " hash, descriptive_info, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.id());
                ps.setLong(2, periodId);
                ps.setString(3, d.cls().name());
                ps.setString(4, d.plantId());
                ps.setString(5, d.rule());
                ps.setBytes(6, d.hash());
                ps.setBytes(7, d.descriptiveInfo());
                ps.setBytes(8, d.payload());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw fail("adding dataset " + d.id(), e);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    // ------------------------------------------------------------------ commit

    @Override
    public PeriodKey commit(byte[] groupRoot) {
        checkOpen();
        try {
            byte[] root = Bytes.copyNonEmpty(groupRoot, "group root");
            readings.flush();
            if (lastPlantDay != null) {
                readingCounts.merge(lastPlantDay, lastPlantDayCount, Long::sum);
                lastPlantDay = null;
            }
            checkConsistent();
            try (PreparedStatement ps = c.prepareStatement("UPDATE period SET group_root = ?, plant_count = ?,"
                    + " reading_count = ? WHERE id = ?")) {
                ps.setBytes(1, root);
                ps.setInt(2, declaredPlants.size());
                ps.setLong(3, readingTotal);
                ps.setLong(4, periodId);
                ps.executeUpdate();
            }
            readings.close();
            c.commit();
            state = State.COMMITTED;
            JdbcOffChainStore.closeQuietly(c);
            LOG.info("import {} committed on {}: {} plants, {} days, {} readings", key, store.location(),
                    declaredPlants.size(), declaredDays.size(), readingTotal);
            return key;
        } catch (SQLException e) {
            throw fail("committing", e);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    /** The records must describe exactly the readings added, or the store could not re-prove them. */
    private void checkConsistent() {
        // sorted so the first problem reported does not depend on hash order
        TreeMap<String, String> problems = new TreeMap<>();
        readingCounts.forEach((pd, n) -> {
            Integer declared = declaredDays.get(pd);
            String where = "plant " + plantIds.get(pd.plantRef()) + " on " + LocalDate.ofEpochDay(pd.day());
            if (declared == null) {
                problems.put(where, where + " has " + n + " readings but no day record");
            } else if (declared != n.longValue()) {
                problems.put(where, "the day record of " + where + " counts " + declared + " readings but " + n
                        + " were added");
            }
        });
        declaredDays.forEach((pd, declared) -> {
            if (declared > 0 && !readingCounts.containsKey(pd)) {
                String where = "plant " + plantIds.get(pd.plantRef()) + " on " + LocalDate.ofEpochDay(pd.day());
                problems.put(where, "the day record of " + where + " counts " + declared + " readings but none were added");
            }
        });
        daysPerPlant.forEach((plant, n) -> {
            Integer declared = declaredPlants.get(plant);
            String id = plantIds.get(plant);
            if (declared == null) {
                problems.put(id, "plant " + id + " has " + n + " day records but no plant record");
            } else if (declared.intValue() != n) {
                problems.put(id, "the plant record of " + id + " counts " + declared + " days but " + n
                        + " day records were added");
            }
        });
        declaredPlants.forEach((plant, declared) -> {
            String id = plantIds.get(plant);
            if (declared > 0 && !daysPerPlant.containsKey(plant)) {
                problems.put(id, "the plant record of " + id + " counts " + declared + " days but none were added");
            }
        });
        if (!problems.isEmpty()) {
            throw invalid("import " + key + " is inconsistent (" + problems.size() + " problems), first: "
                    + problems.firstEntry().getValue());
        }
    }

    @Override
    public void close() {
        if (state == State.OPEN) {
            state = State.CLOSED;
            JdbcOffChainStore.rollbackQuietly(c);
            JdbcOffChainStore.closeQuietly(c);
            LOG.info("import {} on {} closed without commit: rolled back", key, store.location());
        }
    }
}
