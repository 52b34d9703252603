package org.energychain.trading.market;

import static org.energychain.trading.market.MarketContract.ACCEPT;
import static org.energychain.trading.market.MarketContract.CATALOG;
import static org.energychain.trading.market.MarketContract.CONFIRM_RECEIPT;
import static org.energychain.trading.market.MarketContract.DELIVER;
import static org.energychain.trading.market.MarketContract.DISPUTE;
import static org.energychain.trading.market.MarketContract.PURCHASE;
import static org.energychain.trading.market.MarketContract.REVEAL_KEY;
import static org.energychain.trading.market.MarketContract.SETTLE;
import static org.energychain.trading.market.MarketState.ESCROW_KEY;
import static org.energychain.trading.market.MarketState.OPEN_COUNT_KEY;
import static org.energychain.trading.market.MarketState.balance;
import static org.energychain.trading.market.MarketState.config;
import static org.energychain.trading.market.MarketState.index;
import static org.energychain.trading.market.MarketState.openKey;
import static org.energychain.trading.market.MarketState.save;
import static org.energychain.trading.market.MarketState.setBalance;
import static org.energychain.trading.market.MarketState.trade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.TxContext;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.jspecify.annotations.Nullable;

/**
 * The fair exchange's steps (docs/market.md): purchase into escrow, deliver, confirm receipt, reveal the
 * key, then accept or dispute, and settle a missed deadline; each checks the sender is the step's party,
 * the trade is in the step's status and the step's deadline has not passed, and closing a trade pays the
 * escrow to the winner the close reason names.
 */
final class TradeSteps {
    private TradeSteps() {
    }

    static void purchase(TxContext ctx, PurchaseArgs a) throws ContractException {
        String buyer = ctx.sender();
        byte[] raw = ctx.read(CATALOG, ListingRecord.key(a.listingId()));
        if (raw == null) {
            throw new ContractException(MarketCodes.NOT_FOUND, PURCHASE + ": listing " + a.listingId()
                    + " is not in the catalogue");
        }
        ListingRecord rec = ListingRecord.decode(raw);
        Listing l = rec.listing();
        if (!rec.active()) {
            throw new ContractException(MarketCodes.LISTING_WITHDRAWN, PURCHASE + ": listing " + a.listingId()
                    + " is withdrawn (version " + rec.version() + ")");
        }
        if (rec.version() != a.listingVersion()) {
            throw new ContractException(MarketCodes.LISTING_CHANGED, PURCHASE + ": listing " + a.listingId()
                    + " is at version " + rec.version() + ", the buyer saw version " + a.listingVersion());
        }
        if (l.price() > a.maxPrice()) {
            throw new ContractException(MarketCodes.PRICE_ABOVE_MAX, PURCHASE + ": listing " + a.listingId()
                    + " costs " + l.price() + ", above the buyer's maximum " + a.maxPrice());
        }
        if (rec.seller().equals(buyer)) {
            throw new ContractException(MarketCodes.OWN_LISTING, PURCHASE + ": " + buyer + " is the seller of "
                    + a.listingId() + " and cannot buy it");
        }
        String openKey = openKey(buyer, a.listingId());
        byte[] open = ctx.get(openKey);
        if (open != null) {
            throw new ContractException(MarketCodes.DUPLICATE, PURCHASE + ": " + buyer + " already has open trade "
                    + new String(open, StandardCharsets.UTF_8) + " on listing " + a.listingId());
        }
        long bal = balance(ctx, buyer);
        if (bal < l.price()) {
            throw new ContractException(MarketCodes.INSUFFICIENT_FUNDS, PURCHASE + ": " + buyer + " holds " + bal
                    + ", the listing costs " + l.price());
        }
        HashFunction h = HashFunctions.byName(l.hash());
        String id = FairExchange.tradeId(h, ctx.txId());
        TradeState t = TradeState.purchased(id, l.id(), rec.version(), rec.seller(), buyer, h.name(),
                l.contentRoot(), l.sizeBytes(), ContentRoot.chunkCount(l.sizeBytes()), l.price(), config(ctx),
                Step.of(ctx));
        setBalance(ctx, buyer, bal - l.price());
        MarketState.add(ctx, ESCROW_KEY, l.price());
        MarketState.add(ctx, OPEN_COUNT_KEY, 1);
        ctx.put(openKey, id.getBytes(StandardCharsets.UTF_8));
        index(ctx, TradesQuery.By.BUYER, buyer, id);
        index(ctx, TradesQuery.By.SELLER, rec.seller(), id);
        index(ctx, TradesQuery.By.LISTING, l.id(), id);
        save(ctx, t);
        ctx.emit(MarketEvents.PURCHASED, MarketEvents.TradeEvent.of(t).encode());
    }

    static void deliver(TxContext ctx, DeliverArgs a) throws ContractException {
        TradeState t = trade(ctx, DELIVER, a.tradeId());
        party(ctx, DELIVER, t, t.seller(), "seller");
        step(ctx, DELIVER, t, TradeStatus.PURCHASED);
        if (!a.buyer().equals(t.buyer())) {
            throw new ContractException(MarketCodes.WRONG_BUYER, DELIVER + ": delivery addressed to " + a.buyer()
                    + " but the buyer of trade " + t.tradeId() + " is " + t.buyer());
        }
        if (a.chunkCount() != t.chunkCount()) {
            throw new ContractException(MarketCodes.WRONG_CHUNK_COUNT, DELIVER + ": " + a.chunkCount()
                    + " chunks delivered, the listed dataset of " + t.sizeBytes() + " bytes has " + t.chunkCount());
        }
        t = t.delivered(Step.of(ctx), a.cipherRoot(), a.keyCommitment());
        save(ctx, t);
        ctx.emit(MarketEvents.DELIVERED, MarketEvents.TradeEvent.of(t).encode());
    }

    static void confirmReceipt(TxContext ctx, TradeRef a) throws ContractException {
        TradeState t = trade(ctx, CONFIRM_RECEIPT, a.tradeId());
        party(ctx, CONFIRM_RECEIPT, t, t.buyer(), "buyer");
        step(ctx, CONFIRM_RECEIPT, t, TradeStatus.DELIVERED);
        t = t.received(Step.of(ctx));
        save(ctx, t);
        ctx.emit(MarketEvents.RECEIVED, MarketEvents.TradeEvent.of(t).encode());
    }

    static void revealKey(TxContext ctx, RevealArgs a) throws ContractException {
        TradeState t = trade(ctx, REVEAL_KEY, a.tradeId());
        party(ctx, REVEAL_KEY, t, t.seller(), "seller");
        step(ctx, REVEAL_KEY, t, TradeStatus.RECEIVED);
        HashFunction h = HashFunctions.byName(t.hash());
        if (!MessageDigest.isEqual(FairExchange.keyCommitment(h, t.tradeId(), a.key()), t.keyCommitment())) {
            throw new ContractException(MarketCodes.KEY_MISMATCH, REVEAL_KEY + ": the key does not open the key"
                    + " commitment of trade " + t.tradeId());
        }
        t = t.revealed(Step.of(ctx), a.key());
        save(ctx, t);
        ctx.emit(MarketEvents.KEY_REVEALED, MarketEvents.TradeEvent.of(t).encode());
    }

    static void accept(TxContext ctx, TradeRef a) throws ContractException {
        TradeState t = trade(ctx, ACCEPT, a.tradeId());
        party(ctx, ACCEPT, t, t.buyer(), "buyer");
        if (t.status() != TradeStatus.REVEALED) {
            throw wrongState(ACCEPT, t, TradeStatus.REVEALED);
        }
        // after the dispute deadline the outcome is the same (release), so accepting late is harmless
        close(ctx, t, CloseReason.ACCEPTED, -1, MarketEvents.ACCEPTED);
    }

    static void dispute(TxContext ctx, DisputeProof p) throws ContractException {
        TradeState t = trade(ctx, DISPUTE, p.tradeId());
        party(ctx, DISPUTE, t, t.buyer(), "buyer");
        step(ctx, DISPUTE, t, TradeStatus.REVEALED);
        if (p.chunkIndex() >= t.chunkCount()) {
            throw new ContractException(MarketCodes.FORGED_PROOF, DISPUTE + ": chunk " + p.chunkIndex()
                    + " does not exist, the delivery has " + t.chunkCount() + " chunks");
        }
        HashFunction h = HashFunctions.byName(t.hash());
        byte[] leaf = FairExchange.cipherLeafHash(h, p.chunkIndex(), p.ciphertext(), p.claimedLeaf());
        if (!MerkleTree.verifyInclusion(h, leaf, p.chunkIndex(), t.chunkCount(), p.path(), t.cipherRoot())) {
            throw new ContractException(MarketCodes.FORGED_PROOF, DISPUTE + ": chunk " + p.chunkIndex()
                    + " with its claimed leaf is not in the delivered cipher root (inclusion proof fails)");
        }
        byte[] plain = ChunkCipher.apply(h, t.key(), t.tradeId(), p.chunkIndex(), p.ciphertext());
        if (MessageDigest.isEqual(FairExchange.plainLeaf(h, plain), p.claimedLeaf())) {
            throw new ContractException(MarketCodes.FORGED_PROOF, DISPUTE + ": chunk " + p.chunkIndex()
                    + " decrypts to its claimed leaf; the seller delivered it correctly");
        }
        close(ctx, t, CloseReason.DISPUTE_UPHELD, p.chunkIndex(), MarketEvents.DISPUTED);
    }

    static void settle(TxContext ctx, TradeRef a) throws ContractException {
        TradeState t = trade(ctx, SETTLE, a.tradeId());
        if (!t.status().open()) {
            throw new ContractException(MarketCodes.WRONG_STATE, SETTLE + ": trade " + t.tradeId() + " is already "
                    + t.status() + " (" + t.closeReason() + ")");
        }
        Instant deadline = t.deadline();
        if (ctx.blockTime().isBefore(deadline)) {
            throw new ContractException(MarketCodes.DEADLINE_NOT_YET, SETTLE + ": trade " + t.tradeId() + " is "
                    + t.status() + " and its deadline " + deadline + " has not passed (block time "
                    + ctx.blockTime() + ")");
        }
        CloseReason reason = switch (t.status()) {
            case PURCHASED -> CloseReason.DELIVERY_MISSED;
            case DELIVERED -> CloseReason.RECEIPT_MISSED;
            case RECEIVED -> CloseReason.REVEAL_MISSED;
            case REVEALED -> CloseReason.DISPUTE_WINDOW_OVER;
            default -> throw new IllegalStateException("open status " + t.status());
        };
        close(ctx, t, reason, -1, null);
    }

    /** Pays the escrow to the reason's winner, frees the buyer to buy the listing again, announces it. */
    private static void close(TxContext ctx, TradeState t, CloseReason reason, int chunk, @Nullable String stepEvent) {
        TradeState closed = t.closed(Step.of(ctx), reason, chunk);
        String payee = closed.payee();
        setBalance(ctx, payee, balance(ctx, payee) + t.price());
        MarketState.add(ctx, ESCROW_KEY, -t.price());
        MarketState.add(ctx, OPEN_COUNT_KEY, -1);
        ctx.delete(openKey(t.buyer(), t.listingId()));
        save(ctx, closed);
        byte[] e = MarketEvents.TradeEvent.of(closed).encode();
        if (stepEvent != null) {
            ctx.emit(stepEvent, e);
        }
        ctx.emit(closed.status() == TradeStatus.RELEASED ? MarketEvents.RELEASED : MarketEvents.REFUNDED, e);
    }

    private static void party(TxContext ctx, String method, TradeState t, String expected, String role)
            throws ContractException {
        if (!ctx.sender().equals(expected)) {
            throw new ContractException(MarketCodes.WRONG_PARTY, method + ": sender " + ctx.sender() + " is not the "
                    + role + " of trade " + t.tradeId() + " (" + expected + ")");
        }
    }

    /** The trade must be in {@code needed} and the step's deadline not yet passed. */
    private static void step(TxContext ctx, String method, TradeState t, TradeStatus needed) throws ContractException {
        if (t.status() != needed) {
            throw wrongState(method, t, needed);
        }
        Instant deadline = t.deadline();
        if (!ctx.blockTime().isBefore(deadline)) {
            throw new ContractException(MarketCodes.DEADLINE_PASSED, method + ": the deadline " + deadline
                    + " of trade " + t.tradeId() + " has passed (block time " + ctx.blockTime()
                    + "); only settle can move it now");
        }
    }

    private static ContractException wrongState(String method, TradeState t, TradeStatus needed) {
        return new ContractException(MarketCodes.WRONG_STATE, method + ": trade " + t.tradeId() + " is "
                + t.status() + (t.status().open() ? "" : " (" + t.closeReason() + ")") + ", this step needs "
                + needed);
    }

}
