package org.energychain.crypto.merkle;

import java.security.MessageDigest;
import java.util.List;
import org.energychain.crypto.Digester;
import org.energychain.crypto.HashFunction;

/**
 * The RFC 9162 proof verification algorithms, written step by step after the RFC's text so that they
 * can be checked against it. Proofs are untrusted input: every malformed case answers {@code false}.
 * One digester per call, so the static entry points in {@link MerkleTree} are thread-safe.
 */
final class ProofVerifier {
    /** A proof for a tree of at most 2^63 leaves never has more than 63 (+1 prepended) hashes. */
    private static final int MAX_PATH = 64;

    private final Digester d;
    private final int w;

    private ProofVerifier(HashFunction hash) {
        this.d = hash.newDigester();
        this.w = hash.digestLength();
    }

    static boolean inclusion(HashFunction hash, byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path,
            byte[] root) {
        return new ProofVerifier(hash).inclusion(leafHash, leafIndex, treeSize, path, root);
    }

    static boolean consistency(HashFunction hash, long firstSize, long secondSize, List<byte[]> path,
            byte[] firstRoot, byte[] secondRoot) {
        return new ProofVerifier(hash).consistency(firstSize, secondSize, path, firstRoot, secondRoot);
    }

    /** RFC 9162 section 2.1.3.2. */
    private boolean inclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path, byte[] root) {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            return false; // step 1 (and no leaf exists in an empty tree)
        }
        if (!wellFormed(path) || !hasWidth(leafHash) || !hasWidth(root)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false; // 4a: the path is longer than the tree is tall
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2 for {@code 0 < first < second}; the RFC defines proofs only there, so the
     * edges are ours, as CT verifiers treat them: {@code first > second} never verifies; {@code first ==
     * second} verifies with an empty proof iff the roots are equal; {@code first == 0} verifies with an
     * empty proof iff the first root is the empty tree's root {@code H()} (every tree extends the empty
     * one). Roots and proof hashes must all have the hash's width.
     */
    private boolean consistency(long first, long second, List<byte[]> path, byte[] firstRoot, byte[] secondRoot) {
        if (first < 0 || second < 0 || first > second) {
            return false;
        }
        if (!wellFormed(path) || !hasWidth(firstRoot) || !hasWidth(secondRoot)) {
            return false;
        }
        if (first == 0) {
            d.reset();
            if (!MessageDigest.isEqual(firstRoot, d.doFinal())) {
                return false; // not the empty tree's root
            }
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false; // step 1
        }
        int i = 0;
        byte[] start;
        if ((first & (first - 1)) == 0) {
            start = firstRoot; // step 2: the old root is a node of the new tree, so the proof omits it
        } else {
            start = path.get(i++);
        }
        long fn = first - 1; // step 3
        long sn = second - 1;
        while ((fn & 1) == 1) { // step 4
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = start; // step 5
        byte[] sr = start;
        for (; i < path.size(); i++) { // step 6
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        @SuppressWarnings("ShortCircuitBoolean") // both roots are compared, whatever the first gives
        boolean rootsMatch = MessageDigest.isEqual(fr, firstRoot) & MessageDigest.isEqual(sr, secondRoot);
        return sn == 0 && rootsMatch;
    }

    private boolean wellFormed(List<byte[]> path) {
        if (path == null || path.size() > MAX_PATH) {
            return false;
        }
        for (byte[] p : path) {
            if (!hasWidth(p)) {
                return false;
            }
        }
        return true;
    }

    private boolean hasWidth(byte[] h) {
        return h != null && h.length == w;
    }

    private byte[] node(byte[] left, byte[] right) {
        d.update(MerkleTree.NODE_PREFIX);
        d.update(left, 0, w);
        d.update(right, 0, w);
        return d.doFinal();
    }
}
