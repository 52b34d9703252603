package org.energychain.crypto.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.energychain.crypto.HashFunction;

/**
 * The hash of a byte string as an RFC 9162 tree over its fixed-size chunks, so that any one chunk can be
 * proven part of the content with a logarithmic proof. Used for {@code Hash(D1)}: a buyer who received
 * bad data can prove a single wrong chunk on chain instead of publishing the whole dataset.
 *
 * <p>Definition: split the content into {@value #CHUNK_SIZE}-byte chunks, the last one shorter (empty
 * content has no chunks); the root is {@code MTH(chunks)} of RFC 9162 with the given hash, so empty
 * content hashes to {@code H("")} and content of at most one chunk to {@code H(0x00 || content)}.
 */
public final class ContentRoot {
    /** Bytes per chunk. */
    public static final int CHUNK_SIZE = 4096;

    private ContentRoot() {
    }

    /** How many chunks content of {@code length} bytes has. */
    public static int chunkCount(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        long n = (length + CHUNK_SIZE - 1) / CHUNK_SIZE;
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("content of " + length + " bytes is too large");
        }
        return (int) n;
    }

    /** Chunk {@code index} of {@code content} (a copy). */
    public static byte[] chunk(byte[] content, int index) {
        int n = chunkCount(content.length);
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("chunk " + index + " of " + n);
        }
        int from = index * CHUNK_SIZE;
        return Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_SIZE));
    }

    /** The content split into chunks. */
    public static List<byte[]> chunks(byte[] content) {
        int n = chunkCount(content.length);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(chunk(content, i));
        }
        return out;
    }

    /** The tree over the content's chunks, for roots and proofs. */
    public static MerkleTree tree(HashFunction hash, byte[] content) {
        return MerkleTree.fromLeaves(hash, chunks(content));
    }

    /** The content root. */
    public static byte[] root(HashFunction hash, byte[] content) {
        return MerkleTree.rootOf(hash, chunks(content));
    }
}
