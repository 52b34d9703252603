package org.energychain.supervision.ingest;

/**
 * What one file gave: data rows (CSV rows or JSON lines, not counting header, skipped and comment
 * lines), readings handed to the sink, and rows rejected under {@link ErrorPolicy#SKIP_AND_REPORT}.
 */
public record ReadResult(long rows, long readings, long rejectedRows) {
}
