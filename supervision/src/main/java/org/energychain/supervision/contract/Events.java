package org.energychain.supervision.contract;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.PeriodKey;

/**
 * The events the supervision contracts emit (kept in the block's results only when the transaction
 * succeeds), so that listeners such as a dashboard or the regulator's inbox learn of new anchors,
 * filings, acknowledgements and destructions without polling state.
 *
 * <p>Period events ({@link #PERIOD_ANCHORED}, {@link #D2_FILED}, {@link #FILING_ACKNOWLEDGED}): tag
 * {@code EC/event/period/v1}, string group, date start, date end, i32 version, fixed(32) Hash_G.
 * {@link #DESTRUCTION_RECORDED}: tag {@code EC/event/destruction/v1}, string group, i64 record id, i64
 * readings deleted, i32 days.
 */
public final class Events {
    public static final String PERIOD_ANCHORED = "period-anchored";
    public static final String D2_FILED = "d2-filed";
    public static final String FILING_ACKNOWLEDGED = "filing-acknowledged";
    public static final String DESTRUCTION_RECORDED = "destruction-recorded";
    public static final String PERIOD_TAG = "EC/event/period/v1";
    public static final String DESTRUCTION_TAG = "EC/event/destruction/v1";

    private Events() {
    }

    /** A period event's payload. */
    public record PeriodEvent(PeriodKey period, byte[] groupRoot) {
        public PeriodEvent {
            groupRoot = Codec.digest(groupRoot, "group root");
        }

        @Override
        public byte[] groupRoot() {
            return groupRoot.clone();
        }

        public byte[] encode() {
            CanonicalWriter w = new CanonicalWriter(96).tag(PERIOD_TAG);
            Codec.writePeriod(w, period);
            return w.fixed(groupRoot).toByteArray();
        }

        public static PeriodEvent decode(byte[] bytes) {
            CanonicalReader r = new CanonicalReader(bytes).expectTag(PERIOD_TAG);
            PeriodEvent e = new PeriodEvent(Codec.readPeriod(r), r.fixed(Codec.DIGEST_LENGTH, "group root"));
            r.end();
            return e;
        }
    }

    /** A destruction event's payload. */
    public record DestructionEvent(String groupId, long recordId, long readingsDeleted, int days) {
        public byte[] encode() {
            return new CanonicalWriter(64).tag(DESTRUCTION_TAG).string(groupId).i64(recordId).i64(readingsDeleted)
                    .i32(days).toByteArray();
        }

        public static DestructionEvent decode(byte[] bytes) {
            CanonicalReader r = new CanonicalReader(bytes).expectTag(DESTRUCTION_TAG);
            DestructionEvent e = new DestructionEvent(r.string("group"), r.i64("record id"), r.i64("readings deleted"),
                    r.i32("days"));
            r.end();
            return e;
        }
    }
}
