package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * Arguments of {@code propose}, and the stored plan of a round. {@code pricesMilli} is the clearing price
 * the proposer states per interval (milli-currency per MWh, the plan's system lambda); the sources judge
 * it against their minimum price when they vote. Encoding: tag {@code EC/nego/propose/v2}, string
 * demandId, i32 round, i32 r then r x (string sourceId, i32 n then n x i64 kW), i32 n then n x i64 price.
 */
public record ProposeArgs(String demandId, int round, List<PlanRow> plan, List<Long> pricesMilli) {
    public static final String TAG = "EC/nego/propose/v2";

    public ProposeArgs {
        Wire.id(demandId, "demand id");
        plan = List.copyOf(plan);
        pricesMilli = List.copyOf(pricesMilli);
        Wire.checkCount(plan.size(), "plan", Wire.MAX_SOURCES);
        Wire.checkCount(pricesMilli.size(), "prices", Wire.MAX_INTERVALS);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG).string(demandId).i32(round);
        writePlan(w, plan);
        Wire.writeKw(w, pricesMilli);
        return w.toByteArray();
    }

    public static ProposeArgs decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        ProposeArgs a = new ProposeArgs(r.string("demand id"), r.i32("round"), readPlan(r), Wire.readKw(r, "prices"));
        r.end();
        return a;
    }

    /** The output of a source in interval {@code t}: its row's value, or 0 without a row. */
    public long outputOf(String sourceId, int t) {
        for (PlanRow p : plan) {
            if (p.sourceId().equals(sourceId)) {
                return p.kw().get(t);
            }
        }
        return 0;
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
