package org.energychain.dispatch.negotiation;

import static org.energychain.dispatch.negotiation.NegotiationCodes.DUPLICATE;
import static org.energychain.dispatch.negotiation.NegotiationCodes.INVALID;
import static org.energychain.dispatch.negotiation.NegotiationCodes.NO_POLICY;
import static org.energychain.dispatch.negotiation.NegotiationContract.EV_DEMAND_POSTED;
import static org.energychain.dispatch.negotiation.NegotiationContract.MIN_SOURCES;
import static org.energychain.dispatch.negotiation.NegotiationContract.POST_DEMAND;
import static org.energychain.dispatch.negotiation.NegotiationRules.validateDemand;
import static org.energychain.dispatch.negotiation.NegotiationState.argsKey;
import static org.energychain.dispatch.negotiation.NegotiationState.config;
import static org.energychain.dispatch.negotiation.NegotiationState.demandKey;
import static org.energychain.dispatch.negotiation.NegotiationState.energyKey;
import static org.energychain.dispatch.negotiation.NegotiationState.openKey;
import static org.energychain.dispatch.negotiation.NegotiationState.policyKey;
import static org.energychain.dispatch.negotiation.NegotiationState.socialKey;
import static org.energychain.dispatch.negotiation.NegotiationState.sourceKey;
import static org.energychain.dispatch.negotiation.ProposerDraw.proposer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.energychain.dispatch.weight.Cleanness;
import org.energychain.dispatch.weight.SourceFactors;
import org.energychain.dispatch.weight.WeightFunction;
import org.energychain.dispatch.weight.Weights;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.TxContext;

/**
 * {@code post-demand}: checks the demand, reads the participants' policies and computes their voting
 * weights from the chain (energy of recently committed plans, cleanness, social coefficient, price),
 * then opens round 1 with its drawn proposer.
 */
final class DemandPosting {
    private DemandPosting() {
    }

    static void postDemand(TxContext ctx, PostDemandArgs a) throws ContractException {
        validateDemand(a);
        String key = demandKey(a.demandId());
        if (ctx.get(key) != null) {
            throw new ContractException(DUPLICATE, POST_DEMAND + ": demand " + a.demandId() + " already exists");
        }
        NegotiationConfig cfg = config(ctx);
        long now = ctx.blockTime().toEpochMilli();
        List<Participant> ps = participants(ctx, a, cfg, now);
        for (Participant p : ps) {
            ctx.put(sourceKey(a.demandId(), p.sourceId()), p.encode());
        }
        long roundMillis = a.roundMillis() == 0 ? cfg.roundMillis() : a.roundMillis();
        DemandRecord rec = new DemandRecord(a.demandId(), ctx.sender(), now, DemandRecord.Status.OPEN, 0,
                a.maxRounds(), roundMillis, cfg.tolerancePpm(),
                List.of(Round.open(1, proposer(a, ps, 1, List.of()), now, now + roundMillis)));
        ctx.put(argsKey(a.demandId()), a.encode());
        ctx.put(key, rec.encode());
        ctx.put(openKey(a.demandId()), new byte[] {1});
        ctx.emit(EV_DEMAND_POSTED, new DemandRef(a.demandId(), 1).encode());
    }

    /** The participants of a demand with their weights computed from the chain (see docs/dispatch.md). */
    private static List<Participant> participants(TxContext ctx, PostDemandArgs a, NegotiationConfig cfg, long now)
            throws ContractException {
        Map<String, SourcePolicy> policies = new LinkedHashMap<>();
        if (a.sources().isEmpty()) {
            var all = ctx.scan("policy/", Wire.MAX_SOURCES + 1);
            if (all.size() > Wire.MAX_SOURCES) {
                throw new ContractException(INVALID, POST_DEMAND + ": more than " + Wire.MAX_SOURCES
                        + " sources have policies; name the participants");
            }
            all.forEach((k, v) -> policies.put(k.substring("policy/".length()), SourcePolicy.decode(v)));
        } else {
            for (String id : new TreeSet<>(a.sources())) {
                byte[] v = ctx.get(policyKey(id));
                if (v == null) {
                    throw new ContractException(NO_POLICY, POST_DEMAND + ": source " + id
                            + " has not published a policy (publish-policy)");
                }
                policies.put(id, SourcePolicy.decode(v));
            }
        }
        if (policies.size() < MIN_SOURCES) {
            throw new ContractException(INVALID, POST_DEMAND + ": " + policies.size() + " sources with policies, at least "
                    + MIN_SOURCES + " must collaborate");
        }
        List<SourceFactors> factors = new ArrayList<>();
        Map<String, long[]> raw = new HashMap<>();
        for (Map.Entry<String, SourcePolicy> e : policies.entrySet()) {
            String id = e.getKey();
            long w = EnergyLog.decode(ctx.get(energyKey(id))).since(now - cfg.lookbackMillis());
            long r = Cleanness.ppm(e.getValue().technology());
            byte[] sv = ctx.get(socialKey(id));
            long s = sv == null ? cfg.defaultSocialPpm() : SocialArgs.decode(sv).ppm();
            long m = e.getValue().priceMilli();
            factors.add(new SourceFactors(id, w, r, s, m));
            raw.put(id, new long[] {w, r, s, m});
        }
        Weights weights;
        try {
            weights = new WeightFunction(cfg.coefficients()).weigh(factors);
        } catch (IllegalArgumentException e) {
            throw new ContractException(INVALID, POST_DEMAND + ": " + e.getMessage());
        }
        List<Participant> out = new ArrayList<>();
        for (Map.Entry<String, SourcePolicy> e : policies.entrySet()) {
            long[] f = Objects.requireNonNull(raw.get(e.getKey()));
            out.add(new Participant(e.getKey(), f[0], f[1], f[2], f[3], weights.of(e.getKey()), e.getValue()));
        }
        return out; // in id order: the policies were read in key order (ids are ASCII, so string order)
    }
}
