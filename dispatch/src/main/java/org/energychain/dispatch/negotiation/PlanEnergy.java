package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Each source's energy in a proposed plan (Σ kW × interval minutes, kW·min; sources with 0 left out, plan
 * row order), computed once by {@code propose} and kept under {@code plan-energy/<id>/<rr>}, so that the
 * vote that commits the plan adds it to the W logs without decoding the whole plan (1,000 × 96 numbers).
 * Encoding: tag {@code EC/nego/plan-energy/v1}, i32 n then n x (string sourceId, i64 kwMin).
 */
public record PlanEnergy(List<Share> shares) {
    public static final String TAG = "EC/nego/plan-energy/v1";

    /** One source's energy in the plan, kW·min (> 0). */
    public record Share(String sourceId, long kwMin) {
        public Share {
            Wire.id(sourceId, "plan-energy source id");
            if (kwMin <= 0) {
                throw new IllegalArgumentException("plan-energy of " + sourceId + ": " + kwMin + " kW·min, must be > 0");
            }
        }
    }

    public PlanEnergy {
        shares = List.copyOf(shares);
        Wire.checkCount(shares.size(), "plan-energy shares", Wire.MAX_SOURCES);
    }

    /**
     * The energy of every source that runs in {@code plan}.
     *
     * @throws ArithmeticException if a source's energy overflows a signed 64-bit integer
     */
    public static PlanEnergy of(ProposeArgs plan, int intervalMinutes) {
        List<Share> out = new ArrayList<>(plan.plan().size());
        for (PlanRow row : plan.plan()) {
            long kwMin = 0;
            for (long kw : row.kw()) {
                kwMin = Math.addExact(kwMin, Math.multiplyExact(kw, intervalMinutes));
            }
            if (kwMin > 0) {
                out.add(new Share(row.sourceId(), kwMin));
            }
        }
        return new PlanEnergy(out);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG).i32(shares.size());
        shares.forEach(s -> w.string(s.sourceId()).i64(s.kwMin()));
        return w.toByteArray();
    }

    public static PlanEnergy decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        int n = Wire.count(r, "plan-energy shares", Wire.MAX_SOURCES);
        List<Share> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Share(r.string("source id"), r.i64("kw min")));
        }
        r.end();
        return new PlanEnergy(out);
    }
}
