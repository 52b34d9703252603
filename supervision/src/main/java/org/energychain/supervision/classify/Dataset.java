package org.energychain.supervision.classify;

import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A derived dataset of one plant, rule and measurement over a period, with its class and descriptive
 * information. Its hash is the {@link org.energychain.crypto.merkle.ContentRoot} of {@code encode()} — the
 * paper's {@code Hash(D1)} for a D1 dataset — so a buyer can check delivered data against the summary
 * without trusting the seller, and prove a single wrong chunk on the trading chain.
 *
 * <p>Encoding: tag {@code EC/dataset/v1}, string hash, string class, string rule, the DI encoding
 * ({@link DescriptiveInfo}), i32 point count, then per point: instant time, decimal value.
 */
public record Dataset(String hash, DataClass dataClass, String rule, DescriptiveInfo info, List<Point> points) {
    public static final String TAG = "EC/dataset/v1";

    public Dataset {
        points = List.copyOf(points);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(64 + points.size() * 16);
        w.tag(TAG).string(hash).string(dataClass.name()).string(rule);
        info.encodeInto(w);
        w.i32(points.size());
        for (Point p : points) {
            w.instant(p.time()).decimal(p.value());
        }
        return w.toByteArray();
    }

    public byte[] digest(HashFunction h) {
        if (!h.name().equals(hash)) {
            throw new IllegalArgumentException("dataset names hash " + hash + ", asked for " + h.name());
        }
        return org.energychain.crypto.merkle.ContentRoot.root(h, encode());
    }

    /** A stable id: class, rule, plant, measurement and period, e.g. {@code D1/hourly-power/G1-W001/active_power/2026-01-01/2026-02-01}. */
    public String id() {
        return dataClass + "/" + rule + "/" + info.unitId() + "/" + info.measurement() + "/" + info.from() + "/" + info.to();
    }

    @Override
    public String toString() {
        return "Dataset[" + id() + ", " + points.size() + " points]";
    }
}
