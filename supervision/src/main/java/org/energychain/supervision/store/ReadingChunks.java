package org.energychain.supervision.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.energychain.supervision.reading.Reading;

/**
 * The readings of one import on their way into the {@code reading} table: held in chunks of {@link
 * #CHUNK} rows and written as JDBC batches of {@link #ROWS_PER_STATEMENT}-row INSERT statements, each
 * chunk inside a savepoint. When a chunk hits a duplicate key the savepoint is rolled back and the
 * duplicate is found and named ({@link StoreException.Kind#INVALID_INPUT}); the caller then rolls back
 * the import.
 */
final class ReadingChunks {
    static final int CHUNK = 8192;
    /** Rows per INSERT statement: one statement step per 64 rows is what makes SQLite fast. */
    static final int ROWS_PER_STATEMENT = 64;
    private static final String INSERT_READING = "INSERT INTO reading (series, ts, measurement, value) VALUES ";

    private final JdbcOffChainStore store;
    private final Connection c;
    private final PeriodKey key;
    private final PreparedStatement insertReadings;
    private final PreparedStatement insertReading;
    private final Reading[] chunk = new Reading[CHUNK];
    private final long[] chunkSeries = new long[CHUNK];
    private final int[] chunkMeasurement = new int[CHUNK];
    private int chunkSize;

    ReadingChunks(JdbcOffChainStore store, Connection c, PeriodKey key) throws SQLException {
        this.store = store;
        this.c = c;
        this.key = key;
        this.insertReadings = c.prepareStatement(INSERT_READING
                + String.join(", ", Collections.nCopies(ROWS_PER_STATEMENT, "(?, ?, ?, ?)")));
        this.insertReading = c.prepareStatement(INSERT_READING + "(?, ?, ?, ?)");
    }

    /** Adds a reading of a series and measurement (their ids); writes the chunk when it is full. */
    void add(Reading r, long series, int measurement) throws SQLException {
        chunk[chunkSize] = r;
        chunkSeries[chunkSize] = series;
        chunkMeasurement[chunkSize] = measurement;
        chunkSize++;
        if (chunkSize == CHUNK) {
            flush();
        }
    }

    /** Writes the readings held, inside a savepoint; a duplicate key is named and nothing of the chunk stays. */
    void flush() throws SQLException {
        if (chunkSize == 0) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SAVEPOINT chunk");
        }
        try {
            int full = chunkSize - chunkSize % ROWS_PER_STATEMENT;
            for (int i = 0; i < full; i += ROWS_PER_STATEMENT) {
                for (int j = 0; j < ROWS_PER_STATEMENT; j++) {
                    bindReading(insertReadings, 4 * j, i + j);
                }
                insertReadings.addBatch();
            }
            if (full > 0) {
                insertReadings.executeBatch();
            }
            for (int i = full; i < chunkSize; i++) {
                bindReading(insertReading, 0, i);
                insertReading.addBatch();
            }
            if (full < chunkSize) {
                insertReading.executeBatch();
            }
        } catch (SQLException e) {
            if (!store.isUniqueViolation(e)) {
                throw e;
            }
            insertReadings.clearBatch();
            insertReading.clearBatch();
            try (Statement s = c.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT chunk");
            }
            throw duplicateIn();
        }
        try (Statement s = c.createStatement()) {
            s.execute("RELEASE SAVEPOINT chunk");
        }
        Arrays.fill(chunk, 0, chunkSize, null);
        chunkSize = 0;
    }

    private void bindReading(PreparedStatement ps, int offset, int i) throws SQLException {
        Reading r = chunk[i];
        ps.setLong(offset + 1, chunkSeries[i]);
        ps.setLong(offset + 2, r.timestamp().toEpochMilli());
        ps.setInt(offset + 3, chunkMeasurement[i]);
        ps.setString(offset + 4, JdbcOffChainStore.canonical(r.value()));
    }

    /** Finds the reading of the current chunk whose key is already taken and names it. */
    private StoreException duplicateIn() throws SQLException {
        Set<String> seen = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM reading WHERE series = ? AND ts = ? AND measurement = ?")) {
            for (int i = 0; i < chunkSize; i++) {
                Reading r = chunk[i];
                String k = r.plantId() + "|" + r.timestamp() + "|" + r.measurement().code();
                boolean dup = !seen.add(k);
                if (!dup) {
                    ps.setLong(1, chunkSeries[i]);
                    ps.setLong(2, r.timestamp().toEpochMilli());
                    ps.setInt(3, chunkMeasurement[i]);
                    try (ResultSet rs = ps.executeQuery()) {
                        dup = rs.next();
                    }
                }
                if (dup) {
                    return duplicateReading(r);
                }
            }
        }
        return invalid("a reading of import " + key + " has a duplicate key (plant, timestamp, measurement)");
    }

    private StoreException duplicateReading(Reading r) {
        return invalid("duplicate reading in import " + key + ": plant " + r.plantId() + ", timestamp "
                + r.timestamp() + ", measurement " + r.measurement().code()
                + " appears more than once (the key plant+timestamp+measurement must be unique)");
    }

    /** Closes the statements (the readings held must have been flushed). */
    void close() throws SQLException {
        insertReadings.close();
        insertReading.close();
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Kind.INVALID_INPUT, message);
    }
}
