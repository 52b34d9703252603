package org.energychain.supervision.proof;

import java.util.List;
import org.energychain.crypto.merkle.InclusionProof;

/**
 * One RFC 9162 inclusion proof in a chain: {@code leaf} (canonical bytes) is at {@code leafIndex} of the
 * tree named {@code tree} ({@link TreeLevel}) whose root is {@code root}. A group level read from a
 * {@link ProofDocument} has the smallest index and size its path's sides fit
 * ({@link org.energychain.crypto.merkle.InclusionProof#fromSides}), since {@code Hash_G} binds neither.
 */
public record ProofLevel(TreeLevel tree, byte[] leaf, byte[] leafHash, long leafIndex, long treeSize,
        List<byte[]> path, byte[] root) {
    public ProofLevel {
        leaf = leaf.clone();
        leafHash = leafHash.clone();
        root = root.clone();
        path = path.stream().map(byte[]::clone).toList();
    }

    public static ProofLevel of(TreeLevel tree, byte[] leaf, byte[] leafHash, InclusionProof p, byte[] root) {
        return new ProofLevel(tree, leaf, leafHash, p.leafIndex(), p.treeSize(), p.path(), root);
    }

    @Override
    public byte[] leaf() {
        return leaf.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }
}
