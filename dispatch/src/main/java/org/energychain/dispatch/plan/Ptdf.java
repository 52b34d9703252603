package org.energychain.dispatch.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Power transfer distribution factors of a DC network: {@code factor(l, b)} is the MW that flows on line l
 * (positive from → to) per MW injected at bus b and withdrawn at the slack bus. With them a line's flow is
 * a linear function of the generators' outputs, so DC-OPF needs only the generators as variables and the
 * line limits that actually bind as rows (added lazily), instead of an angle per bus and a flow per line.
 *
 * <p>Computed once per network: the reduced susceptance matrix B (per unit, {@code 1/(x·tap)} per branch,
 * the slack bus removed) is factored (LU, partial pivoting) and inverted, and {@code factor(l, b) = (X_fb − X_tb)/x_l}.
 * Phase shifters (MATPOWER's SHIFT) add a flow that does not depend on the injections, {@link #shiftFlow},
 * as in MATPOWER's {@code makeBdc}: the branch flow gets {@code −b·shift} and its ends the matching
 * injections.
 */
public final class Ptdf {
    private final Network network;
    private final double[][] factor;
    private final double[] shiftFlow;
    private final Map<Integer, Integer> busIndex = new HashMap<>();

    private Ptdf(Network network, double[][] factor, double[] shiftFlow) {
        this.network = network;
        this.factor = factor;
        this.shiftFlow = shiftFlow;
        for (int b = 0; b < network.buses().size(); b++) {
            busIndex.put(network.buses().get(b), b);
        }
    }

    /**
     * The distribution factors of {@code net}.
     *
     * @throws IllegalArgumentException naming a bus that no line connects to the slack bus
     */
    public static Ptdf of(Network net) {
        List<Integer> buses = net.buses();
        Islands islands = new Islands(buses);
        for (Line l : net.lines()) {
            islands.connect(l.from(), l.to());
        }
        int home = islands.of(net.slackBus());
        for (int bus : buses) {
            if (islands.of(bus) != home) {
                throw new IllegalArgumentException("bus " + bus + " is islanded: no in-service branch connects it to "
                        + "the reference bus " + net.slackBus());
            }
        }
        int nb = buses.size();
        int slack = buses.indexOf(net.slackBus());
        Map<Integer, Integer> index = new HashMap<>();
        for (int b = 0; b < nb; b++) {
            index.put(buses.get(b), b);
        }
        // reduced index: buses without the slack
        int[] red = new int[nb];
        int n = 0;
        for (int b = 0; b < nb; b++) {
            red[b] = b == slack ? -1 : n++;
        }
        double[][] a = new double[n][n];
        int nl = net.lines().size();
        int[] from = new int[nl];
        int[] to = new int[nl];
        double[] y = new double[nl];
        for (int l = 0; l < nl; l++) {
            Line line = net.lines().get(l);
            from[l] = index.get(line.from());
            to[l] = index.get(line.to());
            y[l] = 1 / line.x();
            int f = red[from[l]];
            int t = red[to[l]];
            if (f >= 0) {
                a[f][f] += y[l];
            }
            if (t >= 0) {
                a[t][t] += y[l];
            }
            if (f >= 0 && t >= 0) {
                a[f][t] -= y[l];
                a[t][f] -= y[l];
            }
        }
        double[][] x = inverse(a);
        double[][] factor = new double[nl][nb];
        for (int l = 0; l < nl; l++) {
            int f = red[from[l]];
            int t = red[to[l]];
            double[] row = factor[l];
            for (int b = 0; b < nb; b++) {
                int k = red[b];
                if (k < 0) {
                    continue;
                }
                double xf = f < 0 ? 0 : x[f][k];
                double xt = t < 0 ? 0 : x[t][k];
                row[b] = y[l] * (xf - xt);
            }
        }
        // phase shifters: Pfinj = −b·shift on the branch, +Pfinj at its from bus and −Pfinj at its to bus
        double[] shiftFlow = new double[nl];
        double[] busInj = new double[nb];
        boolean any = false;
        for (int l = 0; l < nl; l++) {
            double pf = -y[l] * net.lines().get(l).shiftRad();
            if (pf != 0) {
                any = true;
                busInj[from[l]] += pf;
                busInj[to[l]] -= pf;
                shiftFlow[l] = pf;
            }
        }
        if (any) {
            for (int l = 0; l < nl; l++) {
                double s = shiftFlow[l];
                for (int b = 0; b < nb; b++) {
                    s -= factor[l][b] * busInj[b];
                }
                shiftFlow[l] = net.baseMva() * s;
            }
        }
        return new Ptdf(net, factor, shiftFlow);
    }

    /**
     * Inverse by LU factorisation with partial pivoting (B is symmetric but not always positive definite:
     * series capacitors have negative reactance, as in case300).
     */
    private static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] lu = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
        }
        int[] perm = new int[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(lu[r][c]) > Math.abs(lu[pivot][c])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(lu[pivot][c]) > 1e-12 * Math.max(1, scale))) {
                throw new IllegalArgumentException("the susceptance matrix is singular: the network is not connected");
            }
            if (pivot != c) {
                double[] tmp = lu[c];
                lu[c] = lu[pivot];
                lu[pivot] = tmp;
                int tp = perm[c];
                perm[c] = perm[pivot];
                perm[pivot] = tp;
            }
            double[] rc = lu[c];
            for (int r = c + 1; r < n; r++) {
                double[] rr = lu[r];
                if (rr[c] == 0) {
                    continue;
                }
                double m = rr[c] / rc[c];
                rr[c] = m;
                for (int k = c + 1; k < n; k++) {
                    rr[k] -= m * rc[k];
                }
            }
        }
        double[][] inv = new double[n][n];
        double[] z = new double[n];
        for (int col = 0; col < n; col++) {
            // forward: L z = P e_col
            for (int i = 0; i < n; i++) {
                double s = perm[i] == col ? 1 : 0;
                double[] li = lu[i];
                for (int k = 0; k < i; k++) {
                    s -= li[k] * z[k];
                }
                z[i] = s;
            }
            // backward: U x = z
            for (int i = n - 1; i >= 0; i--) {
                double s = z[i];
                double[] ui = lu[i];
                for (int k = i + 1; k < n; k++) {
                    s -= ui[k] * inv[k][col];
                }
                inv[i][col] = s / ui[i];
            }
        }
        return inv;
    }

    public Network network() {
        return network;
    }

    /** MW on line {@code l} (index in {@code network().lines()}) per MW injected at bus index {@code b}. */
    public double factor(int l, int b) {
        return factor[l][b];
    }

    /** The row of line {@code l}: factors by bus index (the order of {@code network().buses()}). */
    double[] row(int l) {
        return factor[l];
    }

    /** MW on line {@code l} caused by the phase shifters alone (0 without them). */
    public double shiftFlow(int l) {
        return shiftFlow[l];
    }

    /** Index of bus number {@code bus} in {@code network().buses()}. */
    public int busIndex(int bus) {
        Integer i = busIndex.get(bus);
        if (i == null) {
            throw new IllegalArgumentException("bus " + bus + " is not in the network");
        }
        return i;
    }

    /** Flows in MW of the injections (MW by bus index, generation minus load), in line order. */
    public double[] flows(double[] injection) {
        int nl = factor.length;
        double[] f = new double[nl];
        for (int l = 0; l < nl; l++) {
            double s = shiftFlow[l];
            double[] row = factor[l];
            for (int b = 0; b < row.length; b++) {
                s += row[b] * injection[b];
            }
            f[l] = s;
        }
        return f;
    }
}
