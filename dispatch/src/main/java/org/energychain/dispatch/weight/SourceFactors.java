package org.energychain.dispatch.weight;

import java.util.Objects;

/**
 * The paper's inputs to a source's voting weight, as integers so every node computes the same weight:
 * W energy traded in the last period (kWh), R cleanness (ppm, {@link Cleanness}), S social-importance
 * coefficient set by governance (ppm), M selling price (milli-currency per MWh; lower is better).
 */
public record SourceFactors(String sourceId, long tradedKwh, long cleannessPpm, long socialPpm, long priceMilli) {
    public SourceFactors {
        Objects.requireNonNull(sourceId, "sourceId");
        if (tradedKwh < 0 || cleannessPpm < 0 || cleannessPpm > 1_000_000 || socialPpm < 0 || socialPpm > 1_000_000) {
            throw new IllegalArgumentException("source " + sourceId + ": W must be >= 0 and R, S within [0, 1e6] ppm");
        }
        if (priceMilli <= 0) {
            throw new IllegalArgumentException("source " + sourceId + ": price M must be positive, got " + priceMilli);
        }
    }
}
