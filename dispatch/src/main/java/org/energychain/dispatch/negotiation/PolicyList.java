package org.energychain.dispatch.negotiation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The answer of the {@code policies} query: every published policy in source id order. Encoding: tag
 * {@code EC/nego/policies/v1}, i32 n then n x (string sourceId, {@link SourcePolicy} fields), the ids
 * strictly increasing, so that a list has one encoding.
 */
public record PolicyList(Map<String, SourcePolicy> policies) {
    public static final String TAG = "EC/nego/policies/v1";

    public PolicyList {
        policies.keySet().forEach(id -> Wire.id(id, "source id"));
        policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(new java.util.TreeMap<>(policies)));
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG).i32(policies.size());
        policies.forEach((id, p) -> {
            w.string(id);
            p.write(w);
        });
        return w.toByteArray();
    }

    public static PolicyList decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        int n = Wire.count(r, "policies", Wire.MAX_SOURCES);
        Map<String, SourcePolicy> out = new LinkedHashMap<>();
        String previous = null;
        for (int i = 0; i < n; i++) {
            String id = r.string("source id");
            if (previous != null && id.compareTo(previous) <= 0) {
                throw new IllegalArgumentException("policies: source ids must be in strictly increasing order, found "
                        + previous + " then " + id);
            }
            previous = id;
            out.put(id, SourcePolicy.read(r));
        }
        r.end();
        return new PolicyList(out);
    }
}
