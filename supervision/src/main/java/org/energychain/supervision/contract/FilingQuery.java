package org.energychain.supervision.contract;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.PeriodKey;

/**
 * The arguments of the {@code filing} query: the filing's group, period and version.
 *
 * <p>Encoding: tag {@code EC/filing-query/v1}, string group, date start, date end, i32 version.
 */
public record FilingQuery(PeriodKey period) {
    public static final String TAG = "EC/filing-query/v1";

    public FilingQuery {
        Objects.requireNonNull(period, "period");
        Codec.id(period.groupId(), "group");
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(64).tag(TAG);
        Codec.writePeriod(w, period);
        return w.toByteArray();
    }

    public static FilingQuery decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        FilingQuery q = new FilingQuery(Codec.readPeriod(r));
        r.end();
        return q;
    }
}
