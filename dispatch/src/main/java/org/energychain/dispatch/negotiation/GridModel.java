package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.dispatch.plan.Network;
import org.energychain.dispatch.plan.Ptdf;

/**
 * The published grid as the contract checks plans against it: the power transfer distribution factors of
 * every limited line in fixed point (integer ppm: MW on the line per MW injected at a bus and taken at the
 * reference bus, times 10⁶), computed once when the grid is published, so that the check of a plan is
 * integer arithmetic only.
 *
 * <p><b>Determinism.</b> The factors are computed by {@link Ptdf#of} in Java {@code double}s: since Java 17
 * every floating-point operation is strict IEEE 754 (JEP 306), and the computation uses only +, −, ×, ÷ in
 * a fixed order (LU with partial pivoting, no {@code Math.fma}, no library functions), so every node on any
 * JVM gets the same bits; each factor is then rounded by {@link Math#round} to ppm. The result is pinned by
 * a golden vector ({@code GridModelTest}): changing that computation is a consensus change.
 *
 * <p><b>The check.</b> In interval t, bus b's load is {@code floor(D_t · share_b / 10⁶)} kW (what the floors
 * leave, less than one kW per bus, is taken at the reference bus, where it moves no flow); its injection
 * is the kW of the sources at b minus that load; line l carries {@code Σ_b ptdf_lb · inj_bt} kW·ppm, and
 * overloads when that exceeds {@code rate_l · (10⁶ + tolerance)} in size. Exact 64-bit arithmetic
 * (overflow is a refusal); work per plan is intervals × (sources + limited lines × buses).
 *
 * <p>Encoding of the stored factors: tag {@code EC/nego/grid-ptdf/v1}, i32 buses, i32 r + r × (i32 line
 * index in the grid's branches, buses × i32 ppm in the grid's bus order).
 */
public final class GridModel {
    public static final String TAG = "EC/nego/grid-ptdf/v1";
    private static final long ONE = 1_000_000;

    private final GridArgs grid;
    private final int[] lines;
    private final int[][] ptdf;

    private GridModel(GridArgs grid, int[] lines, int[][] ptdf) {
        this.grid = grid;
        this.lines = lines;
        this.ptdf = ptdf;
    }

    /** What a plan breaks: the first overloaded line in interval order, then line order. */
    public record Overload(String lineId, int interval, long flowKw, long limitKw) {
    }

    /**
     * Computes the factors of {@code grid}.
     *
     * @throws IllegalArgumentException when the network is not connected (naming the bus) or a factor does not
     *                                  fit an i32 in ppm
     */
    public static GridModel of(GridArgs grid) {
        Network net = grid.network();
        Ptdf p = Ptdf.of(net);
        List<Integer> limited = new ArrayList<>();
        for (int l = 0; l < grid.branches().size(); l++) {
            if (grid.branches().get(l).rateKw() > 0) {
                limited.add(l);
            }
        }
        int nb = grid.buses().size();
        int[] lines = limited.stream().mapToInt(Integer::intValue).toArray();
        int[][] f = new int[lines.length][nb];
        for (int k = 0; k < lines.length; k++) {
            for (int b = 0; b < nb; b++) {
                long ppm = Math.round(p.factor(lines[k], p.busIndex(grid.buses().get(b).bus())) * ONE);
                if (ppm > Integer.MAX_VALUE || ppm < Integer.MIN_VALUE) {
                    throw new IllegalArgumentException("line " + grid.branches().get(lines[k]).lineId()
                            + ": distribution factor out of range");
                }
                f[k][b] = (int) ppm;
            }
        }
        return new GridModel(grid, lines, f);
    }

    public GridArgs grid() {
        return grid;
    }

    /** Factor in ppm of the k-th limited line for the grid's b-th bus. */
    int factor(int k, int b) {
        return ptdf[k][b];
    }

    public byte[] encodeFactors() {
        int nb = grid.buses().size();
        CanonicalWriter w = new CanonicalWriter(16 + lines.length * (4 + 4 * nb)).tag(TAG).i32(nb).i32(lines.length);
        for (int k = 0; k < lines.length; k++) {
            w.i32(lines[k]);
            for (int b = 0; b < nb; b++) {
                w.i32(ptdf[k][b]);
            }
        }
        return w.toByteArray();
    }

    /** The model of {@code grid} with factors stored by {@link #encodeFactors()}. */
    public static GridModel decode(GridArgs grid, byte[] factors) {
        CanonicalReader r = new CanonicalReader(factors).expectTag(TAG);
        int nb = r.i32("buses");
        if (nb != grid.buses().size()) {
            throw new IllegalArgumentException("factors for " + nb + " buses, the grid has " + grid.buses().size());
        }
        int n = Wire.count(r, "lines", grid.branches().size());
        int[] lines = new int[n];
        int[][] f = new int[n][nb];
        for (int k = 0; k < n; k++) {
            lines[k] = r.i32("line");
            for (int b = 0; b < nb; b++) {
                f[k][b] = r.i32("ppm");
            }
        }
        r.end();
        return new GridModel(grid, lines, f);
    }

    /**
     * The first line a plan overloads, or null if none.
     *
     * @param profileKw the demand per interval
     * @param plan      the proposal (rows of kW per interval)
     * @throws IllegalArgumentException naming a source with output that has no bus in the grid
     * @throws ArithmeticException      when a sum overflows 64 bits (no real plan does)
     */
    public Overload check(List<Long> profileKw, ProposeArgs plan) {
        int nb = grid.buses().size();
        Map<Integer, Integer> index = new HashMap<>();
        for (int b = 0; b < nb; b++) {
            index.put(grid.buses().get(b).bus(), b);
        }
        Map<String, Integer> busOf = new HashMap<>();
        grid.sources().forEach(s -> busOf.put(s.sourceId(), index.get(s.bus())));
        int rows = plan.plan().size();
        int[] rowBus = new int[rows];
        for (int i = 0; i < rows; i++) {
            PlanRow row = plan.plan().get(i);
            Integer b = busOf.get(row.sourceId());
            if (b == null) {
                if (row.kw().stream().anyMatch(v -> v != 0)) {
                    throw new IllegalArgumentException("source " + row.sourceId() + " runs but has no bus in grid "
                            + grid.gridId());
                }
                rowBus[i] = -1;
            } else {
                rowBus[i] = b;
            }
        }
        long[] share = new long[nb];
        for (int b = 0; b < nb; b++) {
            share[b] = grid.buses().get(b).loadSharePpm();
        }
        long[] inj = new long[nb];
        for (int t = 0; t < profileKw.size(); t++) {
            long demand = profileKw.get(t);
            for (int b = 0; b < nb; b++) {
                inj[b] = -Math.floorDiv(Math.multiplyExact(demand, share[b]), ONE);
            }
            for (int i = 0; i < rows; i++) {
                if (rowBus[i] >= 0) {
                    inj[rowBus[i]] = Math.addExact(inj[rowBus[i]], plan.plan().get(i).kw().get(t));
                }
            }
            for (int k = 0; k < lines.length; k++) {
                int[] f = ptdf[k];
                long flow = 0;
                for (int b = 0; b < nb; b++) {
                    if (f[b] != 0 && inj[b] != 0) {
                        flow = Math.addExact(flow, Math.multiplyExact(f[b], inj[b]));
                    }
                }
                GridArgs.Branch line = grid.branches().get(lines[k]);
                long limit = Math.multiplyExact(line.rateKw(), ONE + grid.tolerancePpm());
                if (Math.abs(flow) > limit) {
                    return new Overload(line.lineId(), t, Math.round(flow / (double) ONE), line.rateKw());
                }
            }
        }
        return null;
    }
}
