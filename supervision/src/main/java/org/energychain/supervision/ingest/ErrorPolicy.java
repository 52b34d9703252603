package org.energychain.supervision.ingest;

/** What an import does with bad input. */
public enum ErrorPolicy {
    /** The first problem aborts the import with an {@link InputException} (the default). */
    FAIL,
    /** Bad rows and readings are skipped; each problem is counted in a {@link ProblemReport}. */
    SKIP_AND_REPORT
}
