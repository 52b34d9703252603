package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Arguments of {@code post-demand}. The weights are not passed in: the contract computes them from the
 * chain. Encoding: tag {@code EC/nego/post-demand/v2}, string demandId, string period, i32 intervalMinutes,
 * i32 n then n x i64 profile kW, i32 m then m x string sourceId (m = 0: every source with a published
 * policy), i32 maxRounds, i64 roundMillis (0: the chain's configured round duration). Shape only is
 * checked here; the contract checks the business rules.
 */
public record PostDemandArgs(String demandId, String period, int intervalMinutes, List<Long> profileKw,
        List<String> sources, int maxRounds, long roundMillis) {
    public static final String TAG = "EC/nego/post-demand/v2";

    public PostDemandArgs {
        Wire.id(demandId, "demand id");
        Objects.requireNonNull(period, "period");
        if (period.isEmpty() || period.length() > 64) {
            throw new IllegalArgumentException("period must be 1-64 characters");
        }
        profileKw = List.copyOf(profileKw);
        sources = List.copyOf(sources);
        sources.forEach(s -> Wire.id(s, "source id"));
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
        int minutes = r.i32("interval minutes");
        List<Long> profile = Wire.readKw(r, "profile");
        int m = Wire.count(r, "sources", Wire.MAX_SOURCES);
        List<String> sources = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            sources.add(r.string("source id"));
        }
        return new PostDemandArgs(id, period, minutes, profile, sources, r.i32("max rounds"), r.i64("round millis"));
    }

    void write(CanonicalWriter w) {
        w.string(demandId).string(period).i32(intervalMinutes);
        Wire.writeKw(w, profileKw);
        w.i32(sources.size());
        sources.forEach(w::string);
        w.i32(maxRounds).i64(roundMillis);
    }
}
