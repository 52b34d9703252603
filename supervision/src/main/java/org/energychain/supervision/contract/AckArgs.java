package org.energychain.supervision.contract;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.PeriodKey;

/**
 * The arguments of {@code regulatory-filing.acknowledge}: which filing (its group, period and version)
 * the regulator acknowledges, with an optional note for the group (empty: none).
 *
 * <p>Encoding: tag {@code EC/ack-args/v1}, string group, date start, date end, i32 version, string note
 * (at most {@value #MAX_NOTE} characters; empty means no note).
 */
public record AckArgs(PeriodKey filing, String note) {
    public static final String TAG = "EC/ack-args/v1";
    public static final int MAX_NOTE = 1000;

    public AckArgs {
        Objects.requireNonNull(filing, "filing");
        Codec.id(filing.groupId(), "group");
        note = Codec.text(note == null ? "" : note, "note", MAX_NOTE);
    }

    public static AckArgs of(PeriodKey filing) {
        return new AckArgs(filing, "");
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(96 + note.length() * 3).tag(TAG);
        Codec.writePeriod(w, filing);
        return w.string(note).toByteArray();
    }

    public static AckArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        AckArgs a = new AckArgs(Codec.readPeriod(r), r.string("note"));
        r.end();
        return a;
    }
}
