package org.energychain.trading.market;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.ContentRoot;

/**
 * The buyer's side of the fair exchange, off chain. {@link #beforeReceipt} decides whether to send
 * {@code confirm-receipt}: the package must be the one the seller committed on chain, for this trade, with
 * the listed dataset's chunk count and sizes, and its claimed leaves must form the listing's content root
 * {@code Hash(D1)}. After the key is revealed, {@link #open} decrypts every chunk and either returns the
 * dataset (every chunk's leaf is its claimed leaf, so the dataset's content root is {@code Hash(D1)}) or
 * the dispute proof of the first chunk that is not.
 */
public final class DeliveryCheck {
    private DeliveryCheck() {
    }

    /** The outcome of opening a delivery: the dataset, or the proof that the seller cheated. */
    public record Opened(byte[] dataset, DisputeProof dispute) {
        public boolean ok() {
            return dispute == null;
        }
    }

    /** Throws unless the buyer can safely confirm receipt of {@code p} for trade {@code t}. */
    public static void beforeReceipt(TradeState t, DeliveryPackage p) throws BadDeliveryException {
        if (!p.tradeId().equals(t.tradeId())) {
            throw new BadDeliveryException("package is for trade " + p.tradeId() + ", not " + t.tradeId());
        }
        if (!p.hash().equals(t.hash())) {
            throw new BadDeliveryException("package uses " + p.hash() + ", the listing " + t.hash());
        }
        if (t.cipherRoot() == null) {
            throw new BadDeliveryException("trade " + t.tradeId() + " has no delivery on chain (" + t.status() + ")");
        }
        int expected = ContentRoot.chunkCount(t.sizeBytes());
        if (p.chunkCount() != expected || t.chunkCount() != expected) {
            throw new BadDeliveryException("package has " + p.chunkCount() + " chunks, the listed " + t.sizeBytes()
                    + " bytes make " + expected);
        }
        int lastSize = (int) (t.sizeBytes() - (long) (expected - 1) * ContentRoot.CHUNK_SIZE);
        int got = p.ciphertexts().get(expected - 1).length;
        if (got != lastSize) {
            throw new BadDeliveryException("last chunk has " + got + " bytes, the listed size makes " + lastSize);
        }
        if (!MessageDigest.isEqual(p.cipherRoot(), t.cipherRoot())) {
            throw new BadDeliveryException("package's cipher root " + Hex.encode(p.cipherRoot())
                    + " is not the one committed on chain " + Hex.encode(t.cipherRoot()));
        }
        if (!MessageDigest.isEqual(p.keyCommitment(), t.keyCommitment())) {
            throw new BadDeliveryException("package's key commitment is not the one committed on chain");
        }
        if (!MessageDigest.isEqual(p.claimedContentRoot(), t.contentRoot())) {
            throw new BadDeliveryException("claimed leaves form root " + Hex.encode(p.claimedContentRoot())
                    + ", not the listing's content root " + Hex.encode(t.contentRoot()));
        }
    }

    /** Opens the package with the key revealed on chain in {@code t}. */
    public static Opened open(TradeState t, DeliveryPackage p) throws BadDeliveryException {
        if (t.key() == null) {
            throw new BadDeliveryException("trade " + t.tradeId() + " has no revealed key (" + t.status() + ")");
        }
        return open(t, p, t.key());
    }

    /** Decrypts every chunk with {@code key}; the dataset, or a dispute of the first bad chunk. */
    public static Opened open(TradeState t, DeliveryPackage p, byte[] key) throws BadDeliveryException {
        beforeReceipt(t, p);
        HashFunction h = Wire.hash(t.hash());
        if (!MessageDigest.isEqual(FairExchange.keyCommitment(h, t.tradeId(), key), t.keyCommitment())) {
            throw new BadDeliveryException("key does not open the key commitment of trade " + t.tradeId());
        }
        List<byte[]> ct = p.ciphertexts();
        List<byte[]> claimed = p.claimedLeaves();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(t.sizeBytes(), Integer.MAX_VALUE - 8));
        for (int i = 0; i < ct.size(); i++) {
            byte[] plain = ChunkCipher.apply(h, key, t.tradeId(), i, ct.get(i));
            if (!MessageDigest.isEqual(FairExchange.plainLeaf(h, plain), claimed.get(i))) {
                return new Opened(null, p.disputeProof(i));
            }
            out.writeBytes(plain);
        }
        return new Opened(out.toByteArray(), null);
    }
}
