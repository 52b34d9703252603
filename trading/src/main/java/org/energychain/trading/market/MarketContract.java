package org.energychain.trading.market;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/**
 * The data market of the trading chain (paper II.B): buyers pay for D1 datasets listed in the catalogue
 * and receive them encrypted, peer to peer, in a fair exchange (FairSwap-style, docs/market.md): the price
 * sits in escrow; the seller commits to the ciphertext and to the key; the buyer confirms it holds
 * ciphertext whose claimed plaintext leaves root to the listing's {@code Hash(D1)}; only then the seller
 * reveals the key on chain; a buyer who finds a chunk that does not decrypt to its claimed leaf proves
 * it with that one chunk and is refunded, otherwise the seller is paid. Every missed deadline has a
 * defined winner, and {@code settle} (anyone) applies it, since a contract cannot act by itself.
 *
 * <p>Money: balances in minor units, created only by {@code deposit} (PLATFORM, for money received off
 * chain) and destroyed only by {@code withdraw}; {@code sum(balances) + escrow == supply} after every
 * transaction. Stateless and deterministic: block time is the only clock.
 */
public final class MarketContract implements Contract {
    public static final String NAME = "market";
    /** The catalogue contract whose {@link ListingRecord}s are bought. */
    public static final String CATALOG = "catalog";

    public static final String DEPOSIT = "deposit";
    public static final String WITHDRAW = "withdraw";
    public static final String CONFIGURE = "configure";
    public static final String PURCHASE = "purchase";
    public static final String DELIVER = "deliver";
    public static final String CONFIRM_RECEIPT = "confirm-receipt";
    public static final String REVEAL_KEY = "reveal-key";
    public static final String ACCEPT = "accept";
    public static final String DISPUTE = "dispute";
    public static final String SETTLE = "settle";
    public static final String BALANCE = "balance";
    public static final String SUPPLY = "supply";
    public static final String CONFIG = "config";
    public static final String TRADE = "trade";
    public static final String TRADES = "trades";

    private static final String[] BUYERS = {TradingRoles.BUYER, TradingRoles.GRID, TradingRoles.GROUP};
    private static final Map<String, MethodSpec> METHODS = Map.ofEntries(
            Map.entry(DEPOSIT, MethodSpec.submit(TradingRoles.PLATFORM)),
            Map.entry(WITHDRAW, MethodSpec.submit()),
            Map.entry(CONFIGURE, MethodSpec.submit(TradingRoles.PLATFORM)),
            Map.entry(PURCHASE, MethodSpec.submit(BUYERS)),
            Map.entry(DELIVER, MethodSpec.submit()),
            Map.entry(CONFIRM_RECEIPT, MethodSpec.submit(BUYERS)),
            Map.entry(REVEAL_KEY, MethodSpec.submit()),
            Map.entry(ACCEPT, MethodSpec.submit(BUYERS)),
            Map.entry(DISPUTE, MethodSpec.submit(BUYERS)),
            Map.entry(SETTLE, MethodSpec.submit()),
            Map.entry(BALANCE, MethodSpec.query()),
            Map.entry(SUPPLY, MethodSpec.query()),
            Map.entry(CONFIG, MethodSpec.query()),
            Map.entry(TRADE, MethodSpec.query()),
            Map.entry(TRADES, MethodSpec.query()));

    static final String SUPPLY_KEY = "supply";
    static final String ESCROW_KEY = "escrow";
    static final String OPEN_COUNT_KEY = "open-trades";
    static final String CONFIG_KEY = "config";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, MethodSpec> methods() {
        return METHODS;
    }

    @Override
    public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
        switch (method) {
            case DEPOSIT -> deposit(ctx, ContractArgs.decode(method, args, DepositArgs::decode));
            case WITHDRAW -> withdraw(ctx, ContractArgs.decode(method, args, WithdrawArgs::decode));
            case CONFIGURE -> configure(ctx, ContractArgs.decode(method, args, MarketConfig::decode));
            case PURCHASE -> purchase(ctx, ContractArgs.decode(method, args, PurchaseArgs::decode));
            case DELIVER -> deliver(ctx, ContractArgs.decode(method, args, DeliverArgs::decode));
            case CONFIRM_RECEIPT -> confirmReceipt(ctx, ContractArgs.decode(method, args, TradeRef::decode));
            case REVEAL_KEY -> revealKey(ctx, ContractArgs.decode(method, args, RevealArgs::decode));
            case ACCEPT -> accept(ctx, ContractArgs.decode(method, args, TradeRef::decode));
            case DISPUTE -> dispute(ctx, ContractArgs.decode(method, args, DisputeProof::decode));
            case SETTLE -> settle(ctx, ContractArgs.decode(method, args, TradeRef::decode));
            default -> throw new ContractException(MarketCodes.REJECTED, NAME + " has no submit method " + method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case BALANCE -> {
                String account = ContractArgs.decode(method, args, AccountBalance::decode).account();
                yield new AccountBalance(account, balance(ctx, account)).encode();
            }
            case SUPPLY -> new MarketTotals(Wire.readI64(ctx.get(SUPPLY_KEY)), Wire.readI64(ctx.get(ESCROW_KEY)),
                    Wire.readI64(ctx.get(OPEN_COUNT_KEY))).encode();
            case CONFIG -> config(ctx).encode();
            case TRADE -> trade(ctx, TRADE, ContractArgs.decode(method, args, TradeRef::decode).tradeId()).encode();
            case TRADES -> trades(ctx, ContractArgs.decode(method, args, TradesQuery::decode)).encode();
            default -> throw new ContractException(MarketCodes.REJECTED, NAME + " has no query " + method);
        };
    }

    // ---- money ----

    private static void deposit(TxContext ctx, DepositArgs a) throws ContractException {
        String refKey = "deposit-ref/" + a.reference();
        if (ctx.get(refKey) != null) {
            throw new ContractException(MarketCodes.DUPLICATE, DEPOSIT + ": reference " + a.reference()
                    + " was already credited (in tx " + new String(ctx.get(refKey), StandardCharsets.UTF_8) + ")");
        }
        long supply = Wire.readI64(ctx.get(SUPPLY_KEY));
        long newSupply;
        try {
            newSupply = Math.addExact(supply, a.amount());
        } catch (ArithmeticException e) {
            throw new ContractException(MarketCodes.OVERFLOW, DEPOSIT + ": amount " + a.amount()
                    + " would overflow the supply " + supply);
        }
        long bal = balance(ctx, a.account()) + a.amount();
        ctx.put(SUPPLY_KEY, Wire.i64(newSupply));
        setBalance(ctx, a.account(), bal);
        ctx.put(refKey, ctx.txId().getBytes(StandardCharsets.UTF_8));
        ctx.emit(MarketEvents.DEPOSITED, new MarketEvents.AccountEvent(a.account(), a.amount(), a.reference(), bal)
                .encode());
    }

    private static void withdraw(TxContext ctx, WithdrawArgs a) throws ContractException {
        String holder = ctx.sender();
        String refKey = "withdraw-ref/" + holder + "/" + a.reference();
        if (ctx.get(refKey) != null) {
            throw new ContractException(MarketCodes.DUPLICATE, WITHDRAW + ": " + holder + " already used payout reference "
                    + a.reference());
        }
        long bal = balance(ctx, holder);
        if (bal < a.amount()) {
            throw new ContractException(MarketCodes.INSUFFICIENT_FUNDS, WITHDRAW + ": " + holder + " holds " + bal
                    + ", cannot withdraw " + a.amount());
        }
        ctx.put(SUPPLY_KEY, Wire.i64(Wire.readI64(ctx.get(SUPPLY_KEY)) - a.amount()));
        setBalance(ctx, holder, bal - a.amount());
        ctx.put(refKey, ctx.txId().getBytes(StandardCharsets.UTF_8));
        ctx.emit(MarketEvents.WITHDRAWN, new MarketEvents.AccountEvent(holder, a.amount(), a.reference(),
                bal - a.amount()).encode());
    }

    private static void configure(TxContext ctx, MarketConfig c) {
        ctx.put(CONFIG_KEY, c.encode());
        ctx.emit(MarketEvents.CONFIGURED, c.encode());
    }

    // ---- trade steps ----

    private static void purchase(TxContext ctx, PurchaseArgs a) throws ContractException {
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
        ctx.put(ESCROW_KEY, Wire.i64(Wire.readI64(ctx.get(ESCROW_KEY)) + l.price()));
        ctx.put(OPEN_COUNT_KEY, Wire.i64(Wire.readI64(ctx.get(OPEN_COUNT_KEY)) + 1));
        ctx.put(openKey, id.getBytes(StandardCharsets.UTF_8));
        index(ctx, TradesQuery.By.BUYER, buyer, id);
        index(ctx, TradesQuery.By.SELLER, rec.seller(), id);
        index(ctx, TradesQuery.By.LISTING, l.id(), id);
        save(ctx, t);
        ctx.emit(MarketEvents.PURCHASED, MarketEvents.TradeEvent.of(t).encode());
    }

    private static void deliver(TxContext ctx, DeliverArgs a) throws ContractException {
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

    private static void confirmReceipt(TxContext ctx, TradeRef a) throws ContractException {
        TradeState t = trade(ctx, CONFIRM_RECEIPT, a.tradeId());
        party(ctx, CONFIRM_RECEIPT, t, t.buyer(), "buyer");
        step(ctx, CONFIRM_RECEIPT, t, TradeStatus.DELIVERED);
        t = t.received(Step.of(ctx));
        save(ctx, t);
        ctx.emit(MarketEvents.RECEIVED, MarketEvents.TradeEvent.of(t).encode());
    }

    private static void revealKey(TxContext ctx, RevealArgs a) throws ContractException {
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

    private static void accept(TxContext ctx, TradeRef a) throws ContractException {
        TradeState t = trade(ctx, ACCEPT, a.tradeId());
        party(ctx, ACCEPT, t, t.buyer(), "buyer");
        if (t.status() != TradeStatus.REVEALED) {
            throw wrongState(ACCEPT, t, TradeStatus.REVEALED);
        }
        // after the dispute deadline the outcome is the same (release), so accepting late is harmless
        close(ctx, t, CloseReason.ACCEPTED, -1, MarketEvents.ACCEPTED);
    }

    private static void dispute(TxContext ctx, DisputeProof p) throws ContractException {
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

    private static void settle(TxContext ctx, TradeRef a) throws ContractException {
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
    private static void close(TxContext ctx, TradeState t, CloseReason reason, int chunk, String stepEvent) {
        TradeState closed = t.closed(Step.of(ctx), reason, chunk);
        String payee = closed.payee();
        setBalance(ctx, payee, balance(ctx, payee) + t.price());
        ctx.put(ESCROW_KEY, Wire.i64(Wire.readI64(ctx.get(ESCROW_KEY)) - t.price()));
        ctx.put(OPEN_COUNT_KEY, Wire.i64(Wire.readI64(ctx.get(OPEN_COUNT_KEY)) - 1));
        ctx.delete(openKey(t.buyer(), t.listingId()));
        save(ctx, closed);
        byte[] e = MarketEvents.TradeEvent.of(closed).encode();
        if (stepEvent != null) {
            ctx.emit(stepEvent, e);
        }
        ctx.emit(closed.status() == TradeStatus.RELEASED ? MarketEvents.RELEASED : MarketEvents.REFUNDED, e);
    }

    // ---- checks ----

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

    // ---- state ----

    private static TradeState trade(QueryContext ctx, String method, String id) throws ContractException {
        byte[] v = ctx.get(tradeKey(id));
        if (v == null) {
            throw new ContractException(MarketCodes.NOT_FOUND, method + ": no trade " + id);
        }
        return TradeState.decode(v);
    }

    private static void save(TxContext ctx, TradeState t) {
        ctx.put(tradeKey(t.tradeId()), t.encode());
    }

    private static MarketConfig config(QueryContext ctx) {
        byte[] v = ctx.get(CONFIG_KEY);
        return v == null ? MarketConfig.DEFAULT : MarketConfig.decode(v);
    }

    static long balance(QueryContext ctx, String account) {
        return Wire.readI64(ctx.get(balanceKey(account)));
    }

    private static void setBalance(TxContext ctx, String account, long value) {
        if (value < 0) {
            throw new IllegalStateException("balance of " + account + " would become " + value);
        }
        ctx.put(balanceKey(account), Wire.i64(value));
    }

    private static void index(TxContext ctx, TradesQuery.By by, String id, String tradeId) {
        String count = indexCountKey(by, id);
        long n = Wire.readI64(ctx.get(count));
        ctx.put(indexKey(by, id, n), tradeId.getBytes(StandardCharsets.UTF_8));
        ctx.put(count, Wire.i64(n + 1));
    }

    private static TradePage trades(QueryContext ctx, TradesQuery q) throws ContractException {
        long total = Wire.readI64(ctx.get(indexCountKey(q.by(), q.id())));
        List<TradeState> out = new ArrayList<>();
        for (long i = q.from(); i < total && i < q.from() + q.limit(); i++) {
            byte[] id = ctx.get(indexKey(q.by(), q.id(), i));
            if (id == null) {
                throw new IllegalStateException("trade index " + q.by() + " " + q.id() + " misses entry " + i);
            }
            out.add(trade(ctx, TRADES, new String(id, StandardCharsets.UTF_8)));
        }
        return new TradePage(total, q.from(), out);
    }

    static String balanceKey(String account) {
        return "balance/" + account;
    }

    static String tradeKey(String id) {
        return "trade/" + id;
    }

    /** {@code '|'} cannot occur in member or listing ids, so no key of one buyer is a prefix of another's. */
    private static String openKey(String buyer, String listingId) {
        return "open/" + buyer + "|" + listingId;
    }

    private static String indexKey(TradesQuery.By by, String id, long n) {
        return "idx/" + by.name().toLowerCase(java.util.Locale.ROOT) + "/" + id + "|" + Wire.seq(n);
    }

    private static String indexCountKey(TradesQuery.By by, String id) {
        return "idx-count/" + by.name().toLowerCase(java.util.Locale.ROOT) + "/" + id;
    }
}
