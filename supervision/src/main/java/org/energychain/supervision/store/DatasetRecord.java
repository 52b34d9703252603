package org.energychain.supervision.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.energychain.supervision.classify.DataClass;

/**
 * A classified dataset derived from a period: its id (unique in the store), class, the plant it is
 * about (null for group-wide data), the classification rule that produced it, Hash(D) as listed or
 * anchored, its descriptive information (canonical bytes, e.g. UTF-8 JSON) and its payload (canonical
 * bytes). Stored byte for byte so that Hash(D) can be recomputed from the store.
 */
public record DatasetRecord(String id, DataClass cls, String plantId, String rule, byte[] hash,
                            byte[] descriptiveInfo, byte[] payload) {
    public DatasetRecord {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("dataset id must not be blank");
        }
        Objects.requireNonNull(cls, "cls");
        Objects.requireNonNull(rule, "rule");
        hash = Bytes.copyNonEmpty(hash, "dataset hash");
        descriptiveInfo = Bytes.copy(descriptiveInfo, "descriptiveInfo");
        payload = Bytes.copy(payload, "payload");
    }

    /** A dataset whose descriptive information is a JSON document, stored as its UTF-8 bytes. */
    public static DatasetRecord withJsonInfo(String id, DataClass cls, String plantId, String rule, byte[] hash,
                                             String descriptiveInfoJson, byte[] payload) {
        return new DatasetRecord(id, cls, plantId, rule, hash,
                descriptiveInfoJson.getBytes(StandardCharsets.UTF_8), payload);
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] descriptiveInfo() {
        return descriptiveInfo.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The descriptive information decoded as UTF-8 (it is JSON when written by {@link #withJsonInfo}). */
    public String descriptiveInfoText() {
        return new String(descriptiveInfo, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetRecord d && id.equals(d.id) && cls == d.cls && Objects.equals(plantId, d.plantId)
                && rule.equals(d.rule) && Arrays.equals(hash, d.hash)
                && Arrays.equals(descriptiveInfo, d.descriptiveInfo) && Arrays.equals(payload, d.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, cls, plantId, rule, Arrays.hashCode(hash), Arrays.hashCode(descriptiveInfo),
                Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "DatasetRecord[" + id + " " + cls + " plant=" + plantId + " rule=" + rule + " hash="
                + Bytes.shortHex(hash) + " info=" + descriptiveInfo.length + "B payload=" + payload.length + "B]";
    }
}
