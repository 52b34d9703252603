package org.energychain.dispatch.negotiation;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.dispatch.weight.Technology;

/**
 * A source's acceptance policy as it publishes it on the dispatch chain ({@code publish-policy}): its
 * technology (cleanness R of its weight), output limits, ramp, selling price (M of its weight) and the
 * lowest clearing price at which it accepts to run. Plans are checked against the limits by the contract;
 * the minimum price is what the source's own vote judges ({@link AcceptancePolicy}).
 *
 * <p>Encoding: tag {@code EC/nego/policy/v1}, string technology code, i64 minKw, i64 maxKw, i64 rampKw
 * (0 = no ramp limit), i64 priceMilli (per MWh, &gt; 0), i64 minPriceMilli (per MWh, &ge; 0).
 */
public record SourcePolicy(Technology technology, long minKw, long maxKw, long rampKw, long priceMilli,
        long minPriceMilli) {
    public static final String TAG = "EC/nego/policy/v1";

    public SourcePolicy {
        Objects.requireNonNull(technology, "technology");
        if (minKw < 0 || maxKw < minKw || maxKw <= 0) {
            throw new IllegalArgumentException("policy: need 0 <= min-kw <= max-kw and max-kw > 0, got " + minKw + ".."
                    + maxKw);
        }
        if (rampKw < 0) {
            throw new IllegalArgumentException("policy: ramp-kw must be >= 0 (0 = no limit), got " + rampKw);
        }
        if (priceMilli <= 0) {
            throw new IllegalArgumentException("policy: price must be > 0 milli per MWh, got " + priceMilli);
        }
        if (minPriceMilli < 0) {
            throw new IllegalArgumentException("policy: minimum price must be >= 0, got " + minPriceMilli);
        }
    }

    /** Whether the output may change by {@code delta} kW from one interval to the next. */
    public boolean rampAllows(long delta) {
        return rampKw == 0 || Math.abs(delta) <= rampKw;
    }

    /** Whether {@code kw} is a permitted output: off (0) or within [min, max]. */
    public boolean outputAllowed(long kw) {
        return kw == 0 || (kw >= minKw && kw <= maxKw);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG);
        write(w);
        return w.toByteArray();
    }

    void write(CanonicalWriter w) {
        w.string(technology.code()).i64(minKw).i64(maxKw).i64(rampKw).i64(priceMilli).i64(minPriceMilli);
    }

    public static SourcePolicy decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        SourcePolicy p = read(r);
        r.end();
        return p;
    }

    static SourcePolicy read(CanonicalReader r) {
        String code = r.string("technology");
        Technology technology = Technology.byCode(code);
        if (!technology.code().equals(code)) {
            // byCode forgives case and spaces for people typing it; an encoding has one spelling
            throw new IllegalArgumentException("technology '" + code + "' must be spelt '" + technology.code() + "'");
        }
        return new SourcePolicy(technology, r.i64("min kw"), r.i64("max kw"), r.i64("ramp kw"), r.i64("price"),
                r.i64("min price"));
    }
}
