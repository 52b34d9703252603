package org.energychain.trading.market;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.crypto.merkle.MerkleTree;

/**
 * What the seller sends the buyer off chain (never on chain): the dataset's chunks encrypted with the
 * trade's key, each with the plaintext leaf hash the seller claims for it, and the key commitment. The
 * cipher root over them is what the seller commits on chain with {@code deliver}; the key stays with the
 * seller until the buyer has confirmed receipt. Decoding is strict: a package whose chunk sizes are not
 * those of a chunked dataset or whose stated cipher root is not the root of its chunks is refused.
 *
 * <p>Encoding {@code EC/delivery/v1}: string hash, string tradeId, fixed(32) keyCommitment, i32 n
 * (1..{@value #MAX_CHUNKS}), n &times; (bytes ciphertext, fixed(32) claimedLeaf), fixed(32) cipherRoot.
 * Every ciphertext but the last is 4096 bytes, the last 1..4096.
 */
public record DeliveryPackage(String hash, String tradeId, byte[] keyCommitment, List<byte[]> ciphertexts,
        List<byte[]> claimedLeaves) {
    public static final String TAG = "EC/delivery/v1";
    /** About 1.9 GiB of data: the most whose encoding still fits in one Java byte array. */
    public static final int MAX_CHUNKS = 500_000;

    public DeliveryPackage {
        Wire.hash(hash);
        Wire.tradeId(tradeId);
        keyCommitment = Wire.digest(keyCommitment, "keyCommitment");
        Objects.requireNonNull(ciphertexts, "ciphertexts");
        Objects.requireNonNull(claimedLeaves, "claimedLeaves");
        int n = ciphertexts.size();
        if (n < 1 || n > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk count must be 1.." + MAX_CHUNKS + ", got " + n);
        }
        if (claimedLeaves.size() != n) {
            throw new IllegalArgumentException(n + " ciphertext chunks but " + claimedLeaves.size() + " claimed leaves");
        }
        List<byte[]> ct = new ArrayList<>(n);
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] c = Objects.requireNonNull(ciphertexts.get(i), "ciphertext[" + i + "]");
            boolean last = i == n - 1;
            if (last ? c.length < 1 || c.length > ContentRoot.CHUNK_SIZE : c.length != ContentRoot.CHUNK_SIZE) {
                throw new IllegalArgumentException("ciphertext[" + i + "] has " + c.length + " bytes, expected "
                        + (last ? "1.." + ContentRoot.CHUNK_SIZE + " (last chunk)" : ContentRoot.CHUNK_SIZE));
            }
            ct.add(c.clone());
            leaves.add(Wire.digest(claimedLeaves.get(i), "claimedLeaf[" + i + "]"));
        }
        ciphertexts = List.copyOf(ct);
        claimedLeaves = List.copyOf(leaves);
    }

    /**
     * The file name of a trade's package wherever one is kept: the seller's outbox, which its node serves
     * ({@code <data-dir>/deliveries}), and the buyer's inbox.
     */
    public static String fileName(String tradeId) {
        Wire.tradeId(tradeId);
        return tradeId + ".delivery";
    }

    /** 32 fresh random bytes: one AES-256 key per trade, never reused. */
    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[ChunkCipher.KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** The honest seller's package: every chunk encrypted, every claimed leaf the chunk's true leaf hash. */
    public static DeliveryPackage seal(HashFunction hash, String tradeId, byte[] dataset, byte[] key) {
        List<byte[]> chunks = ContentRoot.chunks(dataset);
        List<byte[]> ct = new ArrayList<>(chunks.size());
        List<byte[]> leaves = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            ct.add(ChunkCipher.apply(hash, key, tradeId, i, chunks.get(i)));
            leaves.add(FairExchange.plainLeaf(hash, chunks.get(i)));
        }
        return new DeliveryPackage(hash.name(), tradeId, FairExchange.keyCommitment(hash, tradeId, key), ct, leaves);
    }

    public int chunkCount() {
        return ciphertexts.size();
    }

    @Override
    public byte[] keyCommitment() {
        return keyCommitment.clone();
    }

    @Override
    public List<byte[]> ciphertexts() {
        return ciphertexts.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> claimedLeaves() {
        return claimedLeaves.stream().map(byte[]::clone).toList();
    }

    /** The RFC 9162 tree over the cipher leaves (see {@link FairExchange#cipherLeaf}). */
    public MerkleTree cipherTree() {
        HashFunction h = Wire.hash(hash);
        List<byte[]> leaves = new ArrayList<>(ciphertexts.size());
        for (int i = 0; i < ciphertexts.size(); i++) {
            leaves.add(FairExchange.cipherLeafHash(h, i, ciphertexts.get(i), claimedLeaves.get(i)));
        }
        return MerkleTree.fromLeafHashes(h, leaves);
    }

    public byte[] cipherRoot() {
        return cipherTree().root();
    }

    /** The root the claimed plaintext leaves form; the honest seller's is the listing's content root. */
    public byte[] claimedContentRoot() {
        return MerkleTree.fromLeafHashes(Wire.hash(hash), claimedLeaves).root();
    }

    /** The seller's {@code deliver} arguments for this package, addressed to {@code buyer}. */
    public DeliverArgs deliverArgs(String buyer) {
        return new DeliverArgs(tradeId, buyer, cipherRoot(), chunkCount(), keyCommitment);
    }

    /** The buyer's dispute of chunk {@code index}: the chunk as delivered with its proof into the cipher root. */
    public DisputeProof disputeProof(int index) {
        return disputeProof(index, cipherTree());
    }

    DisputeProof disputeProof(int index, MerkleTree tree) {
        return new DisputeProof(tradeId, index, ciphertexts.get(index), claimedLeaves.get(index),
                tree.inclusionProof(index).path());
    }

    /**
     * The length of the encoding of every package of a dataset of {@code sizeBytes} bytes for {@code tradeId}
     * with hash {@code hash}: a buyer need not read one byte more of what a seller's node sends.
     */
    public static long encodedSize(String hash, String tradeId, long sizeBytes) {
        long n = ContentRoot.chunkCount(sizeBytes);
        return 4L + TAG.length() + 4 + utf8(hash) + 4 + utf8(tradeId) + Wire.DIGEST + 4
                + n * (4 + Wire.DIGEST) + sizeBytes + Wire.DIGEST;
    }

    private static long utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public byte[] encode() {
        int size = 128 + ciphertexts.size() * (ContentRoot.CHUNK_SIZE + 40); // < 2^31 for MAX_CHUNKS
        CanonicalWriter w = new CanonicalWriter(size).tag(TAG).string(hash).string(tradeId).fixed(keyCommitment)
                .i32(ciphertexts.size());
        for (int i = 0; i < ciphertexts.size(); i++) {
            w.bytes(ciphertexts.get(i)).fixed(claimedLeaves.get(i));
        }
        return w.fixed(cipherRoot()).toByteArray();
    }

    /** Strict decoding; the message names what is wrong. */
    public static DeliveryPackage decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        String hash = r.string("hash");
        Wire.hash(hash);
        String tradeId = r.string("tradeId");
        byte[] commitment = r.fixed(Wire.DIGEST, "keyCommitment");
        int n = r.i32("chunk count");
        if (n < 1 || n > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk count must be 1.." + MAX_CHUNKS + ", got " + n);
        }
        List<byte[]> ct = new ArrayList<>(Math.min(n, 1024));
        List<byte[]> leaves = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            ct.add(r.bytes("ciphertext[" + i + "]"));
            leaves.add(r.fixed(Wire.DIGEST, "claimedLeaf[" + i + "]"));
        }
        byte[] stated = r.fixed(Wire.DIGEST, "cipherRoot");
        r.end();
        DeliveryPackage p = new DeliveryPackage(hash, tradeId, commitment, ct, leaves);
        if (!MessageDigest.isEqual(stated, p.cipherRoot())) {
            throw new IllegalArgumentException("cipherRoot stated in the package is not the root over its chunks");
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryPackage d && java.util.Arrays.equals(encode(), d.encode());
    }

    @Override
    public int hashCode() {
        return tradeId.hashCode() * 31 + ciphertexts.size();
    }

    @Override
    public String toString() {
        return "DeliveryPackage[" + tradeId + ", " + ciphertexts.size() + " chunks, " + hash + "]";
    }
}
