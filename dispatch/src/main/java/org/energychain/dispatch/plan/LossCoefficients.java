package org.energychain.dispatch.plan;

import java.util.Arrays;

/**
 * Transmission losses of a system without a network model, by Kron's loss formula (the textbook
 * "B coefficients"): {@code P_L = Σ_i Σ_j P_i·B_ij·P_j + Σ_i B0_i·P_i + B00} MW, indices in the order of the
 * units given to the dispatch. Remote units then pay for the losses their output causes (penalty factors),
 * which is why the planner offers it.
 *
 * @param b   symmetric positive semi-definite matrix, 1/MW
 * @param b0  linear terms, dimensionless
 * @param b00 constant, MW
 */
public record LossCoefficients(double[][] b, double[] b0, double b00) {
    public LossCoefficients {
        int n = b.length;
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (b[i].length != n) {
                throw new IllegalArgumentException("loss matrix B must be square, row " + i + " has " + b[i].length
                        + " entries for " + n + " rows");
            }
            copy[i] = b[i].clone();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (copy[i][j] != copy[j][i]) {
                    throw new IllegalArgumentException("loss matrix B must be symmetric: B[" + i + "][" + j + "] != B["
                            + j + "][" + i + "]");
                }
            }
        }
        if (b0.length != n) {
            throw new IllegalArgumentException("B0 has " + b0.length + " entries for " + n + " units");
        }
        b = copy;
        b0 = b0.clone();
    }

    /** Only the diagonal: {@code P_L = Σ B_ii·P_i²} (Wood & Wollenberg's simplified loss formula). */
    public static LossCoefficients diagonal(double... bii) {
        double[][] b = new double[bii.length][bii.length];
        for (int i = 0; i < bii.length; i++) {
            b[i][i] = bii[i];
        }
        return new LossCoefficients(b, new double[bii.length], 0);
    }

    public int size() {
        return b.length;
    }

    /** Losses in MW at outputs {@code p}. */
    public double losses(double[] p) {
        double l = b00;
        for (int i = 0; i < p.length; i++) {
            l += b0[i] * p[i];
            for (int j = 0; j < p.length; j++) {
                l += p[i] * b[i][j] * p[j];
            }
        }
        return l;
    }

    /** Incremental losses {@code ∂P_L/∂P_i} at outputs {@code p}. */
    public double incremental(double[] p, int i) {
        double d = b0[i];
        for (int j = 0; j < p.length; j++) {
            d += 2 * b[i][j] * p[j];
        }
        return d;
    }

    @Override
    public double[][] b() {
        double[][] copy = new double[b.length][];
        for (int i = 0; i < b.length; i++) {
            copy[i] = b[i].clone();
        }
        return copy;
    }

    @Override
    public double[] b0() {
        return b0.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossCoefficients other && Arrays.deepEquals(b, other.b) && Arrays.equals(b0, other.b0)
                && Double.compare(b00, other.b00) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(b) * 31 + Arrays.hashCode(b0);
    }

    @Override
    public String toString() {
        return "LossCoefficients[b=" + Arrays.deepToString(b) + ", b0=" + Arrays.toString(b0) + ", b00=" + b00 + "]";
    }
}
