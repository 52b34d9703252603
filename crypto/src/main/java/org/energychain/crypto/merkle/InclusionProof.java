package org.energychain.crypto.merkle;

import java.util.List;

/**
 * An RFC 9162 inclusion proof: the audit path of the leaf at {@code leafIndex} (0-based) in a tree of
 * {@code treeSize} leaves, siblings listed from the leaf upwards.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {
    public InclusionProof {
        path = List.copyOf(path);
    }
}
