package org.energychain.dispatch.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the load side asks for: MW per interval, either as a system total (no network) or per bus (with a
 * network, where where the load sits decides which lines carry it).
 *
 * @param hours length of one interval in hours (0.25 for quarter-hours); turns MW into MWh and currency/h
 *              into currency
 * @param loads per interval, MW per bus; a system total is kept under bus {@link #SYSTEM}
 */
public record Demand(double hours, List<Map<Integer, Double>> loads) {

    /** Key of a system-total load that has no bus. */
    public static final int SYSTEM = -1;

    public Demand {
        if (!(hours > 0) || !Double.isFinite(hours)) {
            throw new IllegalArgumentException("interval length must be positive hours, got " + hours);
        }
        if (loads.isEmpty()) {
            throw new IllegalArgumentException("demand needs at least one interval");
        }
        List<Map<Integer, Double>> copy = new ArrayList<>();
        for (Map<Integer, Double> m : loads) {
            for (Map.Entry<Integer, Double> e : m.entrySet()) {
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException("load at bus " + e.getKey() + " is not a number");
                }
            }
            copy.add(Collections.unmodifiableMap(new TreeMap<>(m)));
        }
        loads = List.copyOf(copy);
    }

    /** System-total demand, one value in MW per interval. */
    public static Demand total(double hours, double... mw) {
        List<Map<Integer, Double>> l = new ArrayList<>();
        for (double d : mw) {
            l.add(Map.of(SYSTEM, d));
        }
        return new Demand(hours, l);
    }

    /** Per-bus demand for a single interval of one hour (a MATPOWER snapshot). */
    public static Demand snapshot(Map<Integer, Double> mwByBus) {
        return new Demand(1.0, List.of(mwByBus));
    }

    public int intervals() {
        return loads.size();
    }

    /** Total MW in interval {@code t}. */
    public double total(int t) {
        double s = 0;
        for (double v : loads.get(t).values()) {
            s += v;
        }
        return s;
    }

    /** MW at {@code bus} in interval {@code t} (0 if none). */
    public double at(int t, int bus) {
        return loads.get(t).getOrDefault(bus, 0.0);
    }
}
