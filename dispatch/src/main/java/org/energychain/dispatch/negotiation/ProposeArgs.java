package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Arguments of {@code propose}. Encoding: tag {@code EC/nego/propose/v1}, string demandId, i32 round,
 * i32 r then r x (string sourceId, i32 n then n x i64 kW).
 */
public record ProposeArgs(String demandId, int round, List<PlanRow> plan) {
    public static final String TAG = "EC/nego/propose/v1";

    public ProposeArgs {
        Wire.id(demandId, "demand id");
        plan = List.copyOf(plan);
        Wire.checkCount(plan.size(), "plan", Wire.MAX_SOURCES);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG).string(demandId).i32(round);
        writePlan(w, plan);
        return w.toByteArray();
    }

    public static ProposeArgs decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        ProposeArgs a = new ProposeArgs(r.string("demand id"), r.i32("round"), readPlan(r));
        r.end();
        return a;
    }

    static void writePlan(CanonicalWriter w, List<PlanRow> plan) {
        w.i32(plan.size());
        for (PlanRow p : plan) {
            w.string(p.sourceId());
            Wire.writeKw(w, p.kw());
        }
    }

    static List<PlanRow> readPlan(CanonicalReader r) {
        int n = Wire.count(r, "plan", Wire.MAX_SOURCES);
        List<PlanRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new PlanRow(r.string("plan source id"), Wire.readKw(r, "plan row")));
        }
        return out;
    }
}
