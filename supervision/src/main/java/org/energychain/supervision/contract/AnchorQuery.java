package org.energychain.supervision.contract;

import java.time.LocalDate;
import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.PeriodKey;

/**
 * The arguments of the {@code anchor} query: a group's period and a version, 0 meaning the latest
 * (highest) anchored version, which is what a regulator wants unless it checks an older delivery.
 *
 * <p>Encoding: tag {@code EC/anchor-query/v1}, string group, date start, date end, i32 version (0 = latest).
 */
public record AnchorQuery(String groupId, LocalDate start, LocalDate endExclusive, int version) {
    public static final String TAG = "EC/anchor-query/v1";

    public AnchorQuery {
        Codec.id(groupId, "group");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (!start.isBefore(endExclusive)) {
            throw new IllegalArgumentException("period start " + start + " must be before its end " + endExclusive);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0 (0 = latest), got " + version);
        }
    }

    public static AnchorQuery exact(PeriodKey k) {
        return new AnchorQuery(k.groupId(), k.start(), k.endExclusive(), k.version());
    }

    public static AnchorQuery latest(String groupId, LocalDate start, LocalDate endExclusive) {
        return new AnchorQuery(groupId, start, endExclusive, 0);
    }

    public byte[] encode() {
        return new CanonicalWriter(64).tag(TAG).string(groupId).date(start).date(endExclusive).i32(version)
                .toByteArray();
    }

    public static AnchorQuery decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        AnchorQuery q = new AnchorQuery(r.string("group"), r.date("period start"), r.date("period end"),
                r.i32("version"));
        r.end();
        return q;
    }
}
