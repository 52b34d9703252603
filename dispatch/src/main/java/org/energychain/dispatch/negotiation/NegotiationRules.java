package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationCodes.BAD_PLAN;
import static org.energychain.dispatch.negotiation.NegotiationCodes.INVALID;
import static org.energychain.dispatch.negotiation.NegotiationCodes.LIMIT;
import static org.energychain.dispatch.negotiation.NegotiationCodes.LINE_OVERLOAD;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_A_SOURCE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NOT_ON_GRID;
import static org.energychain.dispatch.negotiation.NegotiationContract.MIN_SOURCES;
import static org.energychain.dispatch.negotiation.NegotiationContract.ONE;
import static org.energychain.dispatch.negotiation.NegotiationContract.POST_DEMAND;
import static org.energychain.dispatch.negotiation.NegotiationContract.PROPOSE;
import static org.energychain.dispatch.negotiation.NegotiationState.grid;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.ledger.contract.ContractException;

/**
 * The negotiation's rules on what a caller sends, apart from state: a demand's own fields, a plan against
 * its demand and the participants' published policies, and a plan's DC line flows against the published
 * grid. Pure functions of their arguments, so a poster or proposer can run them before signing.
 */
final class NegotiationRules {
    private NegotiationRules() {
    }

    /** The business rules of a demand's own fields; public so a poster can check before signing. */
    static void validateDemand(PostDemandArgs a) throws ContractException {
        if (a.profileKw().isEmpty()) {
            throw new ContractException(INVALID, POST_DEMAND + ": empty profile");
        }
        for (long kw : a.profileKw()) {
            if (kw < 0) {
                throw new ContractException(INVALID, POST_DEMAND + ": negative demand " + kw + " kW");
            }
        }
        if (a.intervalMinutes() < 1 || a.intervalMinutes() > 1440) {
            throw new ContractException(INVALID, POST_DEMAND + ": interval of " + a.intervalMinutes()
                    + " minutes out of 1..1440");
        }
        Set<String> seen = new HashSet<>();
        for (String s : a.sources()) {
            if (!seen.add(s)) {
                throw new ContractException(INVALID, POST_DEMAND + ": source " + s + " appears twice");
            }
        }
        if (!a.sources().isEmpty() && a.sources().size() < MIN_SOURCES) {
            throw new ContractException(INVALID, POST_DEMAND + ": " + a.sources().size() + " sources, at least "
                    + MIN_SOURCES + " must collaborate");
        }
        if (a.maxRounds() < 1 || a.maxRounds() > Wire.MAX_ROUNDS) {
            throw new ContractException(INVALID, POST_DEMAND + ": max rounds " + a.maxRounds() + " out of 1.."
                    + Wire.MAX_ROUNDS);
        }
        if (a.roundMillis() < 0 || a.roundMillis() > NegotiationConfig.MAX_ROUND_MILLIS) {
            throw new ContractException(INVALID, POST_DEMAND + ": round duration " + a.roundMillis()
                    + " ms out of 0 (chain default) .. 7 days");
        }
    }

    /**
     * A plan's rules against its demand and the participants' published policies; public so a proposer
     * can check before signing. A participant without a row produces 0 kW (off).
     *
     * @param policies the policy of every source that has a row (a row of any other source is refused)
     */
    static void checkPlan(PostDemandArgs d, long tolerancePpm, Map<String, SourcePolicy> policies,
            ProposeArgs plan) throws ContractException {
        int n = d.profileKw().size();
        if (plan.pricesMilli().size() != n) {
            throw new ContractException(BAD_PLAN, PROPOSE + ": " + plan.pricesMilli().size() + " prices, the demand has "
                    + n + " intervals");
        }
        long[] total = new long[n];
        Set<String> seen = new HashSet<>();
        for (PlanRow row : plan.plan()) {
            SourcePolicy p = policies.get(row.sourceId());
            if (p == null) {
                throw new ContractException(NOT_A_SOURCE, PROPOSE + ": " + row.sourceId() + " is not a source of "
                        + d.demandId());
            }
            if (!seen.add(row.sourceId())) {
                throw new ContractException(BAD_PLAN, PROPOSE + ": " + row.sourceId() + " has two rows");
            }
            if (row.kw().size() != n) {
                throw new ContractException(BAD_PLAN, PROPOSE + ": row of " + row.sourceId() + " has "
                        + row.kw().size() + " intervals, the demand " + n);
            }
            for (int i = 0; i < n; i++) {
                long kw = row.kw().get(i);
                if (!p.outputAllowed(kw)) {
                    throw new ContractException(LIMIT, PROPOSE + ": " + row.sourceId() + " in interval " + i + ": "
                            + kw + " kW, its policy allows 0 or " + p.minKw() + ".." + p.maxKw() + " kW");
                }
                if (i > 0 && !p.rampAllows(kw - row.kw().get(i - 1))) {
                    throw new ContractException(LIMIT, PROPOSE + ": " + row.sourceId() + " ramps "
                            + (kw - row.kw().get(i - 1)) + " kW from interval " + (i - 1) + " to " + i
                            + ", its policy allows " + p.rampKw() + " kW");
                }
                try {
                    total[i] = Math.addExact(total[i], kw);
                } catch (ArithmeticException e) {
                    throw new ContractException(BAD_PLAN, PROPOSE + ": total of interval " + i + " overflows");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            long want = d.profileKw().get(i);
            long tol = tolerance(want, tolerancePpm);
            if (Math.abs(total[i] - want) > tol) {
                throw new ContractException(BAD_PLAN, PROPOSE + ": interval " + i + " totals " + total[i]
                        + " kW, the demand is " + want + " kW (tolerance " + tol + " kW)");
            }
        }
    }

    /** The allowed imbalance of an interval: floor(demand x tolerance / 1,000,000) kW. */
    static long tolerance(long demandKw, long tolerancePpm) {
        return java.math.BigInteger.valueOf(demandKw).multiply(java.math.BigInteger.valueOf(tolerancePpm))
                .divide(java.math.BigInteger.valueOf(ONE)).longValueExact();
    }

    /** Refuses a plan whose DC flows overload a line of the published grid in any interval. */
    static void checkLines(GridModel grid, List<Long> profileKw, ProposeArgs plan) throws ContractException {
        GridModel.Overload o;
        try {
            o = grid.check(profileKw, plan);
        } catch (IllegalArgumentException e) {
            throw new ContractException(NOT_ON_GRID, PROPOSE + ": " + e.getMessage());
        } catch (ArithmeticException e) {
            throw new ContractException(BAD_PLAN, PROPOSE + ": a line flow overflows 64 bits");
        }
        if (o != null) {
            throw new ContractException(LINE_OVERLOAD, PROPOSE + ": line " + o.lineId() + " carries " + o.flowKw()
                    + " kW in interval " + o.interval() + ", its limit is " + o.limitKw() + " kW (grid "
                    + grid.grid().gridId() + ", DC flow)");
        }
    }
}
