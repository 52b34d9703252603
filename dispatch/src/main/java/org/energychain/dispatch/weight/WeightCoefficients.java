package org.energychain.dispatch.weight;

/**
 * How much each factor counts in {@code V_k = a*w_k + b*r_k + c*s_k + d*m_k} (ppm, summing to 1e6),
 * and the cap on any single weight (ppm, at most 500,000: no source may hold a majority alone).
 * Chain configuration, set by governance.
 */
public record WeightCoefficients(long tradedPpm, long cleannessPpm, long socialPpm, long pricePpm, long capPpm) {
    public static final WeightCoefficients DEFAULT = new WeightCoefficients(300_000, 300_000, 200_000, 200_000, 500_000);

    public WeightCoefficients {
        if (tradedPpm < 0 || cleannessPpm < 0 || socialPpm < 0 || pricePpm < 0
                || tradedPpm + cleannessPpm + socialPpm + pricePpm != 1_000_000) {
            throw new IllegalArgumentException("weight coefficients must be non-negative and sum to 1,000,000 ppm, got "
                    + tradedPpm + " + " + cleannessPpm + " + " + socialPpm + " + " + pricePpm);
        }
        if (capPpm <= 0 || capPpm > 500_000) {
            throw new IllegalArgumentException("weight cap must be in (0, 500,000] ppm, got " + capPpm);
        }
    }
}
