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
        long[] ppm = scores(sorted);
        cap(ppm, coefficients.capPpm());
        Map<String, Long> out = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            out.put(sorted.get(k).sourceId(), ppm[k]);
        }
        return new Weights(out);
    }

    /**
     * The exact weights in ppm before the cap, by the largest-remainder method. All four shares are put over
     * one common denominator {@code D = 1e6·ΣW·ΣR·ΣS·ΣU} with {@code U_k = P / M_k} and {@code P = Π M}
     * (so {@code U_k / ΣU = (1/M_k) / Σ(1/M)} exactly); a factor that is zero for every source counts 1 for
     * each. Score numerators {@code N_k} then sum to D, and {@code ppm_k = floor(N_k·1e6 / D)} with the
     * remainders compared as integers: the same result as exact fractions, in O(n) big-integer operations.
     */
    long[] scores(List<SourceFactors> sorted) {
        int n = sorted.size();
        BigInteger[] w = new BigInteger[n];
        BigInteger[] r = new BigInteger[n];
        BigInteger[] so = new BigInteger[n];
        BigInteger[] u = new BigInteger[n];
        BigInteger p = BigInteger.ONE;
        for (SourceFactors f : sorted) {
            p = p.multiply(BigInteger.valueOf(f.priceMilli()));
        }
        for (int k = 0; k < n; k++) {
            SourceFactors f = sorted.get(k);
            w[k] = BigInteger.valueOf(f.tradedKwh());
            r[k] = BigInteger.valueOf(f.cleannessPpm());
            so[k] = BigInteger.valueOf(f.socialPpm());
            u[k] = p.divide(BigInteger.valueOf(f.priceMilli()));
        }
        BigInteger sw = sumOrOnes(w);
        BigInteger sr = sumOrOnes(r);
        BigInteger ss = sumOrOnes(so);
        BigInteger su = sumOrOnes(u);
        BigInteger a = BigInteger.valueOf(coefficients.tradedPpm()).multiply(sr).multiply(ss).multiply(su);
        BigInteger b = BigInteger.valueOf(coefficients.cleannessPpm()).multiply(sw).multiply(ss).multiply(su);
        BigInteger c = BigInteger.valueOf(coefficients.socialPpm()).multiply(sw).multiply(sr).multiply(su);
        BigInteger d = BigInteger.valueOf(coefficients.pricePpm()).multiply(sw).multiply(sr).multiply(ss);
        BigInteger den = BigInteger.valueOf(Weights.ONE).multiply(sw).multiply(sr).multiply(ss).multiply(su);
        BigInteger million = BigInteger.valueOf(Weights.ONE);
        long[] out = new long[n];
        BigInteger[] rem = new BigInteger[n];
        long given = 0;
        for (int k = 0; k < n; k++) {
            BigInteger num = a.multiply(w[k]).add(b.multiply(r[k])).add(c.multiply(so[k])).add(d.multiply(u[k]));
            BigInteger[] qr = num.multiply(million).divideAndRemainder(den);
            out[k] = qr[0].longValueExact();
            rem[k] = qr[1];
            given += out[k];
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int cmp = rem[y].compareTo(rem[x]);
            return cmp != 0 ? cmp : Integer.compare(x, y);
        });
        for (int i = 0; given < Weights.ONE; i++, given++) {
            out[order[i % n]]++;
        }
        return out;
    }

    /** The sum; if it is zero, every value becomes 1 (equal shares) and the sum is n. */
    private static BigInteger sumOrOnes(BigInteger[] v) {
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger x : v) {
            sum = sum.add(x);
        }
        if (sum.signum() == 0) {
            java.util.Arrays.fill(v, BigInteger.ONE);
            return BigInteger.valueOf(v.length);
        }
        return sum;
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
