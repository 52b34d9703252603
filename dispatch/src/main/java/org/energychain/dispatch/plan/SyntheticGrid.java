package org.energychain.dispatch.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A generated meshed transmission network in MATPOWER format, for simulations and benchmarks where no real
 * case is at hand (the IEEE 118-bus case has 118 buses, 186 branches, 4,242 MW of load; pass the real file
 * with {@code --case} when you have it). Reproducible from the seed:
 *
 * <ul>
 *   <li>buses at random points of a unit square; bus 1 is the reference bus;</li>
 *   <li>a spanning tree (each bus joined to its nearest already-joined bus), then the shortest missing
 *       links until the branch count is reached: a meshed, planar-looking grid like a real one;</li>
 *   <li>reactance 0.02–0.25 p.u. in proportion to length (baseMVA 100);</li>
 *   <li>load on three buses in four, log-normal sizes scaled to the total;</li>
 *   <li>generators on random buses, capacities scaled so their sum is 1.6 × the load, cost
 *       {@code a·P² + b·P} with b 20–90 per MWh and a small a;</li>
 *   <li>line limits: 1.3 × the flow of the base case in which every generator produces in proportion to
 *       its capacity (at least 30 MW), so that dispatch is feasible at every load up to the base load while
 *       a cost-driven dispatch meets binding lines.</li>
 * </ul>
 */
public final class SyntheticGrid {
    private SyntheticGrid() {
    }

    public static String matpower(int buses, int branches, int generators, double loadMw, long seed) {
        if (buses < 2 || branches < buses - 1 || generators < 1 || !(loadMw > 0)) {
            throw new IllegalArgumentException("need buses >= 2, branches >= buses - 1, generators >= 1, load > 0; got "
                    + buses + ", " + branches + ", " + generators + ", " + loadMw);
        }
        if ((long) branches > (long) buses * (buses - 1) / 2) {
            throw new IllegalArgumentException(branches + " branches are more than " + buses + " buses can hold");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[buses];
        double[] y = new double[buses];
        for (int i = 0; i < buses; i++) {
            x[i] = rnd.nextDouble();
            y[i] = rnd.nextDouble();
        }
        List<int[]> lines = new ArrayList<>();
        Set<Long> have = new HashSet<>();
        for (int i = 1; i < buses; i++) {
            int best = 0;
            for (int j = 1; j < i; j++) {
                if (dist(x, y, i, j) < dist(x, y, i, best)) {
                    best = j;
                }
            }
            add(lines, have, i, best, buses);
        }
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < buses; i++) {
            for (int j = i + 1; j < buses; j++) {
                pairs.add(new long[] {Double.doubleToLongBits(dist(x, y, i, j)), i, j});
            }
        }
        pairs.sort((p, q) -> Double.compare(Double.longBitsToDouble(p[0]), Double.longBitsToDouble(q[0])));
        for (int k = 0; k < pairs.size() && lines.size() < branches; k++) {
            add(lines, have, (int) pairs.get(k)[1], (int) pairs.get(k)[2], buses);
        }
        double[] load = new double[buses];
        double sum = 0;
        for (int i = 0; i < buses; i++) {
            if (rnd.nextInt(4) != 0) {
                load[i] = Math.exp(rnd.nextGaussian() * 0.7);
                sum += load[i];
            }
        }
        for (int i = 0; i < buses; i++) {
            load[i] = Math.round(load[i] / sum * loadMw * 10) / 10.0;
        }
        int[] genBus = new int[generators];
        double[] pMax = new double[generators];
        double capSum = 0;
        for (int g = 0; g < generators; g++) {
            genBus[g] = rnd.nextInt(buses);
            pMax[g] = 10 + rnd.nextDouble() * 290;
            capSum += pMax[g];
        }
        double totalLoad = 0;
        for (double l : load) {
            totalLoad += l;
        }
        for (int g = 0; g < generators; g++) {
            pMax[g] = Math.round(pMax[g] / capSum * 1.6 * totalLoad * 10) / 10.0;
        }
        double[] xs = new double[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            xs[k] = Math.round((0.02 + 0.23 * Math.min(1, dist(x, y, lines.get(k)[0], lines.get(k)[1]) / 0.3)) * 1e4)
                    / 1e4;
        }
        // base case: generation in proportion to capacity
        double capTotal = 0;
        for (double p : pMax) {
            capTotal += p;
        }
        Map<Integer, Double> inj = new HashMap<>();
        for (int i = 0; i < buses; i++) {
            inj.merge(i + 1, -load[i], Double::sum);
        }
        for (int g = 0; g < generators; g++) {
            inj.merge(genBus[g] + 1, pMax[g] / capTotal * totalLoad, Double::sum);
        }
        List<Integer> busIds = new ArrayList<>();
        List<Line> ls = new ArrayList<>();
        for (int i = 0; i < buses; i++) {
            busIds.add(i + 1);
        }
        for (int k = 0; k < lines.size(); k++) {
            ls.add(new Line("L" + k, lines.get(k)[0] + 1, lines.get(k)[1] + 1, xs[k], Double.POSITIVE_INFINITY));
        }
        Map<String, Double> base = DcPowerFlow.flows(new Network(100, busIds, 1, ls), inj);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%% generated by EnergyChain SyntheticGrid: %d buses, %d branches, %d "
                + "generators, %.1f MW load, seed %d%n", buses, lines.size(), generators, totalLoad, seed));
        s.append("function mpc = synthetic\nmpc.version = '2';\nmpc.baseMVA = 100;\n");
        s.append("%% bus_i type Pd Qd Gs Bs area Vm Va baseKV zone Vmax Vmin\nmpc.bus = [\n");
        for (int i = 0; i < buses; i++) {
            s.append(String.format(Locale.ROOT, "\t%d\t%d\t%.1f\t0\t0\t0\t1\t1\t0\t230\t1\t1.06\t0.94;%n", i + 1,
                    i == 0 ? 3 : 1, load[i]));
        }
        s.append("];\n%% bus Pg Qg Qmax Qmin Vg mBase status Pmax Pmin\nmpc.gen = [\n");
        for (int g = 0; g < generators; g++) {
            s.append(String.format(Locale.ROOT, "\t%d\t0\t0\t0\t0\t1\t100\t1\t%.1f\t0;%n", genBus[g] + 1, pMax[g]));
        }
        s.append("];\n%% fbus tbus r x b rateA rateB rateC ratio angle status angmin angmax\nmpc.branch = [\n");
        for (int k = 0; k < lines.size(); k++) {
            double rate = Math.max(30, Math.ceil(Math.abs(Objects.requireNonNull(base.get("L" + k))) * 1.3));
            s.append(String.format(Locale.ROOT, "\t%d\t%d\t0\t%.4f\t0\t%.0f\t0\t0\t0\t0\t1\t-360\t360;%n",
                    lines.get(k)[0] + 1, lines.get(k)[1] + 1, xs[k], rate));
        }
        s.append("];\n%% 2 startup shutdown n c2 c1 c0\nmpc.gencost = [\n");
        for (int g = 0; g < generators; g++) {
            double b = 20 + rnd.nextDouble() * 70;
            double a = 0.001 + rnd.nextDouble() * 0.02;
            s.append(String.format(Locale.ROOT, "\t2\t0\t0\t3\t%.5f\t%.3f\t0;%n", a, b));
        }
        s.append("];\n");
        return s.toString();
    }

    private static void add(List<int[]> lines, Set<Long> have, int i, int j, int n) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        if (have.add((long) a * n + b)) {
            lines.add(new int[] {a, b});
        }
    }

    private static double dist(double[] x, double[] y, int i, int j) {
        return Math.hypot(x[i] - x[j], y[i] - y[j]);
    }
}
