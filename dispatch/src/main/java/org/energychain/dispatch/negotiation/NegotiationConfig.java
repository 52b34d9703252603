package org.energychain.dispatch.negotiation;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.dispatch.weight.WeightCoefficients;

/**
 * The dispatch chain's negotiation configuration, set by the GRID role with {@code configure}: the
 * weight coefficients and cap ({@link WeightCoefficients}), the look-back period T for W, the default
 * round duration, the balance tolerance of plans and the social coefficient of a source governance has
 * not rated. Encoding: tag {@code EC/nego/config/v1}, i64 a (W), i64 b (R), i64 c (S), i64 d (M), i64 cap
 * (ppm), i64 lookbackMillis, i64 roundMillis, i64 tolerancePpm, i64 defaultSocialPpm.
 */
public record NegotiationConfig(WeightCoefficients coefficients, long lookbackMillis, long roundMillis,
        long tolerancePpm, long defaultSocialPpm) {
    public static final String TAG = "EC/nego/config/v1";
    /** 0.3 / 0.3 / 0.2 / 0.2, cap 50 %, T = 1 day, rounds of 15 minutes, 0.1 % tolerance, S = 500,000. */
    public static final NegotiationConfig DEFAULT = new NegotiationConfig(WeightCoefficients.DEFAULT, 86_400_000L,
            900_000L, 1_000, 500_000);
    static final long MAX_ROUND_MILLIS = 7L * 86_400_000L;

    public NegotiationConfig {
        if (lookbackMillis <= 0 || lookbackMillis > 366L * 86_400_000L) {
            throw new IllegalArgumentException("look-back must be 1 ms .. 366 days, got " + lookbackMillis + " ms");
        }
        if (roundMillis <= 0 || roundMillis > MAX_ROUND_MILLIS) {
            throw new IllegalArgumentException("round duration must be 1 ms .. 7 days, got " + roundMillis + " ms");
        }
        if (tolerancePpm < 0 || tolerancePpm > 100_000) {
            throw new IllegalArgumentException("balance tolerance must be 0..100,000 ppm, got " + tolerancePpm);
        }
        if (defaultSocialPpm < 0 || defaultSocialPpm > 1_000_000) {
            throw new IllegalArgumentException("default social coefficient must be 0..1,000,000 ppm, got "
                    + defaultSocialPpm);
        }
    }

    public byte[] encode() {
        WeightCoefficients c = coefficients;
        return CanonicalWriter.tagged(TAG).i64(c.tradedPpm()).i64(c.cleannessPpm()).i64(c.socialPpm()).i64(c.pricePpm())
                .i64(c.capPpm()).i64(lookbackMillis).i64(roundMillis).i64(tolerancePpm).i64(defaultSocialPpm)
                .toByteArray();
    }

    public static NegotiationConfig decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        NegotiationConfig c = new NegotiationConfig(new WeightCoefficients(r.i64("a"), r.i64("b"), r.i64("c"),
                r.i64("d"), r.i64("cap")), r.i64("lookback"), r.i64("round"), r.i64("tolerance"), r.i64("default social"));
        r.end();
        return c;
    }
}
