package org.energychain.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.store.TxLocation;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.JsonViews;
import org.energychain.node.client.DeliveryReceipt;
import org.energychain.node.trading.PlatformCatalogues;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.CatalogIndex;
import org.energychain.trading.directory.DirectoryNode;
import org.energychain.trading.directory.DirectoryPage;
import org.energychain.trading.market.AccountBalance;
import org.energychain.trading.market.BadDeliveryException;
import org.energychain.trading.market.DeliveryCheck;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.PurchaseArgs;
import org.energychain.trading.market.Step;
import org.energychain.trading.market.TradePage;
import org.energychain.trading.market.TradeRef;
import org.energychain.trading.market.TradeState;
import org.energychain.trading.market.TradesQuery;

/**
 * The buyer's pages on the trading chains this node runs: the five-level summary directory (the
 * catalogue's {@link CatalogIndex}: on a platform node the one its catalogue routes keep, so that the node
 * holds one copy; elsewhere one the console keeps), search, a listing with its on-chain
 * check (the transaction that made it is in the block the record names and carries exactly this listing),
 * purchase as the node's organisation, its trades with their steps, and its balance.
 */
final class BuyerViews implements AutoCloseable {
    /** The largest package the console fetches or takes (a larger one: {@code energychain market receive}). */
    static final long MAX_PACKAGE_BYTES = 64L << 20;
    private final Node node;
    private final java.util.Set<String> markets = new java.util.LinkedHashSet<>();
    private final Map<String, CatalogIndex> indexes = new LinkedHashMap<>();
    private boolean closed;
    /** Received packages by chain/trade, until opened. */
    private final ReceivedPackages packages = new ReceivedPackages(64, 256L << 20);

    BuyerViews(Node node) {
        this.node = node;
        for (HostedChain h : node.chains()) {
            if (h.genesis().contracts().contains(CatalogIndex.CONTRACT)
                    && h.genesis().contracts().contains(MarketContract.NAME)) {
                markets.add(h.id());
            }
        }
    }

    /** The trading chains (catalogue and market) of the node. */
    java.util.Set<String> chains() {
        return java.util.Collections.unmodifiableSet(markets);
    }

    /**
     * The directory of chain {@code c}: the platform's, when this node serves the chain's catalogue
     * ({@link PlatformCatalogues}); otherwise the console's own, opened on first use (built from the chain,
     * then following it), so that a node whose console is never used keeps none.
     */
    @SuppressWarnings("NullAway") // a null snapshot path: the console's directory is kept in memory only
    CatalogIndex index(HostedChain c) {
        if (!markets.contains(c.id())) {
            throw new ApiError(404, "NO_MARKET", "chain " + c.id() + " runs no catalogue and market");
        }
        Optional<CatalogIndex> platform = node.shared(PlatformCatalogues.class).flatMap(p -> p.of(c.id()));
        if (platform.isPresent()) {
            return platform.get();
        }
        synchronized (indexes) {
            if (closed) {
                throw new ApiError(503, "UNAVAILABLE", "the node is stopping");
            }
            return indexes.computeIfAbsent(c.id(), id -> CatalogIndex.open(c.chain(), null));
        }
    }

    /** The children of directory {@code path} with their listing counts. */
    ObjectNode tree(HostedChain c, @org.jspecify.annotations.Nullable String path) {
        CatalogIndex.Browse b;
        try {
            b = index(c).browse(path == null ? "" : path);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", String.valueOf(e.getMessage()));
        }
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", c.id()).put("height", b.height())
                .put("path", String.join("/", b.prefix())).put("level", b.prefix().size());
        ArrayNode arr = out.putArray("children");
        for (DirectoryNode n : b.children()) {
            arr.addObject().put("name", n.name()).put("count", n.count());
        }
        return out;
    }

    /** A catalogue search (path with wildcards, time range, price, sort, paging: docs/catalog.md). */
    ObjectNode search(HostedChain c, Map<String, String> params) {
        DirectoryPage page;
        try {
            page = index(c).search(params);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", String.valueOf(e.getMessage()));
        }
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", c.id()).put("height", page.height())
                .put("total", page.total());
        out.put("nextCursor", page.nextCursor());
        ArrayNode arr = out.putArray("listings");
        page.entries().forEach(r -> arr.add(view(r)));
        return out;
    }

    /** One active listing, with the check that the chain made exactly this record. */
    ObjectNode listing(HostedChain c, String id) {
        CatalogIndex.ListingAt found = index(c).listing(id);
        ListingRecord r = found.record().orElseThrow(() -> new ApiError(404, "NOT_FOUND",
                "no active listing " + id + " in the catalogue at height " + found.height()));
        ObjectNode out = view(r);
        out.put("onChain", onChainCheck(c, r));
        return out;
    }

    /** "ok" or what differs: the record's transaction, in the block the record names, published exactly this. */
    private static String onChainCheck(HostedChain c, ListingRecord r) {
        Optional<TxLocation> loc = c.chain().store().locate(Hex.decode(r.txId()));
        if (loc.isEmpty()) {
            return "the transaction " + r.txId() + " that made the listing is not on the chain";
        }
        if (loc.get().height() != r.height()) {
            return "the transaction is in block " + loc.get().height() + ", the record says " + r.height();
        }
        Block b = c.chain().store().block(loc.get().height()).orElseThrow();
        Transaction tx = b.transactions().get(loc.get().index());
        if (!b.results().get(loc.get().index()).isOk()) {
            return "the transaction was refused by the catalogue";
        }
        if (!tx.sender().equals(r.seller()) || !tx.contract().equals(CatalogIndex.CONTRACT)) {
            return "the transaction was sent by " + tx.sender() + " to " + tx.contract() + ", not by the seller "
                    + r.seller() + " to the catalogue";
        }
        try {
            Listing l = Listing.decode(tx.args());
            return java.util.Arrays.equals(l.encode(), r.listing().encode()) ? "ok"
                    : "the transaction published other terms than the record shows";
        } catch (RuntimeException e) {
            return "the transaction " + tx.method() + " does not carry a listing the record could come from";
        }
    }

    static ObjectNode view(ListingRecord r) {
        Listing l = r.listing();
        ObjectNode n = JsonViews.MAPPER.createObjectNode().put("id", l.id()).put("seller", r.seller())
                .put("version", r.version()).put("status", r.status().name()).put("txId", r.txId())
                .put("height", r.height()).put("hash", l.hash()).put("contentRoot", Hex.encode(l.contentRoot()))
                .put("sizeBytes", l.sizeBytes()).put("energyType", l.energyType()).put("dataType", l.dataType())
                .put("region", l.region()).put("group", l.group()).put("unit", l.unit())
                .put("measurement", l.measurement()).put("measurementUnit", l.measurementUnit())
                .put("from", l.from().toString()).put("to", l.to().toString()).put("price", l.price())
                .put("terms", l.terms());
        return n;
    }

    /** Buys a listing at the version seen, for at most {@code maxPrice}, as the node's organisation. */
    ObjectNode purchase(HostedChain c, JsonNode body) {
        index(c);
        JsonNode id = body.get("listingId");
        if (id == null || !id.isTextual() || !body.path("version").canConvertToInt()
                || !body.path("maxPrice").canConvertToLong()) {
            throw new ApiError(400, "MALFORMED", "a purchase needs listingId (text), version and maxPrice (numbers)");
        }
        PurchaseArgs args;
        try {
            args = new PurchaseArgs(id.asText(), body.get("version").asInt(), body.get("maxPrice").asLong());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", String.valueOf(e.getMessage()));
        }
        return MemberWrites.submit(c, MarketContract.NAME, MarketContract.PURCHASE, args.encode());
    }

    /** The organisation's balance and its trades as buyer, each with its steps in order. */
    ObjectNode account(HostedChain c) {
        index(c);
        AccountBalance bal = AccountBalance.decode(MemberWrites.query(c, MarketContract.NAME, MarketContract.BALANCE,
                AccountBalance.of(c.member()).encode()));
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", c.id()).put("member", c.member())
                .put("balance", bal.balance());
        ArrayNode trades = out.putArray("trades");
        TradePage page = TradePage.decode(MemberWrites.query(c, MarketContract.NAME, MarketContract.TRADES,
                TradesQuery.first(TradesQuery.By.BUYER, c.member()).encode()));
        for (TradeState t : page.trades()) {
            ObjectNode n = trades.addObject().put("tradeId", t.tradeId()).put("listingId", t.listingId())
                    .put("seller", t.seller()).put("price", t.price()).put("escrow", t.escrow())
                    .put("status", t.status().name())
                    .put("closeReason", t.closeReason().name().toLowerCase(java.util.Locale.ROOT))
                    .put("disputedChunk", t.disputedChunk());
            ArrayNode steps = n.putArray("steps");
            step(steps, "purchased", t.purchased());
            step(steps, "delivered", t.delivered());
            step(steps, "received", t.received());
            step(steps, "key revealed", t.revealed());
            step(steps, "closed: " + t.closeReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    t.closed());
        }
        return out;
    }

    private static void step(ArrayNode steps, String what, Step s) {
        if (s != null) {
            steps.addObject().put("step", what).put("by", s.sender()).put("height", s.height())
                    .put("time", s.time().toString()).put("txId", s.txId());
        }
    }

    /** The trade {@code tradeId} of the organisation as buyer; 404 if there is none, 403 if another's. */
    private static TradeState myTrade(HostedChain c, String tradeId) {
        TradeState t;
        try {
            t = TradeState.decode(MemberWrites.query(c, MarketContract.NAME, MarketContract.TRADE,
                    new TradeRef(tradeId).encode()));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", "trade id: " + e.getMessage());
        }
        if (!t.buyer().equals(c.member())) {
            throw new ApiError(403, "NOT_YOUR_TRADE", "trade " + tradeId + " is " + t.buyer() + "'s, not "
                    + c.member() + "'s");
        }
        return t;
    }

    /**
     * Receives the sealed package of a trade that came by any channel (a file): it must be what the chain
     * records for the trade ({@link DeliveryReceipt#check}: cipher root, chunk count, key commitment, claimed
     * leaves forming the listing's content root); only then is the receipt confirmed on chain.
     */
    ObjectNode receive(HostedChain c, String tradeId, byte[] packageBytes) {
        index(c);
        TradeState t = myTrade(c, tradeId);
        DeliveryReceipt.Received got;
        try {
            got = DeliveryReceipt.check(t, packageBytes);
        } catch (DeliveryReceipt.NotReceived e) {
            throw notReceived(e);
        }
        return confirm(c, tradeId, got);
    }

    /**
     * Fetches the sealed package of a trade from the seller's delivery endpoint, as the listing on chain
     * names it, and receives it as {@code energychain market receive} does ({@link SellerFetch}): only a
     * delivery path of the chain is asked, the request is signed as the organisation and addressed to the
     * trade's seller, at most {@value #MAX_PACKAGE_BYTES} bytes (and no more than the trade's package can be)
     * are read within {@link SellerFetch#TIMEOUT}, and the receipt is confirmed only for the package the
     * seller committed on chain.
     */
    ObjectNode receiveFromSeller(HostedChain c, String tradeId) {
        index(c);
        TradeState t = myTrade(c, tradeId);
        long size = DeliveryReceipt.packageBytes(t);
        if (size > MAX_PACKAGE_BYTES) {
            throw new ApiError(413, "TOO_LARGE", "the package of trade " + tradeId + " has " + size + " bytes; the "
                    + "console receives at most " + MAX_PACKAGE_BYTES + " (use energychain market receive)");
        }
        ListingRecord listing;
        try {
            listing = ListingRecord.decode(MemberWrites.query(c, CatalogIndex.CONTRACT, CatalogContract.LISTING,
                    CatalogContract.idArgs(t.listingId())));
        } catch (ApiError e) {
            throw new ApiError(409, "NO_ENDPOINT", "the listing " + t.listingId() + " of trade " + tradeId
                    + " is not on the chain, so it names no endpoint to fetch from: " + e.getMessage());
        }
        DeliveryReceipt.Received got;
        try {
            got = SellerFetch.fetch(node, c, t, listing.listing().endpoint(), size);
        } catch (DeliveryReceipt.NotReceived e) {
            throw notReceived(e);
        }
        return confirm(c, tradeId, got);
    }

    private static ApiError notReceived(DeliveryReceipt.NotReceived e) {
        return switch (e.problem()) {
            case ENDPOINT -> new ApiError(422, "BAD_ENDPOINT", "nothing was fetched: " + e.getMessage()
                    + "; ask the seller for the package and receive it from a file, or wait for the delivery "
                    + "deadline to pass (the price comes back then)");
            case SELLER -> new ApiError(502, "SELLER_UNAVAILABLE", "the seller's node did not hand over the package: "
                    + e.getMessage() + "; try again later, or receive the package from a file");
            case PACKAGE -> new ApiError(422, "BAD_DELIVERY", "the package does not match the delivery on chain, so "
                    + "its receipt is not confirmed (the price comes back at the deadline): " + e.getMessage());
        };
    }

    /** Keeps {@code got} to open once the key is revealed, and confirms its receipt on chain. */
    private ObjectNode confirm(HostedChain c, String tradeId, DeliveryReceipt.Received got) {
        synchronized (packages) {
            packages.keep(c.id() + "/" + tradeId, got.pkg(), got.bytes().length);
        }
        return MemberWrites.submit(c, MarketContract.NAME, MarketContract.CONFIRM_RECEIPT,
                new TradeRef(tradeId).encode());
    }

    /**
     * Opens the received package with the key the seller revealed and checks every chunk, as {@code energychain
     * market accept} does: all good, the trade is accepted (the escrow goes to the seller); a bad chunk, it is
     * disputed with its proof instead (the escrow comes back if the chain agrees).
     */
    ObjectNode accept(HostedChain c, String tradeId) {
        DeliveryCheck.Opened o = open(c, tradeId);
        ObjectNode r = o.ok()
                ? MemberWrites.submit(c, MarketContract.NAME, MarketContract.ACCEPT, new TradeRef(tradeId).encode())
                : MemberWrites.submit(c, MarketContract.NAME, MarketContract.DISPUTE, o.dispute().encode());
        r.put("outcome", o.ok() ? "accepted" : "chunk " + o.dispute().chunkIndex() + " does not decrypt to the data"
                + " the seller claimed: disputed");
        return r;
    }

    /**
     * Proves on chain that a chunk of the received package does not decrypt to the leaf the seller claimed for
     * it (the first such chunk), as {@code energychain market dispute} does; refused when every chunk matches.
     */
    ObjectNode dispute(HostedChain c, String tradeId) {
        DeliveryCheck.Opened o = open(c, tradeId);
        if (o.ok()) {
            throw new ApiError(409, "NOTHING_TO_DISPUTE", "every chunk of trade " + tradeId + " decrypts to the data "
                    + "the seller claimed and together they form Hash(D1): there is nothing to dispute");
        }
        ObjectNode r = MemberWrites.submit(c, MarketContract.NAME, MarketContract.DISPUTE, o.dispute().encode());
        r.put("outcome", "disputed chunk " + o.dispute().chunkIndex());
        return r;
    }

    /** The received package of the trade opened with the key revealed on chain. */
    private DeliveryCheck.Opened open(HostedChain c, String tradeId) {
        index(c);
        DeliveryPackage p;
        synchronized (packages) {
            p = packages.get(c.id() + "/" + tradeId).orElse(null);
        }
        if (p == null) {
            throw new ApiError(409, "NO_PACKAGE", "receive the trade's package first (this console keeps no package "
                    + "for trade " + tradeId + ")");
        }
        TradeState t = myTrade(c, tradeId);
        try {
            return DeliveryCheck.open(t, p);
        } catch (BadDeliveryException e) {
            throw new ApiError(409, "CANNOT_OPEN", "the package cannot be opened yet: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (indexes) {
            closed = true;
            indexes.values().forEach(CatalogIndex::close);
            indexes.clear();
        }
    }
}
