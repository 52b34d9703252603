package org.energychain.dispatch.weight;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Voting weights in parts per million, by source id; they sum to exactly 1,000,000. */
public record Weights(Map<String, Long> ppm) {
    public static final long ONE = 1_000_000;

    public Weights {
        ppm = Collections.unmodifiableMap(new LinkedHashMap<>(ppm));
        long sum = ppm.values().stream().mapToLong(Long::longValue).sum();
        if (sum != ONE) {
            throw new IllegalArgumentException("weights must sum to " + ONE + " ppm, got " + sum);
        }
    }

    public long of(String sourceId) {
        Long v = ppm.get(sourceId);
        if (v == null) {
            throw new IllegalArgumentException("no weight for source " + sourceId);
        }
        return v;
    }
}
