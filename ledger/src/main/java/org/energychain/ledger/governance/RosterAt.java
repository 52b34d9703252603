package org.energychain.ledger.governance;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.genesis.Roster;

/**
 * A roster and the first height it is valid for. Encoding: tag {@code EC/roster-at/v1}, i64 from, then the
 * roster's nodes and validators as in {@link Roster#write}.
 */
public record RosterAt(long from, Roster roster) {
    public static final String TAG = "EC/roster-at/v1";

    public RosterAt {
        if (from < 1) {
            throw new IllegalArgumentException("a roster is valid from height 1 or later, not " + from);
        }
    }

    public byte[] encode() {
        return roster.write(new CanonicalWriter(1024).tag(TAG).i64(from)).toByteArray();
    }

    /** @throws IllegalArgumentException naming what is malformed */
    public static RosterAt decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        RosterAt at = new RosterAt(r.i64("from"), Roster.read(r));
        r.end();
        return at;
    }
}
