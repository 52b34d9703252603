package org.energychain.supervision.route;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.classify.Dataset;

/**
 * What a group delivers to its regulator for a period: the D2 datasets together with {@code Hash_G}, and
 * {@code Hash(D2)} binding them, which the group files on the regulatory chain (a later issue).
 */
public record RegulatoryPackage(String hash, String groupId, LocalDate start, LocalDate end, byte[] groupRoot,
        List<Dataset> datasets) {
    public static final String TAG = "EC/d2/v1";

    public RegulatoryPackage {
        groupRoot = groupRoot.clone();
        for (Dataset d : datasets) {
            if (d.dataClass() != DataClass.D2) {
                throw new IllegalArgumentException("dataset " + d.id() + " is " + d.dataClass() + ", not D2");
            }
        }
        datasets = datasets.stream().sorted(Comparator.comparing(Dataset::id)).toList();
    }

    @Override
    public byte[] groupRoot() {
        return groupRoot.clone();
    }

    /** {@code Hash(D2)}: see docs/encoding.md. */
    public byte[] digest(HashFunction h) {
        CanonicalWriter w = new CanonicalWriter(256 + datasets.size() * 32).tag(TAG).string(hash).string(groupId)
                .date(start).date(end).fixed(groupRoot).i32(datasets.size());
        for (Dataset d : datasets) {
            w.fixed(d.digest(h));
        }
        return h.hash(w.toByteArray());
    }
}
