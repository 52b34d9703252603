package org.energychain.crypto.merkle;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunction;

/**
 * The RFC 9162 section 2.1 definitions transcribed literally as recursion over lists (MTH, PATH, PROOF
 * and SUBPROOF), slow and obviously right, to check the iterative implementation against.
 */
final class MerkleReference {
    private final HashFunction h;

    MerkleReference(HashFunction h) {
        this.h = h;
    }

    /** MTH(D[n]). */
    byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return h.hash(new byte[0]);
        }
        if (n == 1) {
            return h.hash(concat(new byte[] {0}, d.get(0)));
        }
        int k = k(n);
        return h.hash(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
    }

    /** PATH(m, D[n]). */
    List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(path(m - k, d.subList(k, n)));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** PROOF(m, D[n]) for 0 < m < n. */
    List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = k(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    /** The largest power of two smaller than n (n > 1). */
    private static int k(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
