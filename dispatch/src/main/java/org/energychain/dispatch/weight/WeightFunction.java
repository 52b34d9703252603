package org.energychain.dispatch.weight;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paper's voting weight {@code V_k = f(W, R, S, M)}, computed exactly so every node gets the same
 * integers:
 *
 * <ol>
 *   <li>each factor becomes a share over the sources: {@code w_k = W_k / ΣW}, {@code r_k = R_k / ΣR},
 *       {@code s_k = S_k / ΣS}, and for price, where lower is better, {@code m_k = (1/M_k) / Σ(1/M)};
 *       a factor that is zero for every source gives equal shares;</li>
 *   <li>{@code V_k = a·w_k + b·r_k + c·s_k + d·m_k} with the chain's coefficients (summing to 1), as
 *       exact fractions;</li>
 *   <li>converted to parts per million by the largest-remainder method (floors first, then one unit
 *       each to the largest remainders; ties go to the smaller source id), so they sum to exactly
 *       1,000,000;</li>
 *   <li>capped: any weight above the cap (at most 50%) is cut to it and the excess is shared among the
 *       uncapped sources in proportion to their weights (equally if those are all zero), by the same
 *       largest-remainder rule, repeated until none exceeds the cap.</li>
 * </ol>
 * With n sources and cap c the caps are satisfiable only if n·c ≥ 1; fewer sources are refused (the
 * collaboration needs n > 2 anyway).
 */
public final class WeightFunction {
    private final WeightCoefficients coefficients;

    public WeightFunction(WeightCoefficients coefficients) {
        this.coefficients = coefficients;
    }

    public Weights weigh(List<SourceFactors> sources) {
        int n = sources.size();
        Set<String> ids = new HashSet<>();
        for (SourceFactors s : sources) {
            if (!ids.add(s.sourceId())) {
                throw new IllegalArgumentException("source " + s.sourceId() + " appears twice");
            }
        }
        if ((long) n * coefficients.capPpm() < Weights.ONE) {
            throw new IllegalArgumentException(n + " sources cannot share the vote with a cap of "
                    + coefficients.capPpm() + " ppm each (need n x cap >= 1,000,000)");
        }
        List<SourceFactors> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(SourceFactors::sourceId));
        List<Fraction> w = shares(sorted.stream().map(s -> Fraction.of(s.tradedKwh(), 1)).toList());
        List<Fraction> r = shares(sorted.stream().map(s -> Fraction.of(s.cleannessPpm(), 1)).toList());
        List<Fraction> so = shares(sorted.stream().map(s -> Fraction.of(s.socialPpm(), 1)).toList());
        List<Fraction> m = shares(sorted.stream().map(s -> Fraction.of(1, s.priceMilli())).toList());
        Fraction a = Fraction.of(coefficients.tradedPpm(), Weights.ONE);
        Fraction b = Fraction.of(coefficients.cleannessPpm(), Weights.ONE);
        Fraction c = Fraction.of(coefficients.socialPpm(), Weights.ONE);
        Fraction d = Fraction.of(coefficients.pricePpm(), Weights.ONE);
        List<Fraction> scores = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            scores.add(a.multiply(w.get(k)).add(b.multiply(r.get(k))).add(c.multiply(so.get(k))).add(d.multiply(m.get(k))));
        }
        long[] ppm = largestRemainder(scores, Weights.ONE);
        cap(ppm, coefficients.capPpm());
        Map<String, Long> out = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            out.put(sorted.get(k).sourceId(), ppm[k]);
        }
        return new Weights(out);
    }

    /** Each value's share of the total; equal shares when the total is zero. */
    static List<Fraction> shares(List<Fraction> values) {
        Fraction total = Fraction.ZERO;
        for (Fraction v : values) {
            total = total.add(v);
        }
        List<Fraction> out = new ArrayList<>(values.size());
        for (Fraction v : values) {
            out.add(total.isZero() ? Fraction.of(1, values.size()) : v.divide(total));
        }
        return out;
    }

    /**
     * Splits {@code units} in proportion to {@code parts} (not all zero): floors, then one unit to each
     * of the largest remainders, ties to the lower index (sources are in id order).
     */
    static long[] largestRemainder(List<Fraction> parts, long units) {
        Fraction total = Fraction.ZERO;
        for (Fraction p : parts) {
            total = total.add(p);
        }
        int n = parts.size();
        long[] out = new long[n];
        Fraction[] rem = new Fraction[n];
        long given = 0;
        for (int k = 0; k < n; k++) {
            Fraction exact = parts.get(k).multiply(Fraction.of(units, 1)).divide(total);
            BigInteger[] qr = exact.num().divideAndRemainder(exact.den());
            out[k] = qr[0].longValueExact();
            rem[k] = new Fraction(qr[1], exact.den());
            given += out[k];
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        order.sort((x, y) -> {
            int c = rem[y].compareTo(rem[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        for (int i = 0; given < units; i++, given++) {
            out[order.get(i % n)]++;
        }
        return out;
    }

    static void cap(long[] ppm, long cap) {
        while (true) {
            long excess = 0;
            List<Integer> open = new ArrayList<>();
            for (int k = 0; k < ppm.length; k++) {
                if (ppm[k] > cap) {
                    excess += ppm[k] - cap;
                    ppm[k] = cap;
                } else if (ppm[k] < cap) {
                    open.add(k);
                }
            }
            if (excess == 0) {
                return;
            }
            boolean allZero = open.stream().allMatch(k -> ppm[k] == 0);
            List<Fraction> parts = new ArrayList<>();
            for (int k : open) {
                parts.add(allZero ? Fraction.of(1, 1) : Fraction.of(ppm[k], 1));
            }
            long[] extra = largestRemainder(parts, excess);
            for (int i = 0; i < open.size(); i++) {
                ppm[open.get(i)] += extra[i];
            }
        }
    }
}
