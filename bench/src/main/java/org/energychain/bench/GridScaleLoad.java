package org.energychain.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energychain.dispatch.negotiation.GridArgs;
import org.energychain.dispatch.negotiation.GridModel;
import org.energychain.dispatch.negotiation.PlanRow;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.plan.CostCurve;
import org.energychain.dispatch.plan.DcOpf;
import org.energychain.dispatch.plan.DcPowerFlow;
import org.energychain.dispatch.plan.Demand;
import org.energychain.dispatch.plan.DispatchPlan;
import org.energychain.dispatch.plan.DispatchPlanner;
import org.energychain.dispatch.plan.Line;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.energychain.dispatch.plan.Network;
import org.energychain.dispatch.plan.SequentialNetworkDispatch;
import org.energychain.dispatch.plan.Unit;
import org.energychain.dispatch.sim.SimulatedSource;
import org.energychain.dispatch.sim.SourceMix;

/**
 * The grid-scale benchmark of issue 12 (figures in docs/performance.md):
 *
 * <ol>
 *   <li>one interval of a real MATPOWER case (case300, case118) end to end in process: read the file, build
 *       the network and PTDFs, solve the exact DC-OPF, prices from the duals; the first call apart (it loads
 *       OR-Tools' native library);</li>
 *   <li>96 quarter-hours × 1,000 sources on case118's network as one programme ({@link DcOpf}, GLOP): linear
 *       offers, minimum outputs, ramps across intervals, wind and solar forecasts, line limits (case118 has
 *       none: 1.5 × the flow when every source produces in proportion to its capacity, at least 50 MW, after the
 *       rule of {@code SyntheticGrid}) added lazily; beside the sequential decomposition without look-ahead
 *       ({@link SequentialNetworkDispatch}) and the gap between them.</li>
 * </ol>
 * Usage: {@code GridScaleLoad CASE_DIR [sources=1000] [intervals=96] [repeats=5]} with CASE_DIR holding
 * case118.m and case300.m (e.g. ../shared/reference/grids).
 */
public final class GridScaleLoad {
    private GridScaleLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/reference/grids");
        int sources = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int intervals = args.length > 2 ? Integer.parseInt(args[2]) : 96;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        System.out.printf("cores %d, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String name : new String[] {"case300", "case118"}) {
            Path file = dir.resolve(name + ".m");
            double[] ms = new double[repeats + 1];
            String work = "";
            for (int r = 0; r <= repeats; r++) {
                long a = System.nanoTime();
                DcOpf.Result res = DispatchPlanner.solve(MatpowerReader.read(file), DcOpf.Options.defaults());
                ms[r] = (System.nanoTime() - a) / 1e6;
                work = res.work() + ", cost " + Math.round(res.plan().cost() * 100) / 100.0;
            }
            double[] warm = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(warm);
            System.out.printf("%s one interval (read, PTDF, solve, duals): first %.0f ms (loads the natives), then "
                    + "median %.0f ms, min %.0f, max %.0f; %s%n", name, ms[0], warm[warm.length / 2], warm[0],
                    warm[warm.length - 1], work);
        }
        day(dir.resolve("case118.m"), sources, intervals, Math.max(1, repeats / 2));
    }

    /** Units: the source mix scaled to 1.6 × the case's load, spread over the case's buses. */
    static List<Unit> units(MatpowerCase mpc, int count, int intervals, long seed) {
        List<SimulatedSource> mix = SourceMix.generate(count, seed);
        double load = mpc.demand().total(0);
        double capacity = mix.stream().mapToDouble(s -> s.policy().maxKw() / 1000.0).sum();
        double scale = 1.6 * load / capacity;
        List<Integer> buses = mpc.network().buses();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] wind = new double[intervals];
        double w = 0.5;
        for (int t = 0; t < intervals; t++) {
            w = Math.min(1, Math.max(0.05, w + (rnd.nextDouble() - 0.5) * 0.1));
            wind[t] = w;
        }
        List<Unit> out = new ArrayList<>();
        for (SimulatedSource s : mix) {
            var p = s.policy();
            double max = p.maxKw() / 1000.0 * scale;
            double min = p.minKw() / 1000.0 * scale;
            double ramp = p.rampKw() == 0 ? Double.POSITIVE_INFINITY : p.rampKw() / 1000.0 * scale;
            List<Double> forecast = List.of();
            switch (p.technology()) {
                case WIND_ONSHORE, WIND_OFFSHORE -> {
                    double own = 0.7 + 0.6 * rnd.nextDouble();
                    forecast = Arrays.stream(wind).map(v -> Math.min(1, v * own) * max).boxed().toList();
                }
                case SOLAR_PV -> {
                    List<Double> f = new ArrayList<>();
                    for (int t = 0; t < intervals; t++) {
                        double h = 24.0 * t / intervals;
                        f.add(max * Math.max(0, Math.sin(Math.PI * (h - 6) / 13)));
                    }
                    forecast = f;
                }
                default -> {
                }
            }
            out.add(new Unit(s.id(), buses.get(rnd.nextInt(buses.size())), min, max,
                    new CostCurve.Quadratic(0, p.priceMilli() / 1000.0, 0), ramp, ramp, 0, false, forecast)
                    .withTechnology(p.technology()));
        }
        return out;
    }

    /** case118's network with limits 1.5 × the flows of a dispatch in proportion to capacity (≥ 50 MW). */
    static Network limited(MatpowerCase mpc, List<Unit> units) {
        Network net = mpc.network();
        double load = mpc.demand().total(0);
        double capacity = units.stream().mapToDouble(Unit::pMax).sum();
        Map<Integer, Double> inj = new HashMap<>();
        mpc.demand().loads().get(0).forEach((b, v) -> inj.merge(b, -v, Double::sum));
        for (Unit u : units) {
            inj.merge(u.bus(), u.pMax() * load / capacity, Double::sum);
        }
        Map<String, Double> f = DcPowerFlow.flows(net, inj);
        List<Line> lines = new ArrayList<>();
        for (Line l : net.lines()) {
            lines.add(new Line(l.id(), l.from(), l.to(), l.x(), Math.max(50, Math.ceil(Math.abs(f.get(l.id())) * 1.5)),
                    l.shiftDeg()));
        }
        return new Network(net.baseMva(), net.buses(), net.slackBus(), lines);
    }

    static Demand dayDemand(MatpowerCase mpc, int intervals, long seed) {
        double total = mpc.demand().total(0);
        List<Long> profile = SourceMix.dailyProfile(intervals, Math.round(total * 1000), seed);
        List<Map<Integer, Double>> perBus = new ArrayList<>();
        for (long kw : profile) {
            Map<Integer, Double> m = new HashMap<>();
            mpc.demand().loads().get(0).forEach((b, mw) -> m.put(b, mw * kw / 1000.0 / total));
            perBus.add(m);
        }
        return new Demand(24.0 / intervals, perBus);
    }

    /** The contract's line check of the day's plan (kW rows) on the published grid, as a node runs it. */
    private static void contractCheck(MatpowerCase mpc, Network net, List<Unit> units, Demand day, DispatchPlan plan) {
        Map<String, Integer> busOf = new HashMap<>();
        units.forEach(u -> busOf.put(u.id(), u.bus()));
        long a = System.nanoTime();
        GridArgs grid = GridArgs.of("case118-limited", net, mpc.demand().loads().get(0), busOf, 1_000, mpc.source());
        GridModel model = GridModel.of(grid);
        double publishMs = (System.nanoTime() - a) / 1e6;
        List<PlanRow> rows = new ArrayList<>();
        List<Long> profile = new ArrayList<>();
        List<Long> prices = new ArrayList<>();
        for (int t = 0; t < day.intervals(); t++) {
            profile.add(Math.round(day.total(t) * 1000));
            prices.add(40_000L);
        }
        for (int i = 0; i < units.size(); i++) {
            List<Long> kw = new ArrayList<>();
            for (int t = 0; t < day.intervals(); t++) {
                kw.add(Math.round(plan.output().get(i).get(t) * 1000));
            }
            rows.add(new PlanRow(units.get(i).id(), kw));
        }
        ProposeArgs args = new ProposeArgs("d", 1, rows, prices);
        double[] ms = new double[30];
        GridModel.Overload verdict = null;
        for (int r = 0; r < ms.length; r++) {
            long b = System.nanoTime();
            verdict = model.check(profile, args);
            ms[r] = (System.nanoTime() - b) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("contract line check of the %d-interval plan (%d sources, %d limited lines, %d bytes of "
                + "factors): median %.1f ms, min %.1f, max %.1f; verdict %s; publishing the grid (factors) %.0f ms%n",
                day.intervals(), units.size(), net.lines().size(), model.encodeFactors().length, ms[ms.length / 2], ms[0],
                ms[ms.length - 1], verdict == null ? "no overload" : verdict, publishMs);
    }

    private static void day(Path case118, int sources, int intervals, int repeats) throws Exception {
        MatpowerCase mpc = MatpowerReader.read(case118);
        List<Unit> units = units(mpc, sources, intervals, 118);
        Network net = limited(mpc, units);
        Demand day = dayDemand(mpc, intervals, 118);
        System.out.printf("%s: %d buses, %d lines (all limited), %d sources (%d with forecasts, %d ramp-limited), %d "
                + "intervals%n", mpc.source(), net.buses().size(), net.lines().size(), units.size(),
                units.stream().filter(u -> !u.availability().isEmpty()).count(),
                units.stream().filter(u -> Double.isFinite(u.rampUp())).count(), intervals);
        DispatchPlan fast = null;
        for (int r = 0; r < repeats; r++) {
            long a = System.nanoTime();
            DcOpf.Result res = DcOpf.solve(units, day, net, DcOpf.Options.defaults().withFast(true));
            double ms = (System.nanoTime() - a) / 1e6;
            fast = res.plan();
            long binding = fast.shadowPrices().stream().mapToLong(Map::size).sum();
            System.out.printf("whole day as one programme (DcOpf fast, PDLP 1e-6): %.0f ms; %s; %d binding (line, "
                    + "interval) pairs; cost %.2f%n", ms, res.work(), binding, fast.cost());
        }
        DispatchPlan exact = fast;
        if (Boolean.getBoolean("exact")) {
            long a = System.nanoTime();
            DcOpf.Result res = DcOpf.solve(units, day, net, DcOpf.Options.defaults());
            exact = res.plan();
            System.out.printf("whole day exact (GLOP): %.0f ms; %s; cost %.2f; the fast plan costs %.2e more%n",
                    (System.nanoTime() - a) / 1e6, res.work(), exact.cost(), (fast.cost() - exact.cost()) / exact.cost());
        }
        contractCheck(mpc, net, units, day, fast);
        try {
            long a = System.nanoTime();
            SequentialNetworkDispatch.Result seq = SequentialNetworkDispatch.solve(units, day, net, 0);
            double ms = (System.nanoTime() - a) / 1e6;
            System.out.printf("sequential, no look-ahead: %.0f ms, cost %.2f, %.3f %% above the whole-day optimum%n", ms,
                    seq.cost(), 100 * (seq.cost() - exact.cost()) / exact.cost());
        } catch (RuntimeException e) {
            System.out.println("sequential, no look-ahead: fails: " + e.getMessage());
        }
    }
}
