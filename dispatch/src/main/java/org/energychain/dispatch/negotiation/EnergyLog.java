package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The energy a source was assigned in plans committed on this chain, kept under {@code energy/<source>}
 * as (commit block time, kW·min) entries, oldest first, so W of a later demand is the sum over the
 * look-back period T. Entries older than T at a commit are dropped, and at most {@link #MAX} are kept.
 * Encoding: tag {@code EC/nego/energy/v1}, i32 n then n x (i64 atMillis, i64 kwMin).
 */
public record EnergyLog(List<Entry> entries) {
    public static final String TAG = "EC/nego/energy/v1";
    static final int MAX = 1024;

    public record Entry(long atMillis, long kwMin) { }

    public EnergyLog {
        entries = List.copyOf(entries);
    }

    /** Energy committed at or after {@code fromMillis}, kW·min. */
    public long since(long fromMillis) {
        long sum = 0;
        for (Entry e : entries) {
            if (e.atMillis() >= fromMillis) {
                sum = Math.addExact(sum, e.kwMin());
            }
        }
        return sum;
    }

    EnergyLog append(long atMillis, long kwMin, long keepFromMillis) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.atMillis() >= keepFromMillis) {
                out.add(e);
            }
        }
        out.add(new Entry(atMillis, kwMin));
        return new EnergyLog(out.size() > MAX ? out.subList(out.size() - MAX, out.size()) : out);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG).i32(entries.size());
        entries.forEach(e -> w.i64(e.atMillis()).i64(e.kwMin()));
        return w.toByteArray();
    }

    public static EnergyLog decode(byte[] b) {
        if (b == null) {
            return new EnergyLog(List.of());
        }
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        int n = Wire.count(r, "energy entries", MAX);
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Entry(r.i64("at"), r.i64("kw min")));
        }
        r.end();
        return new EnergyLog(out);
    }
}
