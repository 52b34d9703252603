package org.energychain.crypto.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.energychain.crypto.Digester;
import org.energychain.crypto.HashFunction;

/**
 * An RFC 9162 (Certificate Transparency v2) Merkle tree: leaf hash {@code H(0x00 || leaf)}, node hash
 * {@code H(0x01 || left || right)}, the left subtree holding the largest power of two below n leaves.
 *
 * <p>Built bottom-up level by level: pairing neighbours and carrying a lone last node up unchanged
 * gives exactly the RFC's recursive split (an odd node is never duplicated, which is what made
 * Bitcoin's trees malleable, CVE-2012-2459). Each level lives in one flat array, so building costs one
 * hash call per node and no allocation per node.
 */
public final class MerkleTree {
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private final HashFunction hash;
    private final int size;
    private final int width;
    /** levels[0] holds the leaf hashes; the last level holds the root. */
    private final byte[][] levels;

    private MerkleTree(HashFunction hash, int size, byte[][] levels) {
        this.hash = hash;
        this.size = size;
        this.width = hash.digestLength();
        this.levels = levels;
    }

    /** Builds the tree over raw leaves (each hashed as {@code H(0x00 || leaf)}). */
    public static MerkleTree fromLeaves(HashFunction hash, List<byte[]> leaves) {
        Digester d = hash.newDigester();
        return fromLevel0(hash, d, packedLeafHashes(d, leaves), leaves.size());
    }

    /**
     * The leaf hashes {@code H(0x00 || leaf)} of {@code leaves}, packed back to back, for
     * {@link #fromPackedLeafHashes}; callers on hot paths pass their own reused digester.
     */
    public static byte[] packedLeafHashes(Digester d, List<byte[]> leaves) {
        int w = d.length();
        byte[] packed = new byte[leaves.size() * w];
        byte[] input = new byte[128];
        for (int i = 0; i < leaves.size(); i++) {
            byte[] leaf = leaves.get(i);
            if (leaf.length + 1 > input.length) {
                input = new byte[Math.max(leaf.length + 1, input.length * 2)];
            }
            // one update per hash: each MessageDigest call costs about as much as a short copy
            input[0] = LEAF_PREFIX;
            System.arraycopy(leaf, 0, input, 1, leaf.length);
            d.update(input, 0, leaf.length + 1);
            d.doFinal(packed, i * w);
        }
        return packed;
    }

    /** Builds the tree over leaf hashes already computed as {@code H(0x00 || leaf)}. */
    public static MerkleTree fromLeafHashes(HashFunction hash, List<byte[]> leafHashes) {
        int w = hash.digestLength();
        byte[] level0 = new byte[leafHashes.size() * w];
        for (int i = 0; i < leafHashes.size(); i++) {
            byte[] h = leafHashes.get(i);
            checkWidth(h, w, "leaf hash " + i);
            System.arraycopy(h, 0, level0, i * w, w);
        }
        return fromLevel0(hash, hash.newDigester(), level0, leafHashes.size());
    }

    /**
     * Builds the tree over {@code count} leaf hashes packed back to back in {@code packed} (which the
     * tree keeps; callers must not change it afterwards). The fastest entry point.
     */
    public static MerkleTree fromPackedLeafHashes(HashFunction hash, byte[] packed, int count) {
        if (packed.length != count * hash.digestLength()) {
            throw new IllegalArgumentException("packed leaf hashes: expected " + count * hash.digestLength()
                    + " bytes for " + count + " leaves, got " + packed.length);
        }
        return fromLevel0(hash, hash.newDigester(), packed, count);
    }

    private static MerkleTree fromLevel0(HashFunction hash, Digester d, byte[] level0, int n) {
        int w = hash.digestLength();
        if (n == 0) {
            return new MerkleTree(hash, 0, new byte[][] {hash.hash(new byte[0])});
        }
        List<byte[]> levels = new ArrayList<>(34);
        levels.add(level0);
        byte[] node = new byte[2 * w + 1];
        node[0] = NODE_PREFIX;
        byte[] cur = level0;
        int count = n;
        while (count > 1) {
            int parents = (count + 1) >>> 1;
            byte[] next = new byte[parents * w];
            int pairs = count >>> 1;
            for (int i = 0; i < pairs; i++) {
                // 0x01 || left || right assembled in one buffer: one digest update per node
                System.arraycopy(cur, 2 * i * w, node, 1, 2 * w);
                d.update(node, 0, node.length);
                d.doFinal(next, i * w);
            }
            if ((count & 1) != 0) {
                System.arraycopy(cur, (count - 1) * w, next, pairs * w, w);
            }
            levels.add(next);
            cur = next;
            count = parents;
        }
        return new MerkleTree(hash, n, levels.toArray(new byte[0][]));
    }

    /** The root hash computed directly from raw leaves, without keeping the levels. */
    public static byte[] rootOf(HashFunction hash, List<byte[]> leaves) {
        return fromLeaves(hash, leaves).root();
    }

    public HashFunction hashFunction() {
        return hash;
    }

    public int size() {
        return size;
    }

    public byte[] root() {
        byte[] top = levels[levels.length - 1];
        return Arrays.copyOf(top, width);
    }

    public byte[] leafHash(int index) {
        checkIndex(index);
        return Arrays.copyOfRange(levels[0], index * width, (index + 1) * width);
    }

    /** The RFC 9162 audit path for the leaf at {@code index}, siblings from the leaf upwards. */
    public InclusionProof inclusionProof(int index) {
        checkIndex(index);
        List<byte[]> path = new ArrayList<>();
        int i = index;
        int count = size;
        for (int level = 0; count > 1; level++) {
            int sibling = i ^ 1;
            if (sibling < count) {
                path.add(Arrays.copyOfRange(levels[level], sibling * width, (sibling + 1) * width));
            }
            i >>>= 1;
            count = (count + 1) >>> 1;
        }
        return new InclusionProof(index, size, path);
    }

    /**
     * The RFC 9162 (section 2.1.4.1) consistency proof that the tree of the first {@code oldSize} leaves
     * is a prefix of this tree; empty for {@code oldSize} 0 or {@link #size()}.
     *
     * @throws IllegalArgumentException if {@code oldSize} is negative or larger than this tree
     */
    public ConsistencyProof consistencyProof(int oldSize) {
        if (oldSize < 0 || oldSize > size) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        if (oldSize > 0 && oldSize < size) {
            subproof(oldSize, 0, size, true, path);
        }
        return new ConsistencyProof(oldSize, size, path);
    }

    /** RFC 9162 SUBPROOF(m, D[lo:hi], complete), appending to {@code out}. */
    private void subproof(int m, int lo, int hi, boolean complete, List<byte[]> out) {
        int n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(subtreeHash(lo, hi));
            }
            return;
        }
        int k = Integer.highestOneBit(n - 1); // the largest power of two below n
        if (m <= k) {
            subproof(m, lo, lo + k, complete, out);
            out.add(subtreeHash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(subtreeHash(lo, lo + k));
        }
    }

    /**
     * MTH(D[lo:hi]) for a subtree of the RFC's recursion: {@code lo} is aligned to the subtree's height
     * and {@code hi} is either {@code lo + 2^height} or the tree's end, so the hash is a stored node.
     */
    private byte[] subtreeHash(int lo, int hi) {
        int n = hi - lo;
        int height = n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
        if ((lo & ((1 << height) - 1)) != 0 || (n != 1 << height && hi != size)) {
            throw new IllegalStateException("not a subtree: [" + lo + ", " + hi + ")");
        }
        int index = lo >>> height;
        return Arrays.copyOfRange(levels[height], index * width, (index + 1) * width);
    }

    /**
     * Verifies a consistency proof as RFC 9162 section 2.1.4.2 specifies (see the edge cases for sizes 0
     * and equal sizes in {@code docs/crypto.md}): never throws, false for anything malformed.
     */
    public static boolean verifyConsistency(HashFunction hash, long firstSize, long secondSize, List<byte[]> path,
            byte[] firstRoot, byte[] secondRoot) {
        return ProofVerifier.consistency(hash, firstSize, secondSize, path, firstRoot, secondRoot);
    }

    /** Convenience overload taking a proof record. */
    public static boolean verifyConsistency(HashFunction hash, ConsistencyProof proof, byte[] firstRoot,
            byte[] secondRoot) {
        return verifyConsistency(hash, proof.firstSize(), proof.secondSize(), proof.path(), firstRoot, secondRoot);
    }

    /** {@code H(0x00 || leaf)}. */
    public static byte[] leafHash(HashFunction hash, byte[] leaf) {
        Digester d = hash.newDigester();
        d.update(LEAF_PREFIX);
        d.update(leaf, 0, leaf.length);
        return d.doFinal();
    }

    /** {@code H(0x01 || left || right)}. */
    public static byte[] nodeHash(HashFunction hash, byte[] left, byte[] right) {
        Digester d = hash.newDigester();
        d.update(NODE_PREFIX);
        d.update(left, 0, left.length);
        d.update(right, 0, right.length);
        return d.doFinal();
    }

    /**
     * Verifies an inclusion proof exactly as RFC 9162 section 2.1.3.2 specifies: false for an index
     * outside the tree (or any index of an empty tree), a path of the wrong length, hashes of the wrong
     * width, nulls, or a different root. Never throws.
     */
    public static boolean verifyInclusion(HashFunction hash, byte[] leafHash, long leafIndex, long treeSize,
            List<byte[]> path, byte[] root) {
        return ProofVerifier.inclusion(hash, leafHash, leafIndex, treeSize, path, root);
    }

    /** Convenience overload taking a proof record. */
    public static boolean verifyInclusion(HashFunction hash, byte[] leafHash, InclusionProof proof, byte[] root) {
        return verifyInclusion(hash, leafHash, proof.leafIndex(), proof.treeSize(), proof.path(), root);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("leaf index " + index + " outside a tree of " + size + " leaves");
        }
    }

    private static void checkWidth(byte[] h, int w, String what) {
        if (h.length != w) {
            throw new IllegalArgumentException(what + " has " + h.length + " bytes, expected " + w);
        }
    }
}
