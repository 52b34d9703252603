package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Arguments of {@code post-demand}. Encoding: tag {@code EC/nego/post-demand/v1}, string demandId,
 * string period, i32 n then n x i64 profile kW, i32 m then m x (string sourceId, i64 ppm), i32 maxRounds.
 * Shape only is checked here; the contract checks the business rules (weights, rounds, profile).
 */
public record PostDemandArgs(String demandId, String period, List<Long> profileKw, List<SourceWeight> sources,
        int maxRounds) {
    public static final String TAG = "EC/nego/post-demand/v1";

    public PostDemandArgs {
        Wire.id(demandId, "demand id");
        Objects.requireNonNull(period, "period");
        if (period.isEmpty() || period.length() > 64) {
            throw new IllegalArgumentException("period must be 1-64 characters");
        }
        profileKw = List.copyOf(profileKw);
        sources = List.copyOf(sources);
        Wire.checkCount(profileKw.size(), "profile", Wire.MAX_INTERVALS);
        Wire.checkCount(sources.size(), "sources", Wire.MAX_SOURCES);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG);
        write(w);
        return w.toByteArray();
    }

    public static PostDemandArgs decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        PostDemandArgs a = read(r);
        r.end();
        return a;
    }

    static PostDemandArgs read(CanonicalReader r) {
        String id = r.string("demand id");
        String period = r.string("period");
        List<Long> profile = Wire.readKw(r, "profile");
        int m = Wire.count(r, "sources", Wire.MAX_SOURCES);
        List<SourceWeight> sources = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            sources.add(new SourceWeight(r.string("source id"), r.i64("source ppm")));
        }
        return new PostDemandArgs(id, period, profile, sources, r.i32("max rounds"));
    }

    void write(CanonicalWriter w) {
        w.string(demandId).string(period);
        Wire.writeKw(w, profileKw);
        w.i32(sources.size());
        for (SourceWeight s : sources) {
            w.string(s.sourceId()).i64(s.ppm());
        }
        w.i32(maxRounds);
    }

    /** The weight of a source, or -1 if it is not one. */
    public long weightOf(String sourceId) {
        for (SourceWeight s : sources) {
            if (s.sourceId().equals(sourceId)) {
                return s.ppm();
            }
        }
        return -1;
    }
}
