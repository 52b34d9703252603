package org.energychain.dispatch.negotiation;

import java.util.List;

/** One source's output in a plan, kW per interval. */
public record PlanRow(String sourceId, List<Long> kw) {
    public PlanRow {
        Wire.id(sourceId, "plan source id");
        kw = List.copyOf(kw);
        Wire.checkCount(kw.size(), "plan row", Wire.MAX_INTERVALS);
    }
}
