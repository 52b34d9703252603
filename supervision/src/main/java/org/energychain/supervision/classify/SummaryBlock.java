package org.energychain.supervision.classify;

import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The paper's summary block: {@code Hash(D1)} and its descriptive information, as the value a group
 * publishes on the trading chain (a later issue). It reveals nothing of the data but what DI says.
 *
 * <p>Encoding: tag {@code EC/summary/v1}, string hash, fixed(digest length) Hash(D1), string dataset
 * id, then the DI encoding.
 */
public record SummaryBlock(String hash, byte[] datasetHash, String datasetId, DescriptiveInfo info) {
    public static final String TAG = "EC/summary/v1";

    public SummaryBlock {
        datasetHash = datasetHash.clone();
    }

    @Override
    public byte[] datasetHash() {
        return datasetHash.clone();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256).tag(TAG).string(hash).fixed(datasetHash).string(datasetId);
        return info.encodeInto(w).toByteArray();
    }

    public static SummaryBlock of(Dataset d, HashFunction h) {
        return new SummaryBlock(h.name(), d.digest(h), d.id(), d.info());
    }

    @Override
    public String toString() {
        return "SummaryBlock[" + datasetId + " " + Hex.encode(datasetHash) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SummaryBlock s && java.util.Arrays.equals(encode(), s.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(datasetHash);
    }
}
