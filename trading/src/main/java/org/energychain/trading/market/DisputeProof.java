package org.energychain.trading.market;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.merkle.ContentRoot;

/**
 * {@code dispute} (the trade's buyer, after the key was revealed, before the dispute deadline): one
 * chunk as delivered, its ciphertext and claimed plaintext leaf hash, with the RFC 9162 audit path that
 * puts that cipher leaf into the delivered cipher root. The contract decrypts the chunk with the revealed
 * key; if its leaf hash is not the claimed one, the seller committed to data it did not send and the
 * buyer is refunded. One chunk suffices, so a dispute costs a logarithmic proof, not the dataset.
 *
 * <p>Encoding: tag {@code EC/market-dispute/v1}, string tradeId, i32 chunkIndex (&ge; 0), bytes
 * ciphertext (1..4096), fixed(32) claimedLeaf, i32 n (0..{@value #MAX_PATH}), n &times; fixed(32).
 */
public record DisputeProof(String tradeId, int chunkIndex, byte[] ciphertext, byte[] claimedLeaf, List<byte[]> path) {
    public static final String TAG = "EC/market-dispute/v1";
    /** A tree of at most 2^31 chunks has audit paths of at most 31 siblings; 63 leaves room for nothing bigger. */
    public static final int MAX_PATH = 63;

    public DisputeProof {
        Wire.tradeId(tradeId);
        if (chunkIndex < 0) {
            throw new IllegalArgumentException("chunkIndex must be 0 or more, got " + chunkIndex);
        }
        if (ciphertext == null || ciphertext.length < 1 || ciphertext.length > ContentRoot.CHUNK_SIZE) {
            throw new IllegalArgumentException("ciphertext must be 1.." + ContentRoot.CHUNK_SIZE + " bytes, got "
                    + (ciphertext == null ? null : ciphertext.length));
        }
        ciphertext = ciphertext.clone();
        claimedLeaf = Wire.digest(claimedLeaf, "claimedLeaf");
        if (path == null || path.size() > MAX_PATH) {
            throw new IllegalArgumentException("path must have at most " + MAX_PATH + " hashes");
        }
        List<byte[]> copy = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            copy.add(Wire.digest(path.get(i), "path[" + i + "]"));
        }
        path = List.copyOf(copy);
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] claimedLeaf() {
        return claimedLeaf.clone();
    }

    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(ciphertext.length + 128 + 32 * path.size()).tag(TAG).string(tradeId)
                .i32(chunkIndex).bytes(ciphertext).fixed(claimedLeaf).i32(path.size());
        path.forEach(w::fixed);
        return w.toByteArray();
    }

    public static DisputeProof decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        String tradeId = r.string("tradeId");
        int index = r.i32("chunkIndex");
        byte[] ct = r.bytes("ciphertext");
        byte[] claimed = r.fixed(Wire.DIGEST, "claimedLeaf");
        int n = r.i32("path length");
        if (n < 0 || n > MAX_PATH) {
            throw new IllegalArgumentException("path length must be 0.." + MAX_PATH + ", got " + n);
        }
        List<byte[]> path = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            path.add(r.fixed(Wire.DIGEST, "path[" + i + "]"));
        }
        r.end();
        return new DisputeProof(tradeId, index, ct, claimed, path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisputeProof d && java.util.Arrays.equals(encode(), d.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "DisputeProof[" + tradeId + " chunk " + chunkIndex + ", " + ciphertext.length + " bytes, path "
                + path.size() + "]";
    }
}
