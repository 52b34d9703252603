package org.energychain.crypto.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9162 inclusion proof: the audit path of the leaf at {@code leafIndex} (0-based) in a tree of
 * {@code treeSize} leaves, siblings listed from the leaf upwards.
 *
 * <p>A root alone commits to the leaf and to the {@link Side} of each path hash, not to the index or the
 * size: every (index, size) whose audit path has the same sides verifies against the same root (RFC 9162
 * trusts the size from a signed tree head). {@link #sides()} and {@link #fromSides} convert between the
 * two forms, for proofs whose verifier has no trusted size.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {
    /** The longest path {@link #fromSides} accepts: a tree of at most 2^62 leaves. */
    public static final int MAX_SIDES = 62;

    /** Where a path hash lies relative to the running hash: LEFT is H(0x01 || path hash || running). */
    public enum Side {
        LEFT, RIGHT
    }

    public InclusionProof {
        path = List.copyOf(path);
    }

    /**
     * The side of each path hash, as RFC 9162 section 2.1.3.2 combines them for this index and size.
     *
     * @throws IllegalArgumentException if the index is outside the tree or the path's length does not fit
     *     the tree's shape
     */
    public List<Side> sides() {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside a tree of " + treeSize + " leaves");
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        List<Side> sides = new ArrayList<>(path.size());
        for (int k = 0; k < path.size(); k++) {
            if (sn == 0) {
                throw new IllegalArgumentException("a path of " + path.size() + " hashes is longer than the tree of "
                        + treeSize + " leaves is tall at leaf " + leafIndex);
            }
            if ((fn & 1) == 1 || fn == sn) {
                sides.add(Side.LEFT);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sides.add(Side.RIGHT);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new IllegalArgumentException("a path of " + path.size() + " hashes is too short for leaf "
                    + leafIndex + " of a tree of " + treeSize + " leaves");
        }
        return List.copyOf(sides);
    }

    /**
     * The proof with the smallest index and size whose audit path has these sides; it verifies against
     * exactly the roots that every proof with these sides and path verifies against.
     *
     * @throws IllegalArgumentException if sides and path differ in length or are longer than {@link #MAX_SIDES}
     */
    public static InclusionProof fromSides(List<Side> sides, List<byte[]> path) {
        if (sides.size() != path.size()) {
            throw new IllegalArgumentException(sides.size() + " sides for a path of " + path.size() + " hashes");
        }
        if (sides.size() > MAX_SIDES) {
            throw new IllegalArgumentException("a path of " + sides.size() + " hashes is longer than " + MAX_SIDES);
        }
        long index = 0;
        int lastRight = -1;
        for (int k = 0; k < sides.size(); k++) {
            if (sides.get(k) == Side.LEFT) {
                index |= 1L << k;
            } else {
                lastRight = k;
            }
        }
        // a right sibling at level k exists iff its first leaf, ((index >> k) | 1) << k, is inside the tree
        long size = lastRight < 0 ? index + 1 : (((index >>> lastRight) | 1) << lastRight) + 1;
        return new InclusionProof(index, size, path);
    }
}
