package org.energychain.crypto.merkle;

import java.util.List;

/**
 * An RFC 9162 consistency proof: the node hashes showing that the tree of {@code firstSize} leaves is a
 * prefix of the tree of {@code secondSize} leaves, i.e. that the log only grew. Empty when
 * {@code firstSize} is 0 or equals {@code secondSize}.
 */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {
    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
