package org.energychain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.energychain.dispatch.negotiation.MeritOrderPlanner;
import org.energychain.dispatch.negotiation.NegotiationConfig;
import org.energychain.dispatch.negotiation.Participant;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.plan.Demand;
import org.energychain.dispatch.plan.DispatchPlan;
import org.energychain.dispatch.plan.EconomicDispatch;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.energychain.dispatch.plan.Network;
import org.energychain.dispatch.plan.PlanOptions;
import org.energychain.dispatch.plan.SequentialNetworkDispatch;
import org.energychain.dispatch.plan.SyntheticGrid;
import org.energychain.dispatch.plan.Unit;
import org.energychain.dispatch.sim.NegotiationRun;
import org.energychain.dispatch.sim.SimulatedNegotiation;
import org.energychain.dispatch.sim.SimulatedSource;
import org.energychain.dispatch.sim.SourceMix;
import org.energychain.ledger.genesis.ChainLimits;

/**
 * The dispatch benchmark of issue 5: plan computation for 96 intervals and 1,000 sources on a 118-bus
 * network, and one negotiation round end to end on one node, beside the time of one block.
 *
 * <ol>
 *   <li>Network: {@code --case FILE.m} (e.g. the real IEEE 118-bus case), else {@link SyntheticGrid} with 118
 *       buses, 186 branches and 4,242 MW of load (the IEEE 118 figures), with one generator per source.</li>
 *   <li>Plans: (a) sequential DC-OPF: one ojAlgo solve per interval on the network with line limits, each
 *       unit's bounds narrowed to its ramp around its previous output (the decomposition); (b) the whole
 *       horizon as one QP with ramps, stopped after a time limit; (c) the copper-plate integer merit order
 *       the negotiation's proposers use.</li>
 *   <li>A round: a real chain in memory with the negotiation contract: post (weights computed on chain),
 *       propose, votes of every source, commit; chain time (admission, execution, commit) apart from the
 *       members' signing time, the admission of the proposal and of the votes (on all cores) apart from
 *       the blocks' work, beside the solo orderer's block interval.</li>
 * </ol>
 * Usage: {@code DispatchLoad [sources=1000] [intervals=96] [qp-limit-seconds=120] [--case FILE.m] [--round-only]}.
 */
public final class DispatchLoad {
    private DispatchLoad() {
    }

    public static void main(String[] args) throws Exception {
        int sources = 1000;
        int intervals = 96;
        int qpLimit = 120;
        Path caseFile = null;
        boolean roundOnly = false;
        List<Integer> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--round-only")) {
                roundOnly = true;
            } else if (args[i].equals("--case")) {
                caseFile = Path.of(args[++i]);
            } else {
                positional.add(Integer.parseInt(args[i]));
            }
        }
        if (positional.size() > 0) {
            sources = positional.get(0);
        }
        if (positional.size() > 1) {
            intervals = positional.get(1);
        }
        if (positional.size() > 2) {
            qpLimit = positional.get(2);
        }
        MatpowerCase mpc = caseFile != null ? MatpowerReader.read(caseFile)
                : MatpowerReader.parse("synthetic-118", SyntheticGrid.matpower(118, 186, sources, 4242, 118));
        if (caseFile == null) {
            Path out = Path.of(System.getProperty("java.io.tmpdir"), "synthetic-118-" + sources + ".m");
            Files.writeString(out, SyntheticGrid.matpower(118, 186, sources, 4242, 118));
            System.out.println("network written to " + out);
        }
        Network net = mpc.network();
        List<SimulatedSource> srcs = SourceMix.fromCase(mpc, 118);
        Map<Integer, Double> loads = mpc.demand().loads().get(0);
        double total = loads.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Long> profile = SourceMix.dailyProfile(intervals, Math.round(total * 1000), 118);
        double hours = 24.0 / intervals;
        System.out.printf("%s: %d buses, %d lines (%d limited), %d sources, %d intervals, peak %.1f MW%n", mpc.source(),
                net.buses().size(), net.lines().size(), net.lines().stream().filter(l -> l.limited()).count(),
                srcs.size(), intervals, profile.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0);

        // units as the planner sees the sources: offered price as linear cost, policy limits and ramps
        List<Unit> units = new ArrayList<>();
        Map<String, Integer> busOf = new HashMap<>();
        mpc.units().forEach(u -> busOf.put(u.id(), u.bus()));
        for (SimulatedSource s : srcs) {
            var p = s.policy();
            double ramp = p.rampKw() == 0 ? Double.POSITIVE_INFINITY : p.rampKw() / 1000.0;
            units.add(new Unit(s.id(), busOf.get(s.id()), 0, p.maxKw() / 1000.0,
                    new org.energychain.dispatch.plan.CostCurve.Quadratic(0, p.priceMilli() / 1000.0, 0), ramp, ramp,
                    0, false, List.of()).withTechnology(p.technology()));
        }
        List<Map<Integer, Double>> perBus = new ArrayList<>();
        for (long kw : profile) {
            Map<Integer, Double> m = new HashMap<>();
            loads.forEach((b, mw) -> m.put(b, mw * kw / 1000.0 / total));
            perBus.add(m);
        }
        PlanOptions opts = PlanOptions.defaults().withCo2Price(50).withoutPrices();

        Demand day = new Demand(hours, perBus);
        if (roundOnly) {
            rounds(srcs, hours, profile, 10);
            return;
        }
        // warm-up
        SequentialNetworkDispatch.solve(units, new Demand(hours, perBus.subList(0, Math.min(8, intervals))), net, 50);
        for (int rep = 0; rep < 3; rep++) {
            long a = System.nanoTime();
            SequentialNetworkDispatch.Result seq = SequentialNetworkDispatch.solve(units, day, net, 50);
            double seqMs = (System.nanoTime() - a) / 1e6;
            System.out.printf("(a) sequential dispatch with PTDF line constraints, %d intervals: %.0f ms (%.1f ms per "
                    + "interval; %d LPs, %d line rows), cost %.0f%n", intervals, seqMs, seqMs / intervals, seq.lpSolves(),
                    seq.lineRows(), seq.cost());
        }
        long a0 = System.nanoTime();
        int oneByOne = Math.min(4, intervals);
        sequential(units, perBus.subList(0, oneByOne), hours, net, opts);
        System.out.printf("(a') the same intervals as full DC-OPF LPs (all units, angles, flows; ojAlgo): %.0f ms per "
                + "interval%n", (System.nanoTime() - a0) / 1e6 / oneByOne);

        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "whole-horizon-qp");
            t.setDaemon(true);
            return t;
        });
        for (int k : new int[] {1, 2, 4, intervals}) {
            if (k > intervals) {
                continue;
            }
            List<Map<Integer, Double>> part = perBus.subList(0, k);
            long b = System.nanoTime();
            Future<DispatchPlan> f = ex.submit(() -> EconomicDispatch.solve(units, new Demand(hours, part), net, opts));
            try {
                DispatchPlan p = f.get(qpLimit, TimeUnit.SECONDS);
                System.out.printf("(b) whole-horizon QP, %d intervals: %.0f ms, cost %.0f%n", k,
                        (System.nanoTime() - b) / 1e6, p.cost());
            } catch (TimeoutException e) {
                f.cancel(true);
                System.out.printf("(b) whole-horizon QP, %d intervals: not finished after %d s%n", k, qpLimit);
                break;
            }
        }

        List<Participant> parts = new ArrayList<>();
        srcs.forEach(s -> parts.add(new Participant(s.id(), 0, 0, 0, s.policy().priceMilli(), 0, s.policy())));
        for (int i = 0; i < 5; i++) {
            MeritOrderPlanner.plan("warm", 1, profile, parts, Set.of(), 50_000);
        }
        long c = System.nanoTime();
        int reps = 20;
        ProposeArgs mo = null;
        for (int i = 0; i < reps; i++) {
            mo = MeritOrderPlanner.plan("d", 1, profile, parts, Set.of(), 50_000);
        }
        System.out.printf("(c) copper-plate integer merit order: %.1f ms (%d rows)%n", (System.nanoTime() - c) / 1e6 / reps,
                mo.plan().size());

        rounds(srcs, hours, profile, 3);
        ex.shutdownNow();
    }

    static void rounds(List<SimulatedSource> srcs, double hours, List<Long> profile, int runs) {
        System.out.println("negotiation round on one node (in-memory chain, Ed25519):");
        try (SimulatedNegotiation sim = new SimulatedNegotiation(srcs, NegotiationConfig.DEFAULT, 118)) {
            sim.negotiate("warm-up", (int) Math.round(hours * 60), profile, 5, 50_000);
            for (int i = 1; i <= runs; i++) {
                NegotiationRun run = sim.negotiate("day-" + i, (int) Math.round(hours * 60), profile, 5, 50_000);
                NegotiationRun.Timings t = run.timings();
                double chain = t.postMillis() + t.proposeMillis() + t.voteMillis();
                int votes = run.state().participants().size() * run.rounds().size();
                double blockWork = t.proposeMillis() - t.proposeAdmissionMillis() + t.voteMillis()
                        - t.voteAdmissionMillis();
                System.out.printf("  run %d: %s after %d round(s); chain: post %.0f ms (weights on chain), propose %.0f "
                        + "ms (admission %.1f), %d votes %.0f ms (admission %.0f, block %.0f = %.3f ms/vote) = %.0f ms "
                        + "in %d blocks; round's block work (propose + votes, after admission) %.0f ms; planning %.0f "
                        + "ms; signing %.0f ms (members, in parallel in reality)%n", i, run.state().status(),
                        run.rounds().size(), t.postMillis(), t.proposeMillis(), t.proposeAdmissionMillis(), votes,
                        t.voteMillis(), t.voteAdmissionMillis(), t.voteMillis() - t.voteAdmissionMillis(),
                        (t.voteMillis() - t.voteAdmissionMillis()) / votes, chain, t.blocks(), blockWork,
                        t.planMillis(), t.signingMillis());
            }
        }
        System.out.printf("block interval of the solo orderer (ChainLimits.DEFAULT): %d ms%n",
                ChainLimits.DEFAULT.blockInterval().toMillis());
    }

    /** One DC-OPF per interval; each unit's bounds are its ramp around its previous output. Returns {cost}. */
    static double[] sequential(List<Unit> units, List<Map<Integer, Double>> perBus, double hours, Network net,
            PlanOptions opts) {
        double[] prev = null;
        double cost = 0;
        for (Map<Integer, Double> load : perBus) {
            List<Unit> now = new ArrayList<>(units.size());
            for (int k = 0; k < units.size(); k++) {
                Unit u = units.get(k);
                double lo = 0;
                double hi = u.pMax();
                if (prev != null && Double.isFinite(u.rampUp())) {
                    lo = Math.max(0, prev[k] - u.rampDown());
                    hi = Math.min(u.pMax(), prev[k] + u.rampUp());
                }
                now.add(new Unit(u.id(), u.bus(), lo, Math.max(lo, hi), u.cost(), Double.POSITIVE_INFINITY,
                        Double.POSITIVE_INFINITY, u.emissionFactor(), u.clean(), List.of()));
            }
            DispatchPlan p = EconomicDispatch.solve(now, new Demand(hours, List.of(load)), net, opts);
            prev = new double[units.size()];
            for (int k = 0; k < units.size(); k++) {
                prev[k] = p.output().get(k).get(0);
            }
            cost += p.cost();
        }
        return new double[] {cost};
    }
}
