package org.energychain.supervision.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.energychain.supervision.classify.SummaryBlock;
import org.energychain.supervision.ingest.ProblemReport;
import org.energychain.supervision.store.PeriodKey;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.PlantLeaf;

/**
 * What an ingest stored and produced: the period's key and {@code Hash_G}, every plant's leaf and day
 * leaves (the {@code --json} contract), the D1 summary blocks for the trading chain, the D2 package
 * file and its {@code Hash(D2)}, how many readings of the inputs lay outside the period (not ingested),
 * the problems skipped, and where the time went.
 */
public record IngestResult(PeriodKey key, String hash, byte[] groupRoot, List<PlantResult> plants,
        List<SummaryBlock> summaries, Path regulatoryPackage, byte[] hashD2, long readings, long outsidePeriod, ProblemReport problems,
        Timings timings) {

    /** One plant's period leaf and its day leaves in day order. */
    public record PlantResult(PlantLeaf leaf, List<DayLeaf> days) {
    }

    /**
     * Nanoseconds: reading and validating (main thread); hashing and classifying (worker threads, in
     * parallel with storing); storing (main thread); the main thread's wait for the workers; wall total.
     */
    public record Timings(long readNanos, long hashNanos, long classifyNanos, long storeNanos, long waitNanos,
            long totalNanos) {
    }
}
