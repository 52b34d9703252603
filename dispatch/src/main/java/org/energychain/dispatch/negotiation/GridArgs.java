package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.dispatch.plan.Line;
import org.energychain.dispatch.plan.Network;

/**
 * Arguments of {@code publish-grid} (GRID): the transmission network the negotiation contract checks plans
 * against. Buses with their share of every demand, branches with reactance and limit, the bus of every
 * source. Integers only, so every node reads the same numbers: reactance in micro per unit (10⁻⁶ p.u.,
 * times the tap ratio; negative for series capacitors), limits in kW (0 = unlimited), load shares in ppm
 * summing to exactly 1,000,000.
 *
 * <p>Encoding: tag {@code EC/nego/grid/v1}, string gridId, i32 slackBus, i32 b + b × (i32 bus, i64
 * loadSharePpm), i32 l + l × (string lineId, i32 from, i32 to, i64 xMicro, i64 rateKw), i32 s + s × (string
 * sourceId, i32 bus), i64 tolerancePpm.
 *
 * @param tolerancePpm how far over its limit a line's flow may be, in ppm of the limit (0..100,000): covers
 *                     the kW rounding of plans and the fixed-point distribution factors
 */
public record GridArgs(String gridId, int slackBus, List<Bus> buses, List<Branch> branches, List<SourceBus> sources,
                       long tolerancePpm) {
    public static final String TAG = "EC/nego/grid/v1";
    /** Largest network: the PTDFs are computed at publish time, O(buses³) work. */
    public static final int MAX_BUSES = 600;
    public static final int MAX_BRANCHES = 1200;

    /** A bus and its share of each interval's demand. */
    public record Bus(int bus, long loadSharePpm) {
    }

    /** A branch: reactance in 10⁻⁶ p.u. (non-zero), limit in kW (0 = unlimited). */
    public record Branch(String lineId, int from, int to, long xMicro, long rateKw) {
    }

    /** Where a source connects. */
    public record SourceBus(String sourceId, int bus) {
    }

    public GridArgs {
        Wire.id(gridId, "grid id");
        buses = List.copyOf(buses);
        branches = List.copyOf(branches);
        sources = List.copyOf(sources);
        Wire.checkCount(buses.size(), "buses", MAX_BUSES);
        Wire.checkCount(branches.size(), "branches", MAX_BRANCHES);
        Wire.checkCount(sources.size(), "sources", Wire.MAX_SOURCES * 2);
        if (tolerancePpm < 0 || tolerancePpm > 100_000) {
            throw new IllegalArgumentException("tolerance " + tolerancePpm + " ppm out of 0..100,000");
        }
        Set<Integer> known = new HashSet<>();
        long share = 0;
        for (Bus b : buses) {
            if (b.bus() < 1) {
                throw new IllegalArgumentException("bus " + b.bus() + " is not a positive bus number");
            }
            if (!known.add(b.bus())) {
                throw new IllegalArgumentException("bus " + b.bus() + " appears twice");
            }
            if (b.loadSharePpm() < 0 || b.loadSharePpm() > 1_000_000) {
                throw new IllegalArgumentException("bus " + b.bus() + ": load share " + b.loadSharePpm()
                        + " ppm out of 0..1,000,000");
            }
            share += b.loadSharePpm();
        }
        if (share != 1_000_000) {
            throw new IllegalArgumentException("load shares sum to " + share + " ppm, not 1,000,000");
        }
        if (!known.contains(slackBus)) {
            throw new IllegalArgumentException("reference bus " + slackBus + " is not one of the buses");
        }
        Set<String> lineIds = new HashSet<>();
        for (Branch l : branches) {
            if (l.lineId().isEmpty() || l.lineId().length() > 64) {
                throw new IllegalArgumentException("line id '" + l.lineId() + "' must be 1-64 characters");
            }
            if (!lineIds.add(l.lineId())) {
                throw new IllegalArgumentException("line " + l.lineId() + " appears twice");
            }
            if (!known.contains(l.from()) || !known.contains(l.to())) {
                throw new IllegalArgumentException("line " + l.lineId() + " connects bus " + (known.contains(l.from())
                        ? l.to() : l.from()) + ", which is not one of the buses");
            }
            if (l.from() == l.to()) {
                throw new IllegalArgumentException("line " + l.lineId() + " connects bus " + l.from() + " to itself");
            }
            if (l.xMicro() == 0 || Math.abs(l.xMicro()) > 1_000_000_000_000L) {
                throw new IllegalArgumentException("line " + l.lineId() + ": reactance " + l.xMicro()
                        + " micro-p.u. must be non-zero and at most 10^12 in size");
            }
            if (l.rateKw() < 0 || l.rateKw() > 1_000_000_000_000L) {
                throw new IllegalArgumentException("line " + l.lineId() + ": limit " + l.rateKw()
                        + " kW out of 0 (unlimited) .. 10^12");
            }
        }
        Set<String> ids = new HashSet<>();
        for (SourceBus s : sources) {
            Wire.id(s.sourceId(), "source id");
            if (!ids.add(s.sourceId())) {
                throw new IllegalArgumentException("source " + s.sourceId() + " is mapped twice");
            }
            if (!known.contains(s.bus())) {
                throw new IllegalArgumentException("source " + s.sourceId() + " is at bus " + s.bus()
                        + ", which is not one of the buses");
            }
        }
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG).string(gridId).i32(slackBus).i32(buses.size());
        for (Bus b : buses) {
            w.i32(b.bus()).i64(b.loadSharePpm());
        }
        w.i32(branches.size());
        for (Branch l : branches) {
            w.string(l.lineId()).i32(l.from()).i32(l.to()).i64(l.xMicro()).i64(l.rateKw());
        }
        w.i32(sources.size());
        for (SourceBus s : sources) {
            w.string(s.sourceId()).i32(s.bus());
        }
        return w.i64(tolerancePpm).toByteArray();
    }

    public static GridArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        String id = r.string("grid id");
        int slack = r.i32("slack bus");
        int nb = Wire.count(r, "buses", MAX_BUSES);
        List<Bus> buses = new ArrayList<>(nb);
        for (int i = 0; i < nb; i++) {
            buses.add(new Bus(r.i32("bus"), r.i64("load share")));
        }
        int nl = Wire.count(r, "branches", MAX_BRANCHES);
        List<Branch> lines = new ArrayList<>(nl);
        for (int i = 0; i < nl; i++) {
            lines.add(new Branch(r.string("line id"), r.i32("from"), r.i32("to"), r.i64("x"), r.i64("rate")));
        }
        int ns = Wire.count(r, "sources", Wire.MAX_SOURCES * 2);
        List<SourceBus> sources = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            sources.add(new SourceBus(r.string("source id"), r.i32("bus")));
        }
        GridArgs g = new GridArgs(id, slack, buses, lines, sources, r.i64("tolerance"));
        r.end();
        return g;
    }

    /**
     * The grid of a MATPOWER case as the grid company publishes it: its in-service buses and branches
     * ({@code x·tap} in micro-p.u., RATE_A in kW), each bus's share of the case's load in ppm (largest
     * remainder, ties to the lower bus, so the shares sum to exactly 1,000,000), the sources' buses.
     *
     * @throws IllegalArgumentException for a phase shifter (its constant flow is not modelled on chain), a
     *                                  case without load, or a source at a bus the case does not have
     */
    public static GridArgs fromCase(String gridId, org.energychain.dispatch.plan.MatpowerCase mpc,
            Map<String, Integer> sourceBus, long tolerancePpm) {
        return of(gridId, mpc.network(), mpc.demand().loads().get(0), sourceBus, tolerancePpm, mpc.source());
    }

    /** As {@link #fromCase}, from a network and loads in MW per bus built otherwise ({@code what} names it). */
    public static GridArgs of(String gridId, Network net, Map<Integer, Double> load, Map<String, Integer> sourceBus,
            long tolerancePpm, String what) {
        double total = 0;
        for (int b : net.buses()) {
            total += Math.max(0, load.getOrDefault(b, 0.0));
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(what + ": no load to share over the buses");
        }
        List<Integer> ids = net.buses();
        long[] ppm = new long[ids.size()];
        double[] rest = new double[ids.size()];
        long sum = 0;
        for (int i = 0; i < ids.size(); i++) {
            double exact = Math.max(0, load.getOrDefault(ids.get(i), 0.0)) / total * 1_000_000;
            ppm[i] = (long) Math.floor(exact);
            rest[i] = exact - ppm[i];
            sum += ppm[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> rest[a] != rest[b] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int k = 0; sum < 1_000_000; k++) {
            ppm[order.get(k % order.size())]++;
            sum++;
        }
        List<Bus> buses = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            buses.add(new Bus(ids.get(i), ppm[i]));
        }
        List<Branch> branches = new ArrayList<>();
        for (Line l : net.lines()) {
            if (l.shiftDeg() != 0) {
                throw new IllegalArgumentException(what + ": branch " + l.id() + " is a phase shifter ("
                        + l.shiftDeg() + " degrees); the grid on chain models none");
            }
            long x = Math.round(l.x() * 1e6);
            if (x == 0) {
                throw new IllegalArgumentException(what + ": branch " + l.id() + " has a reactance below 1e-6 p.u.");
            }
            branches.add(new Branch(l.id(), l.from(), l.to(), x, l.limited() ? Math.round(l.rateMw() * 1000) : 0));
        }
        List<SourceBus> sources = new ArrayList<>();
        new java.util.TreeMap<>(sourceBus).forEach((id, b) -> sources.add(new SourceBus(id, b)));
        return new GridArgs(gridId, net.slackBus(), buses, branches, sources, tolerancePpm);
    }

    /** The DC network the off-chain planners use for this grid (same reactances and limits). */
    public Network network() {
        List<Line> lines = new ArrayList<>();
        for (Branch b : branches) {
            lines.add(new Line(b.lineId(), b.from(), b.to(), b.xMicro() / 1e6,
                    b.rateKw() == 0 ? Double.POSITIVE_INFINITY : b.rateKw() / 1000.0));
        }
        return new Network(100, buses.stream().map(Bus::bus).toList(), slackBus, lines);
    }

    /** Each source's bus. */
    public Map<String, Integer> busOf() {
        Map<String, Integer> m = new HashMap<>();
        sources.forEach(s -> m.put(s.sourceId(), s.bus()));
        return m;
    }

    /** Each bus's share of the demand (summing to 1). */
    public Map<Integer, Double> loadShare() {
        Map<Integer, Double> m = new HashMap<>();
        buses.forEach(b -> m.put(b.bus(), b.loadSharePpm() / 1e6));
        return m;
    }
}
