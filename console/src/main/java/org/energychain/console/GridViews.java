package org.energychain.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.energychain.dispatch.negotiation.DemandRef;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.MeritOrderPlanner;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.energychain.dispatch.negotiation.OpenDemands;
import org.energychain.dispatch.negotiation.Participant;
import org.energychain.dispatch.negotiation.PlanMetrics;
import org.energychain.dispatch.negotiation.PlanRow;
import org.energychain.dispatch.negotiation.PostDemandArgs;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.negotiation.Round;
import org.energychain.dispatch.negotiation.SourcePolicy;
import org.energychain.dispatch.negotiation.Vote;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.JsonViews;

/**
 * The grid and sources page: the demands on the dispatch chains this node runs (those posted in the last
 * {@value #SCAN_BLOCKS} blocks, and every open one), each with its participants' weights V_k (and W, R, S,
 * M), its negotiation rounds and votes, and the committed plan by source and technology over the
 * intervals with the demand, its cost, emissions and clean share beside those of the plain merit-order
 * plan (cheapest first, no CO2 price) for the same demand. Read through the contract's queries.
 */
final class GridViews {
    static final int SCAN_BLOCKS = 5_000;
    static final int MAX_DEMANDS = 50;
    private final Node node;

    GridViews(Node node) {
        this.node = node;
    }

    ObjectNode grid() {
        ObjectNode out = JsonViews.MAPPER.createObjectNode();
        ArrayNode chains = out.putArray("chains");
        for (HostedChain c : node.chains()) {
            if (!c.genesis().contracts().contains(NegotiationContract.NAME)) {
                continue;
            }
            ObjectNode n = chains.addObject().put("id", c.id());
            ArrayNode demands = n.putArray("demands");
            for (String id : demandIds(c)) {
                DemandState s = DemandState.decode(MemberWrites.query(c, NegotiationContract.NAME,
                        NegotiationContract.DEMAND, DemandRef.of(id).encode()));
                demands.add(view(s));
            }
        }
        return out;
    }

    /** Demand ids, newest first: posted within the scanned blocks, and every open one. */
    private static Set<String> demandIds(HostedChain c) {
        Set<String> ids = new LinkedHashSet<>();
        long height = c.chain().store().height();
        for (long h = height; h >= 1 && h > height - SCAN_BLOCKS && ids.size() < MAX_DEMANDS; h--) {
            Block b = c.chain().store().block(h).orElseThrow();
            for (int i = b.transactions().size() - 1; i >= 0; i--) {
                Transaction t = b.transactions().get(i);
                if (t.contract().equals(NegotiationContract.NAME) && t.method().equals(NegotiationContract.POST_DEMAND)
                        && b.results().get(i).isOk()) {
                    ids.add(PostDemandArgs.decode(t.args()).demandId());
                }
            }
        }
        OpenDemands open = OpenDemands.decode(MemberWrites.query(c, NegotiationContract.NAME,
                NegotiationContract.OPEN_DEMANDS, new byte[0]));
        for (String id : open.demandIds()) {
            if (ids.size() < MAX_DEMANDS) {
                ids.add(id);
            }
        }
        return ids;
    }

    static ObjectNode view(DemandState s) {
        PostDemandArgs d = s.demand();
        ObjectNode n = JsonViews.MAPPER.createObjectNode().put("id", d.demandId()).put("period", d.period())
                .put("intervalMinutes", d.intervalMinutes()).put("poster", s.record().poster())
                .put("status", s.record().status().name()).put("committedRound", s.record().committedRound());
        ArrayNode profile = n.putArray("demandKw");
        d.profileKw().forEach(profile::add);
        Map<String, SourcePolicy> policies = new LinkedHashMap<>();
        ArrayNode parts = n.putArray("participants");
        for (Participant p : s.participants()) {
            policies.put(p.sourceId(), p.policy());
            parts.addObject().put("source", p.sourceId()).put("technology", p.policy().technology().code())
                    .put("weightPpm", p.ppm()).put("energyKwMin", p.energyKwMin()).put("cleannessPpm", p.cleannessPpm())
                    .put("socialPpm", p.socialPpm()).put("priceMilli", p.priceMilli());
        }
        ArrayNode rounds = n.putArray("rounds");
        for (int i = 0; i < s.record().rounds().size(); i++) {
            Round r = s.record().rounds().get(i);
            ObjectNode o = rounds.addObject().put("number", r.number()).put("proposer", r.proposer())
                    .put("proposed", r.proposed()).put("acceptPpm", r.acceptPpm()).put("rejectPpm", r.rejectPpm())
                    .put("outcome", r.outcome().name()).put("deadlineMillis", r.deadlineMillis());
            ArrayNode votes = o.putArray("votes");
            for (Vote v : s.votes().get(i)) {
                votes.addObject().put("voter", v.voter()).put("ppm", v.ppm()).put("accept", v.accept())
                        .put("reason", v.reason().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (s.record().committedRound() > 0) {
            ProposeArgs plan = s.plans().get(s.record().committedRound() - 1);
            ArrayNode rows = n.putObject("plan").putArray("rows");
            for (PlanRow row : plan.plan()) {
                SourcePolicy policy = policies.get(row.sourceId()); // the contract admits rows of participants only
                ObjectNode r = rows.addObject().put("source", row.sourceId())
                        .put("technology", policy == null ? "unknown" : policy.technology().code());
                ArrayNode kw = r.putArray("kw");
                row.kw().forEach(kw::add);
            }
            ArrayNode prices = ((ObjectNode) n.get("plan")).putArray("pricesMilli");
            plan.pricesMilli().forEach(prices::add);
            metrics(n.putObject("committed"), PlanMetrics.of(plan, policies, d.intervalMinutes()));
            try {
                ProposeArgs baseline = MeritOrderPlanner.plan(d.demandId(), 1, d.profileKw(), s.participants(),
                        Set.of(), 0);
                metrics(n.putObject("meritOrder"), PlanMetrics.of(baseline, policies, d.intervalMinutes()));
            } catch (IllegalStateException e) {
                n.put("meritOrderProblem", String.valueOf(e.getMessage()));
            }
        }
        return n;
    }

    private static void metrics(ObjectNode n, PlanMetrics m) {
        n.put("energyMwh", m.energyMwh()).put("cost", m.cost()).put("emissionsTonnes", m.emissionsTonnes())
                .put("cleanSharePercent", m.cleanSharePercent());
    }
}
