package org.energychain.cli.dispatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.MeritOrderPlanner;
import org.energychain.dispatch.negotiation.NegotiationConfig;
import org.energychain.dispatch.negotiation.PlanMetrics;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.plan.DcPowerFlow;
import org.energychain.dispatch.plan.Line;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.energychain.dispatch.plan.Network;
import org.energychain.dispatch.plan.SyntheticGrid;
import org.energychain.dispatch.plan.Unit;
import org.energychain.dispatch.sim.NegotiationRun;
import org.energychain.dispatch.sim.SimulatedNegotiation;
import org.energychain.dispatch.sim.SimulatedSource;
import org.energychain.dispatch.sim.SourceMix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain dispatch simulate}: a whole negotiation in this process (a real dispatch chain in
 * memory, signed transactions) among the generators of a MATPOWER case or of a generated network, printed
 * beside a cost-only merit-order baseline of the same demand, with a DC power-flow check of both plans.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a negotiation among simulated sources (the generators of --case FILE.m, or of a generated "
                + "network --buses N --sources M) on an in-memory dispatch chain: rounds, cost, emissions and clean "
                + "share beside a cost-only merit-order baseline, and the line limits each plan would break.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:a plan was committed",
            "1:the negotiation failed (fallback: no plan)", "2:bad input"})
public final class DispatchSimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--case", paramLabel = "FILE.m", description = "MATPOWER case: its generators are the sources.")
    Path caseFile;

    @Option(names = "--buses", paramLabel = "N", description = "Generate a meshed network of N buses (about 1.58 N branches).")
    Integer buses;

    @Option(names = "--sources", defaultValue = "50", paramLabel = "M",
            description = "Generated sources, one generator each (default: ${DEFAULT-VALUE}).")
    int sources;

    @Option(names = "--intervals", defaultValue = "96", paramLabel = "K", description = "Intervals of the day (default: ${DEFAULT-VALUE}).")
    int intervals;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-rounds", defaultValue = "5", paramLabel = "N", description = "1..10 (default: ${DEFAULT-VALUE}).")
    int maxRounds;

    @Option(names = "--co2-price", defaultValue = "50", paramLabel = "PER_TONNE",
            description = "The proposers' clean-energy preference, a shadow CO2 price (default: ${DEFAULT-VALUE}).")
    BigDecimal co2Price;

    @Option(names = "--network-aware", description = "Proposers plan on the network (line limits, PTDF) instead of "
            + "a copper plate.")
    boolean networkAware;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if ((caseFile == null) == (buses == null)) {
            throw new IllegalArgumentException("give exactly one of --case FILE.m and --buses N");
        }
        if (intervals < 1 || intervals > 1440 || 1440 % intervals != 0) {
            throw new IllegalArgumentException("--intervals must divide a day of 1440 minutes, got " + intervals);
        }
        MatpowerCase mpc = caseFile != null ? MatpowerReader.read(caseFile)
                : MatpowerReader.parse("generated", SyntheticGrid.matpower(buses, Math.max(buses - 1,
                        (int) Math.round(buses * 186.0 / 118)), sources, 36.0 * buses, seed));
        Network net = mpc.network();
        List<SimulatedSource> srcs = SourceMix.fromCase(mpc, seed);
        Map<String, Integer> busOf = new HashMap<>();
        for (Unit u : mpc.units()) {
            busOf.put(u.id(), u.bus());
        }
        Map<Integer, Double> loads = mpc.demand().loads().get(0);
        double totalMw = loads.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Long> profile = SourceMix.dailyProfile(intervals, Math.round(totalMw * 1000), seed);
        int minutes = 1440 / intervals;
        long co2 = NegotiationCalls.milli(co2Price, "--co2-price");
        NegotiationRun run;
        ProposeArgs baseline;
        try (SimulatedNegotiation sim = new SimulatedNegotiation(srcs, NegotiationConfig.DEFAULT, seed)) {
            Map<Integer, Double> share = new HashMap<>();
            loads.forEach((bus, mw) -> share.put(bus, mw / totalMw));
            String id = "sim-" + seed;
            if (networkAware) { // the grid company publishes the grid: the contract checks every plan's DC flows
                sim.publishGrid(org.energychain.dispatch.negotiation.GridArgs.fromCase("sim-grid", mpc, busOf, 1_000));
            }
            run = !networkAware ? sim.negotiate(id, minutes, profile, maxRounds, co2)
                    : sim.negotiate(id, minutes, profile, maxRounds, co2, (st, round, excluded) -> {
                        try {
                            return org.energychain.dispatch.negotiation.NetworkPlanner.plan(id, round, profile, minutes,
                                    st.participants(), excluded, co2, net, busOf, share);
                        } catch (IllegalStateException e) {
                            throw new IllegalArgumentException("round " + round + ": no plan within the line limits "
                                    + "and ramps (whole-horizon DC-OPF): " + e.getMessage(), e);
                        }
                    });
            DemandState s = run.state();
            baseline = MeritOrderPlanner.plan("baseline", 1, profile, s.participants(), Set.of(), 0);
            PlanMetrics base = PlanMetrics.of(baseline, sim.policies(), minutes);
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("network", mpc.source()).put("buses", net.buses().size()).put("lines", net.lines().size())
                    .put("sources", srcs.size()).put("intervals", intervals).put("intervalMinutes", minutes)
                    .put("peakKw", profile.stream().mapToLong(Long::longValue).max().orElse(0))
                    .put("co2PricePerTonne", co2Price.doubleValue()).put("networkAware", networkAware)
                    .put("status", s.status().name())
                    .put("rounds", run.rounds().size());
            ArrayNode rounds = n.putArray("roundReports");
            for (NegotiationRun.RoundReport r : run.rounds()) {
                ObjectNode o = rounds.addObject().put("number", r.number()).put("proposer", r.proposer())
                        .put("excluded", r.excluded()).put("outcome", r.outcome().name()).put("acceptPpm", r.acceptPpm())
                        .put("rejectPpm", r.rejectPpm());
                ObjectNode reasons = o.putObject("rejections");
                r.reasons().forEach((k, v) -> reasons.put(k.code(), v));
                metrics(o.putObject("plan"), r.plan());
            }
            if (run.committed() != null) {
                ObjectNode c = metrics(n.putObject("committed"), run.committed());
                check(c, net, busOf, loads, totalMw, s.committedPlan(), profile);
            }
            ObjectNode b = metrics(n.putObject("baseline"), base);
            check(b, net, busOf, loads, totalMw, baseline, profile);
            NegotiationRun.Timings t = run.timings();
            n.putObject("timingsMs").put("post", t.postMillis()).put("plan", t.planMillis())
                    .put("propose", t.proposeMillis()).put("votes", t.voteMillis()).put("signing", t.signingMillis())
                    .put("blocks", t.blocks());
            print(spec.commandLine().getOut(), n);
            return run.committed() != null ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    private static ObjectNode metrics(ObjectNode o, PlanMetrics m) {
        return o.put("energyMwh", round(m.energyMwh())).put("cost", round(m.cost()))
                .put("emissionsTonnes", round(m.emissionsTonnes())).put("cleanSharePercent", round(m.cleanSharePercent()));
    }

    /** Line loading of a copper-plate plan on the network: the plan's injections, loads scaled per interval. */
    private static void check(ObjectNode o, Network net, Map<String, Integer> busOf, Map<Integer, Double> loads,
            double totalMw, ProposeArgs plan, List<Long> profile) {
        int over = 0;
        double worst = 0;
        for (int t = 0; t < profile.size(); t++) {
            double scale = profile.get(t) / 1000.0 / totalMw;
            Map<Integer, Double> inj = new HashMap<>();
            loads.forEach((bus, mw) -> inj.merge(bus, -mw * scale, Double::sum));
            for (var row : plan.plan()) {
                inj.merge(busOf.get(row.sourceId()), row.kw().get(t) / 1000.0, Double::sum);
            }
            Map<String, Double> flows = DcPowerFlow.flows(net, inj);
            for (Line l : net.lines()) {
                if (l.limited()) {
                    double load = Math.abs(Objects.requireNonNull(flows.get(l.id()))) / l.rateMw();
                    worst = Math.max(worst, load);
                    if (load > 1.001) { // beyond 0.1 %: kW rounding of a plan at a limit is not an overload
                        over++;
                    }
                }
            }
        }
        o.put("lineIntervalsOverLimit", over).put("worstLineLoadingPercent", round(100 * worst));
    }

    private void print(PrintWriter out, ObjectNode n) {
        if (json) {
            Json.print(out, n);
            return;
        }
        out.printf("%s: %d buses, %d lines, %d sources, %d intervals of %d min, peak %d kW, CO2 preference %s/t%n",
                n.get("network").asText(), n.get("buses").asInt(), n.get("lines").asInt(), n.get("sources").asInt(),
                n.get("intervals").asInt(), n.get("intervalMinutes").asInt(), n.get("peakKw").asLong(),
                n.get("co2PricePerTonne").asText());
        for (var r : n.get("roundReports")) {
            out.printf("round %d: proposer %s, %d left out, %s (accept %d ppm, reject %d ppm, rejections %s)%n",
                    r.get("number").asInt(), r.get("proposer").asText(), r.get("excluded").asInt(),
                    r.get("outcome").asText(), r.get("acceptPpm").asLong(), r.get("rejectPpm").asLong(),
                    r.get("rejections"));
        }
        out.printf("%-10s %12s %14s %14s %8s %12s%n", "", "energy MWh", "cost", "emissions t", "clean %",
                "lines over");
        if (n.has("committed")) {
            row(out, "committed", n.get("committed"));
        } else {
            out.println("committed  none: the negotiation failed after " + n.get("rounds").asInt() + " rounds");
        }
        row(out, "baseline", n.get("baseline"));
        out.println("timings (ms): " + n.get("timingsMs"));
        out.flush();
    }

    private static void row(PrintWriter out, String name, com.fasterxml.jackson.databind.JsonNode m) {
        out.printf("%-10s %12.1f %14.1f %14.1f %8.2f %12d%n", name, m.get("energyMwh").asDouble(),
                m.get("cost").asDouble(), m.get("emissionsTonnes").asDouble(), m.get("cleanSharePercent").asDouble(),
                m.get("lineIntervalsOverLimit").asInt());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
