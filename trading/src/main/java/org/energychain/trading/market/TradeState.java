package org.energychain.trading.market;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A trade as the market contract keeps it (state key {@code trade/<id>}) and answers the {@code trade}
 * query: what was bought (listing, version, content root, size) from whom by whom for how much, the
 * deadlines' durations copied from the configuration at purchase, and every step that happened with
 * its transaction: purchase, delivery (cipher root and key commitment), receipt, key reveal (the key)
 * and the close (why, and which chunk a successful dispute proved wrong). Steps not yet taken are null.
 * The escrow is the price while the trade is open and zero once it was released or refunded.
 *
 * <p>Encoding: tag {@code EC/trade/v1}, string tradeId, string listingId, i32 listingVersion, string
 * seller, string buyer, string hash, fixed(32) contentRoot, i64 sizeBytes, i32 chunkCount, i64 price,
 * i64 escrow, u8 status, i64 &times; 4 durations (deliver, receipt, reveal, dispute seconds), step
 * purchased; then bool delivered [step, fixed(32) cipherRoot, fixed(32) keyCommitment]; bool received
 * [step]; bool revealed [step, fixed(32) key]; bool closed [step, u8 reason, i32 disputedChunk (-1:
 * none)]. A step is string sender, string txId, i64 height, instant time.
 */
public record TradeState(String tradeId, String listingId, int listingVersion, String seller, String buyer,
        String hash, byte[] contentRoot, long sizeBytes, int chunkCount, long price, long escrow, TradeStatus status,
        MarketConfig terms, Step purchased, Step delivered, byte[] cipherRoot, byte[] keyCommitment, Step received,
        Step revealed, byte[] key, Step closed, CloseReason closeReason, int disputedChunk) {
    public static final String TAG = "EC/trade/v1";

    public TradeState {
        Wire.tradeId(tradeId);
        Objects.requireNonNull(listingId, "listingId");
        Wire.member(seller, "seller");
        Wire.member(buyer, "buyer");
        Wire.hash(hash);
        contentRoot = Wire.digest(contentRoot, "contentRoot");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(purchased, "purchased");
        Objects.requireNonNull(closeReason, "closeReason");
        if (price < 0 || escrow != (status.open() ? price : 0)) {
            throw new IllegalArgumentException("trade " + tradeId + ": escrow " + escrow + " is not "
                    + (status.open() ? "the price " + price : "zero") + " for status " + status);
        }
        if ((delivered == null) != (cipherRoot == null) || (delivered == null) != (keyCommitment == null)) {
            throw new IllegalArgumentException("trade " + tradeId + ": delivery step and commitments go together");
        }
        if ((revealed == null) != (key == null)) {
            throw new IllegalArgumentException("trade " + tradeId + ": reveal step and key go together");
        }
        if ((closed == null) != status.open() || (closed == null) != (closeReason == CloseReason.NONE)
                || (closed != null && closeReason.outcome() != status)) {
            throw new IllegalArgumentException("trade " + tradeId + ": close step " + closed + ", reason "
                    + closeReason + " and status " + status + " disagree");
        }
        cipherRoot = cipherRoot == null ? null : Wire.digest(cipherRoot, "cipherRoot");
        keyCommitment = keyCommitment == null ? null : Wire.digest(keyCommitment, "keyCommitment");
        key = key == null ? null : key.clone();
    }

    /** A trade just bought. */
    static TradeState purchased(String tradeId, String listingId, int listingVersion, String seller, String buyer,
            String hash, byte[] contentRoot, long sizeBytes, int chunkCount, long price, MarketConfig terms,
            Step purchased) {
        return new TradeState(tradeId, listingId, listingVersion, seller, buyer, hash, contentRoot, sizeBytes,
                chunkCount, price, price, TradeStatus.PURCHASED, terms, purchased, null, null, null, null, null, null,
                null, CloseReason.NONE, -1);
    }

    TradeState delivered(Step step, byte[] root, byte[] commitment) {
        return new TradeState(tradeId, listingId, listingVersion, seller, buyer, hash, contentRoot, sizeBytes,
                chunkCount, price, escrow, TradeStatus.DELIVERED, terms, purchased, step, root, commitment, null, null,
                null, null, CloseReason.NONE, -1);
    }

    TradeState received(Step step) {
        return new TradeState(tradeId, listingId, listingVersion, seller, buyer, hash, contentRoot, sizeBytes,
                chunkCount, price, escrow, TradeStatus.RECEIVED, terms, purchased, delivered, cipherRoot,
                keyCommitment, step, null, null, null, CloseReason.NONE, -1);
    }

    TradeState revealed(Step step, byte[] revealedKey) {
        return new TradeState(tradeId, listingId, listingVersion, seller, buyer, hash, contentRoot, sizeBytes,
                chunkCount, price, escrow, TradeStatus.REVEALED, terms, purchased, delivered, cipherRoot,
                keyCommitment, received, step, revealedKey, null, CloseReason.NONE, -1);
    }

    TradeState closed(Step step, CloseReason reason, int chunk) {
        return new TradeState(tradeId, listingId, listingVersion, seller, buyer, hash, contentRoot, sizeBytes,
                chunkCount, price, 0, reason.outcome(), terms, purchased, delivered, cipherRoot, keyCommitment,
                received, revealed, key, step, reason, chunk);
    }

    /** The member the escrow was paid to, or null while open. */
    public String payee() {
        return switch (status) {
            case RELEASED -> seller;
            case REFUNDED -> buyer;
            default -> null;
        };
    }

    /** The time by which the current step must happen ({@code settle} acts from then on); null once closed. */
    public Instant deadline() {
        return switch (status) {
            case PURCHASED -> purchased.time().plus(terms.deliver());
            case DELIVERED -> delivered.time().plus(terms.receipt());
            case RECEIVED -> received.time().plus(terms.reveal());
            case REVEALED -> revealed.time().plus(terms.dispute());
            default -> null;
        };
    }

    @Override
    public byte[] contentRoot() {
        return contentRoot.clone();
    }

    @Override
    public byte[] cipherRoot() {
        return cipherRoot == null ? null : cipherRoot.clone();
    }

    @Override
    public byte[] keyCommitment() {
        return keyCommitment == null ? null : keyCommitment.clone();
    }

    @Override
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(512).tag(TAG).string(tradeId).string(listingId).i32(listingVersion)
                .string(seller).string(buyer).string(hash).fixed(contentRoot).i64(sizeBytes).i32(chunkCount)
                .i64(price).i64(escrow).u8(status.ordinal());
        terms.writeTo(w);
        purchased.writeTo(w);
        w.bool(delivered != null);
        if (delivered != null) {
            delivered.writeTo(w);
            w.fixed(cipherRoot).fixed(keyCommitment);
        }
        w.bool(received != null);
        if (received != null) {
            received.writeTo(w);
        }
        w.bool(revealed != null);
        if (revealed != null) {
            revealed.writeTo(w);
            w.fixed(key);
        }
        w.bool(closed != null);
        if (closed != null) {
            closed.writeTo(w);
            w.u8(closeReason.ordinal()).i32(disputedChunk);
        }
        return w.toByteArray();
    }

    public static TradeState decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        String id = r.string("tradeId");
        String listingId = r.string("listingId");
        int version = r.i32("listingVersion");
        String seller = r.string("seller");
        String buyer = r.string("buyer");
        String hash = r.string("hash");
        byte[] contentRoot = r.fixed(Wire.DIGEST, "contentRoot");
        long size = r.i64("sizeBytes");
        int chunks = r.i32("chunkCount");
        long price = r.i64("price");
        long escrow = r.i64("escrow");
        TradeStatus status = enumAt(TradeStatus.values(), r.u8("status"), "status");
        MarketConfig terms = MarketConfig.readFrom(r);
        Step purchased = Step.readFrom(r, "purchased");
        Step delivered = null;
        byte[] cipherRoot = null;
        byte[] commitment = null;
        if (r.bool("delivered")) {
            delivered = Step.readFrom(r, "delivered");
            cipherRoot = r.fixed(Wire.DIGEST, "cipherRoot");
            commitment = r.fixed(Wire.DIGEST, "keyCommitment");
        }
        Step received = r.bool("received") ? Step.readFrom(r, "received") : null;
        Step revealed = null;
        byte[] key = null;
        if (r.bool("revealed")) {
            revealed = Step.readFrom(r, "revealed");
            key = r.fixed(ChunkCipher.KEY_BYTES, "key");
        }
        Step closed = null;
        CloseReason reason = CloseReason.NONE;
        int disputed = -1;
        if (r.bool("closed")) {
            closed = Step.readFrom(r, "closed");
            reason = enumAt(CloseReason.values(), r.u8("closeReason"), "closeReason");
            disputed = r.i32("disputedChunk");
        }
        r.end();
        return new TradeState(id, listingId, version, seller, buyer, hash, contentRoot, size, chunks, price, escrow,
                status, terms, purchased, delivered, cipherRoot, commitment, received, revealed, key, closed, reason,
                disputed);
    }

    private static <E> E enumAt(E[] values, int i, String field) {
        if (i >= values.length) {
            throw new IllegalArgumentException(field + ": unknown value " + i);
        }
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TradeState t && Arrays.equals(encode(), t.encode());
    }

    @Override
    public int hashCode() {
        return tradeId.hashCode();
    }

    @Override
    public String toString() {
        return "Trade[" + tradeId.substring(0, 12) + " " + listingId + " " + seller + "->" + buyer + " " + price + " "
                + status + (closed == null ? "" : " " + closeReason) + (cipherRoot == null ? "" : " root "
                + Hex.encode(cipherRoot).substring(0, 12)) + "]";
    }
}
