package org.energychain.dispatch.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DC power flow: the line flows that given bus injections cause, by solving {@code B'θ = P/baseMVA} with the
 * slack bus at angle 0 (dense Gaussian elimination with partial pivoting; fine for networks of a few hundred
 * buses). Used to check a plan made without the network (the negotiation's copper-plate plans) against the
 * line limits, and to size the limits of a generated network.
 */
public final class DcPowerFlow {
    private DcPowerFlow() {
    }

    /**
     * Flows in MW (positive from → to), by line id.
     *
     * @param injectionMw generation minus load per bus; the slack bus takes what does not balance
     * @throws IllegalArgumentException when the network is not connected (singular B')
     */
    public static Map<String, Double> flows(Network net, Map<Integer, Double> injectionMw) {
        List<Integer> buses = net.buses();
        Map<Integer, Integer> row = new HashMap<>();
        for (int b : buses) {
            if (b != net.slackBus()) {
                row.put(b, row.size());
            }
        }
        int n = row.size();
        double[][] a = new double[n][n + 1];
        for (Line l : net.lines()) {
            double y = 1 / l.x();
            Integer f = row.get(l.from());
            Integer t = row.get(l.to());
            if (f != null) {
                a[f][f] += y;
            }
            if (t != null) {
                a[t][t] += y;
            }
            if (f != null && t != null) {
                a[f][t] -= y;
                a[t][f] -= y;
            }
        }
        injectionMw.forEach((bus, p) -> {
            Integer r = row.get(bus);
            if (r != null) {
                a[r][n] += p / net.baseMva();
            }
        });
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][c]) < 1e-12) {
                throw new IllegalArgumentException("the network is not connected: no DC power flow");
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int r = c + 1; r < n; r++) {
                double m = a[r][c] / a[c][c];
                if (m != 0) {
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= m * a[c][k];
                    }
                }
            }
        }
        double[] theta = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * theta[k];
            }
            theta[r] = s / a[r][r];
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Line l : net.lines()) {
            Integer f = row.get(l.from());
            Integer t = row.get(l.to());
            double tf = f == null ? 0 : theta[f];
            double tt = t == null ? 0 : theta[t];
            out.put(l.id(), net.baseMva() * (tf - tt) / l.x());
        }
        return out;
    }

    /**
     * Power transfer distribution factors: {@code ptdf[l][i]} is the MW flow on line l (in net.lines() order)
     * per MW injected at bus {@code net.buses().get(i)} and withdrawn at the slack bus (0 for the slack).
     */
    public static double[][] ptdf(Network net) {
        List<Integer> buses = net.buses();
        double[][] out = new double[net.lines().size()][buses.size()];
        for (int i = 0; i < buses.size(); i++) {
            if (buses.get(i) == net.slackBus()) {
                continue;
            }
            Map<String, Double> f = flows(net, Map.of(buses.get(i), 1.0));
            for (int l = 0; l < net.lines().size(); l++) {
                out[l][i] = Objects.requireNonNull(f.get(net.lines().get(l).id())); // flows() has every line
            }
        }
        return out;
    }
}
