package org.energychain.supervision.store;

import java.util.List;
import org.energychain.supervision.reading.Reading;

/**
 * One import of a period in progress, backed by one database transaction. Readings are streamed in
 * batches and written as they come (a period holds millions; nothing is buffered beyond one batch).
 * {@link #commit} checks that the records agree with the readings and makes the whole period visible
 * at once; {@link #close} without commit, or any failure, rolls everything back. After a failure the
 * transaction refuses further calls.
 *
 * <p>Not thread-safe: one thread feeds one import.
 */
public interface ImportTransaction extends AutoCloseable {

    /** The key the period will have once committed. */
    PeriodKey key();

    /**
     * Adds readings. Each must fall on a day of the period; the key (plant, timestamp, measurement)
     * must be unique within the import, else {@link StoreException.Kind#INVALID_INPUT} naming it.
     * Readings are written in chunks, so a duplicate is reported by the call that writes its chunk:
     * this one or a later one, at the latest {@link #commit}.
     */
    void addReadings(List<Reading> batch);

    /** Adds a plant-day's record; its reading count must equal the readings added for that plant-day. */
    void addDay(DayRecord day);

    /** Adds a plant's record; its day count must equal the day records added for that plant. */
    void addPlant(PlantRecord plant);

    /** Adds a classified dataset; its id must be unique in the store. */
    void addDataset(DatasetRecord dataset);

    /**
     * Checks the import is consistent (every plant-day with readings has a day record with that count,
     * every plant with days has a plant record with that count), stores the group root Hash_G and
     * commits. Returns the key of the stored period.
     */
    PeriodKey commit(byte[] groupRoot);

    /** Rolls back unless committed. */
    @Override
    void close();
}
