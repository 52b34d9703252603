package org.energychain.supervision.store;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.reading.Reading;

/**
 * The group data centre's own database of everything it needs to re-prove a reading later: the
 * readings of each imported period, the daily, plant and group roots built over them, the classified
 * datasets, and the audit trail of what was deleted. Only hashes go on chain; this store is where the
 * data behind them lives.
 *
 * <p>Imports are atomic and append-only: {@link #beginImport} opens a transaction that streams the
 * readings and records in, and either {@link ImportTransaction#commit commits} a new version of the
 * period or leaves no trace. Corrections are new versions, never edits. Readings can later be deleted
 * only by {@link #applyRetention} or {@link #destroy}, which keep every root and record why.
 *
 * <p>Two implementations pass the same contract: {@link SqliteOffChainStore} (embedded default, one
 * file) and {@link PostgresOffChainStore} (production). Implementations are thread-safe; every call
 * uses its own connection. Failures are {@link StoreException}s.
 */
public interface OffChainStore extends AutoCloseable {

    /**
     * Starts importing a new version of the header's period (version = highest stored version of the
     * same group and range + 1). Nothing is visible to queries until the transaction commits.
     */
    ImportTransaction beginImport(PeriodHeader header);

    /** The most recently created committed period of the group containing {@code day}, if any. */
    Optional<PeriodInfo> latestPeriodContaining(String groupId, LocalDate day);

    /** The committed period with this key, if any. */
    Optional<PeriodInfo> period(PeriodKey key);

    /** The ids of the groups with committed periods, sorted. */
    List<String> groups();

    /** All committed periods of a group, by start, end, then version. */
    List<PeriodInfo> periods(String groupId);

    /** The plant records of a period, in plant-id order (the group tree's leaf order). */
    List<PlantRecord> plants(PeriodKey key);

    /** The day records of a plant in a period, in date order (its period tree's leaf order); empty for an unknown plant. */
    List<DayRecord> days(PeriodKey key, String plantId);

    /**
     * The readings still stored for a plant on a UTC day of a period, in no particular order (sort with
     * {@link Reading#CANONICAL_ORDER} before hashing). Empty when the day has none or they were destroyed.
     */
    List<Reading> readings(PeriodKey key, String plantId, LocalDate day);

    /** The datasets of a class in a period, by id. */
    List<DatasetRecord> datasets(PeriodKey key, DataClass cls);

    /** A dataset by its id, with the period it belongs to. */
    Optional<StoredDataset> dataset(String id);

    /** How many readings of the period are still stored (imported minus destroyed). */
    long readingCount(PeriodKey key);

    /**
     * Deletes, atomically, the readings of all groups on days before {@code today(clock, UTC) -
     * keepReadingsFor}, keeping day, plant and period records and datasets. Writes one
     * {@link DestructionRecord} per group that lost readings and returns them.
     */
    List<DestructionRecord> applyRetention(RetentionPolicy policy, Clock clock);

    /**
     * Deletes, atomically, the requested readings and datasets (see {@link DestroyRequest}), keeping
     * day, plant and period records, and writes the {@link DestructionRecord} it returns.
     *
     * @throws StoreException {@link StoreException.Kind#NOT_FOUND} if the plant never had data in the group
     */
    DestructionRecord destroy(DestroyRequest request);

    /** The destruction records of a group, oldest first. */
    List<DestructionRecord> destructions(String groupId);

    /** Releases the store's resources; open import transactions should be closed first. */
    @Override
    void close();
}
