package org.energychain.cli.trading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.Remote;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.RemoteOptions;
import org.energychain.cli.common.SignedCalls;
import org.energychain.cli.common.StoreOptions;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.node.client.DeliveryEndpoint;
import org.energychain.node.client.NodeClient;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.StoredDataset;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.market.AccountBalance;
import org.energychain.trading.market.BadDeliveryException;
import org.energychain.trading.market.DeliveryCheck;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.DepositArgs;
import org.energychain.trading.market.FairExchange;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.MarketTotals;
import org.energychain.trading.market.PurchaseArgs;
import org.energychain.trading.market.RevealArgs;
import org.energychain.trading.market.Step;
import org.energychain.trading.market.TradePage;
import org.energychain.trading.market.TradeRef;
import org.energychain.trading.market.TradeState;
import org.energychain.trading.market.TradesQuery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain market}: the data market of the trading chain (docs/market.md). A buyer pays into
 * escrow, the seller seals the dataset for the buyer and serves it from its own node, the buyer checks
 * and confirms receipt, the seller reveals the key on chain, and the buyer either accepts (the seller is
 * paid) or proves a bad chunk on chain (the buyer is refunded).
 */
@Command(name = "market", mixinStandardHelpOptions = true,
        description = "Buy and sell D1 data on the trading chain: deposit, offer, buy, deliver, receive, reveal, "
                + "accept, dispute, settle, balance, trade, history.",
        subcommands = {MarketCommand.Deposit.class, MarketCommand.Offer.class, MarketCommand.Buy.class,
            MarketCommand.Deliver.class, MarketCommand.Receive.class, MarketCommand.Reveal.class,
            MarketCommand.Accept.class, MarketCommand.Dispute.class, MarketCommand.Settle.class,
            MarketCommand.Balance.class, MarketCommand.Trade.class, MarketCommand.History.class,
            MarketCommand.Configure.class})
public final class MarketCommand implements Runnable {
    static final String MARKET = MarketContract.NAME;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    // ---- shared helpers -------------------------------------------------------------------------

    static TradeState trade(RemoteOptions remote, String tradeId) throws IOException {
        return TradeState.decode(remote.client().query(remote.chain(), MARKET, MarketContract.TRADE,
                new TradeRef(tradeId).encode()));
    }

    static ListingRecord listing(NodeClient client, String chain, String listingId) {
        return ListingRecord.decode(client.query(chain, CatalogCommand.CONTRACT, "listing",
                org.energychain.trading.catalog.CatalogContract.idArgs(listingId)));
    }

    /** Writes a file atomically (temp + rename), readable only by its owner where the file system allows. */
    static void writePrivate(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: rely on the directory's permissions
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String describe(TradeState t) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("trade %s: %s%n  listing %s (version %d)  seller %s  buyer %s  price %d  escrow %d%n",
                t.tradeId(), t.status().name().toLowerCase(java.util.Locale.ROOT), t.listingId(), t.listingVersion(),
                t.seller(), t.buyer(), t.price(), t.escrow()));
        step(b, "purchased", t.purchased());
        step(b, "delivered", t.delivered());
        step(b, "received", t.received());
        step(b, "key revealed", t.revealed());
        if (t.closed() != null) {
            step(b, "closed (" + t.closeReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (t.disputedChunk() >= 0 ? ", chunk " + t.disputedChunk() : "") + ")", t.closed());
        }
        return b.toString();
    }

    private static void step(StringBuilder b, String what, Step s) {
        if (s != null) {
            b.append(String.format("  %-22s by %-8s at %s, block %d, tx %s%n", what, s.sender(), s.time(), s.height(),
                    s.txId()));
        }
    }

    static ObjectNode json(TradeState t) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("tradeId", t.tradeId()).put("listingId", t.listingId())
                .put("listingVersion", t.listingVersion()).put("seller", t.seller()).put("buyer", t.buyer())
                .put("hash", t.hash()).put("contentRoot", Hex.encode(t.contentRoot())).put("sizeBytes", t.sizeBytes())
                .put("price", t.price()).put("escrow", t.escrow())
                .put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        stepJson(n, "purchased", t.purchased());
        stepJson(n, "delivered", t.delivered());
        if (t.cipherRoot() != null) {
            n.put("cipherRoot", Hex.encode(t.cipherRoot())).put("keyCommitment", Hex.encode(t.keyCommitment()));
        }
        stepJson(n, "received", t.received());
        stepJson(n, "revealed", t.revealed());
        stepJson(n, "closed", t.closed());
        if (t.closed() != null) {
            n.put("closeReason", t.closeReason().name().toLowerCase(java.util.Locale.ROOT));
            if (t.disputedChunk() >= 0) {
                n.put("disputedChunk", t.disputedChunk());
            }
        }
        return n;
    }

    private static void stepJson(ObjectNode n, String name, Step s) {
        if (s != null) {
            n.putObject(name).put("by", s.sender()).put("txId", s.txId()).put("height", s.height())
                    .put("time", s.time().toString());
        }
    }

    // ---- commands -------------------------------------------------------------------------------

    @Command(name = "deposit", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Credit an account with money received off chain (the platform, as settlement agent).")
    static final class Deposit extends RemoteCommand {
        @Option(names = "--account", required = true, paramLabel = "MEMBER")
        String account;

        @Option(names = "--amount", required = true, paramLabel = "MINOR_UNITS")
        long amount;

        @Option(names = "--reference", defaultValue = "unreferenced", paramLabel = "TEXT",
                description = "e.g. the bank transfer id (default: ${DEFAULT-VALUE}).")
        String reference;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("deposit");
            return submit(MARKET, MarketContract.DEPOSIT, new DepositArgs(account, amount, reference).encode(),
                    "deposit of " + amount + " to " + account);
        }
    }

    @Command(name = "configure", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The platform sets the market's deadlines (ISO-8601 durations, e.g. PT24H); trades keep the "
                    + "deadlines in force when they were bought. Without options, prints the current ones.")
    static final class Configure extends RemoteCommand {
        @Option(names = "--deliver", paramLabel = "DURATION", description = "Purchase to delivery commitment.")
        java.time.Duration deliver;

        @Option(names = "--receipt", paramLabel = "DURATION", description = "Delivery to the buyer's receipt.")
        java.time.Duration receipt;

        @Option(names = "--reveal", paramLabel = "DURATION", description = "Receipt to the key reveal.")
        java.time.Duration reveal;

        @Option(names = "--dispute", paramLabel = "DURATION", description = "Key reveal to the end of the dispute window.")
        java.time.Duration dispute;

        @Override
        protected Integer work() throws Exception {
            org.energychain.trading.market.MarketConfig now = org.energychain.trading.market.MarketConfig.decode(
                    remote.client().query(remote.chain(), MARKET, MarketContract.CONFIG, new byte[0]));
            if (deliver == null && receipt == null && reveal == null && dispute == null) {
                if (json) {
                    Json.print(out(), Json.MAPPER.createObjectNode().put("deliver", now.deliver().toString())
                            .put("receipt", now.receipt().toString()).put("reveal", now.reveal().toString())
                            .put("dispute", now.dispute().toString()));
                } else {
                    out().printf("deliver %s, receipt %s, reveal %s, dispute %s%n", now.deliver(), now.receipt(),
                            now.reveal(), now.dispute());
                }
                out().flush();
                return ExitCodes.OK;
            }
            remote.requireSigner("configure");
            org.energychain.trading.market.MarketConfig next = new org.energychain.trading.market.MarketConfig(
                    deliver != null ? deliver : now.deliver(), receipt != null ? receipt : now.receipt(),
                    reveal != null ? reveal : now.reveal(), dispute != null ? dispute : now.dispute());
            return submit(MARKET, MarketContract.CONFIGURE, next.encode(), "market deadlines " + next);
        }
    }

    @Command(name = "offer", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Offer D1 datasets for sale: publishes their summary blocks (same as 'catalog publish').")
    static final class Offer extends CatalogCommand.Publish {
    }

    @Command(name = "buy", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Buy a listed dataset: the price moves from your balance into escrow. Prints the trade id.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:bought", "1:the contract refused it",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class Buy extends RemoteCommand {
        @Option(names = "--listing", required = true, paramLabel = "ID")
        String listing;

        @Option(names = "--max-price", paramLabel = "MINOR_UNITS", description = "Refuse to pay more (default: the listed price).")
        Long maxPrice;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("buy");
            NodeClient client = remote.client();
            ListingRecord r = listing(client, remote.chain(), listing);
            long max = maxPrice != null ? maxPrice : r.listing().price();
            SignedCalls.Outcome o = SignedCalls.submitAll(remote, MARKET, MarketContract.PURCHASE,
                    List.of(new PurchaseArgs(listing, r.version(), max).encode())).get(0);
            HashFunction h = Remote.chainHash(client, remote.chain());
            String tradeId = FairExchange.tradeId(h, o.txId());
            if (json) {
                Json.print(out(), Json.MAPPER.createObjectNode().put("tradeId", o.ok() ? tradeId : null)
                        .put("txId", o.txId()).put("code", o.code()).put("message", o.message()).put("height", o.height())
                        .put("price", r.listing().price()).put("seller", r.seller()));
            } else if (o.ok()) {
                out().printf("bought %s from %s for %d (in escrow): trade %s%n", listing, r.seller(),
                        r.listing().price(), tradeId);
            } else {
                out().printf("purchase refused by the contract, code %d: %s%n", o.code(), o.message());
            }
            out().flush();
            return o.ok() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    @Command(name = "deliver", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Seller: seal the dataset of a trade for its buyer (fresh AES-256 key), put the package in "
                    + "the node's deliveries directory (--outbox) and commit cipher root and key commitment on chain. "
                    + "The key is kept in --key-dir until 'market reveal'.")
    static final class Deliver extends RemoteCommand {
        @Mixin
        StoreOptions store;

        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Option(names = "--outbox", required = true, paramLabel = "DIR",
                description = "The seller node's deliveries directory (<data-dir>/deliveries).")
        Path outbox;

        @Option(names = "--key-dir", required = true, paramLabel = "DIR", description = "Where trade keys are kept (secret).")
        Path keyDir;

        @Option(names = "--simulate-fraud", hidden = true,
                description = "Demos and tests only: corrupt one encrypted chunk while claiming the true leaves.")
        boolean fraud;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("deliver");
            TradeState t = trade(remote, trade);
            if (!t.seller().equals(remote.member())) {
                throw new IllegalArgumentException("trade " + trade + " is sold by " + t.seller() + ", not " + remote.member());
            }
            byte[] data;
            try (OffChainStore s = store.open()) {
                StoredDataset d = s.dataset(t.listingId()).orElseThrow(() -> new IllegalArgumentException(
                        "the store holds no dataset " + t.listingId() + " (destroyed, or another store?)"));
                data = d.dataset().payload();
            }
            HashFunction h = HashFunctions.byName(t.hash());
            if (!java.util.Arrays.equals(ContentRoot.root(h, data), t.contentRoot())) {
                throw new IllegalArgumentException("the stored dataset " + t.listingId()
                        + " does not hash to the Hash(D1) sold in trade " + trade + "; not delivering it");
            }
            byte[] key = DeliveryPackage.newKey(new SecureRandom());
            DeliveryPackage p = DeliveryPackage.seal(h, trade, data, key);
            if (fraud) {
                List<byte[]> ct = new ArrayList<>(p.ciphertexts());
                byte[] bad = ct.get(0).clone();
                bad[0] ^= 0x5a;
                ct.set(0, bad);
                p = new DeliveryPackage(p.hash(), p.tradeId(), p.keyCommitment(), ct, p.claimedLeaves());
            }
            writePrivate(keyDir.resolve(trade + ".key"), key);
            writePrivate(outbox.resolve(DeliveryPackage.fileName(trade)), p.encode());
            return submit(MARKET, MarketContract.DELIVER, p.deliverArgs(t.buyer()).encode(),
                    "delivery of trade " + trade + " (" + p.chunkCount() + " chunks) to " + t.buyer());
        }
    }

    @Command(name = "receive", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Buyer: fetch the sealed package from the seller's endpoint (or --package FILE), check it "
                    + "against the chain (cipher root, key commitment, claimed leaves root to Hash(D1)), keep it in "
                    + "--inbox and confirm receipt on chain.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:received and confirmed",
                "1:the package is wrong (not confirmed; settle after the deadline for a refund) or refused",
                "2:bad input", "3:node or seller unreachable"})
    static final class Receive extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Option(names = "--inbox", required = true, paramLabel = "DIR")
        Path inbox;

        @Option(names = "--package", paramLabel = "FILE", description = "A package received by other means.")
        Path pkg;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("receive");
            NodeClient client = remote.client();
            TradeState t = trade(remote, trade);
            if (!t.buyer().equals(remote.member())) {
                throw new IllegalArgumentException("trade " + trade + " was bought by " + t.buyer() + ", not " + remote.member());
            }
            byte[] bytes;
            if (pkg != null) {
                bytes = Files.readAllBytes(pkg);
            } else {
                // the endpoint is the seller's word: only a delivery path of this chain is fetched, and the request
                // is addressed to the seller as the chain records it, never to whatever node the endpoint names
                String endpoint = listing(client, remote.chain(), t.listingId()).listing().endpoint();
                URI uri;
                try {
                    uri = URI.create(endpoint);
                    DeliveryEndpoint.resolve(uri, remote.chain(), trade);
                } catch (IllegalArgumentException e) {
                    out().printf("not fetching the package of trade %s: %s%nask the seller for the package "
                            + "(--package FILE), or after the delivery deadline 'market settle --trade %s' refunds you%n",
                            trade, e.getMessage(), trade);
                    out().flush();
                    return ExitCodes.VERIFICATION_FAILED;
                }
                bytes = client.fetchDelivery(remote.chain(), t.seller(), uri, trade);
            }
            DeliveryPackage p;
            try {
                p = DeliveryPackage.decode(bytes);
                DeliveryCheck.beforeReceipt(t, p);
            } catch (IllegalArgumentException | BadDeliveryException e) {
                out().printf("package for trade %s is NOT acceptable: %s%nnot confirming receipt; after the receipt "
                        + "deadline 'market settle --trade %s' refunds you%n", trade, e.getMessage(), trade);
                out().flush();
                return ExitCodes.VERIFICATION_FAILED;
            }
            writePrivate(inbox.resolve(DeliveryPackage.fileName(trade)), bytes);
            return submit(MARKET, MarketContract.CONFIRM_RECEIPT, new TradeRef(trade).encode(),
                    "receipt of trade " + trade + " (" + p.chunkCount() + " chunks, checked against the chain)");
        }
    }

    @Command(name = "reveal", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Seller: reveal the trade's key on chain once the buyer confirmed receipt.")
    static final class Reveal extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Option(names = "--key-dir", required = true, paramLabel = "DIR")
        Path keyDir;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("reveal");
            byte[] key = Files.readAllBytes(keyDir.resolve(trade + ".key"));
            return submit(MARKET, MarketContract.REVEAL_KEY, new RevealArgs(trade, key).encode(),
                    "key of trade " + trade);
        }
    }

    /** Opens the package kept in the inbox with the key revealed on chain. */
    static DeliveryCheck.Opened open(RemoteOptions remote, String trade, Path inbox) throws Exception {
        TradeState t = trade(remote, trade);
        DeliveryPackage p = DeliveryPackage.decode(Files.readAllBytes(inbox.resolve(DeliveryPackage.fileName(trade))));
        return DeliveryCheck.open(t, p);
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Buyer: decrypt with the key revealed on chain and verify every chunk against Hash(D1). If "
                    + "all match, write the dataset to --out and accept (the seller is paid); if a chunk does not, "
                    + "prove it on chain (dispute) and get the money back.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:verified and accepted",
                "1:the data did not match: disputed (refunded unless the contract refused)", "2:bad input",
                "3:node unreachable"})
    static final class Accept extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Option(names = "--inbox", required = true, paramLabel = "DIR")
        Path inbox;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the verified dataset (its canonical encoding, docs/encoding.md).")
        Path outFile;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("accept");
            DeliveryCheck.Opened o;
            try {
                o = open(remote, trade, inbox);
            } catch (BadDeliveryException e) {
                throw new IllegalArgumentException("trade " + trade + ": " + e.getMessage());
            }
            if (o.ok()) {
                writePrivate(outFile, o.dataset());
                return submit(MARKET, MarketContract.ACCEPT, new TradeRef(trade).encode(),
                        "data of trade " + trade + " verified against Hash(D1) (" + o.dataset().length
                                + " bytes in " + outFile + "); acceptance");
            }
            out().printf("chunk %d of trade %s does not decrypt to the data the seller claimed: disputing%n",
                    o.dispute().chunkIndex(), trade);
            int code = submit(MARKET, MarketContract.DISPUTE, o.dispute().encode(), "dispute of trade " + trade);
            return code == ExitCodes.OK ? ExitCodes.VERIFICATION_FAILED : code;
        }
    }

    @Command(name = "dispute", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Buyer: prove on chain that a chunk of the delivery does not match (refund). Refuses when "
                    + "every chunk matches.")
    static final class Dispute extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Option(names = "--inbox", required = true, paramLabel = "DIR")
        Path inbox;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("dispute");
            DeliveryCheck.Opened o = open(remote, trade, inbox);
            if (o.ok()) {
                out().printf("every chunk of trade %s matches Hash(D1): nothing to dispute%n", trade);
                out().flush();
                return ExitCodes.VERIFICATION_FAILED;
            }
            return submit(MARKET, MarketContract.DISPUTE, o.dispute().encode(), "dispute of trade " + trade);
        }
    }

    @Command(name = "settle", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Apply a missed deadline of a trade (refund the buyer, or release to the seller); anyone may.")
    static final class Settle extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("settle");
            return submit(MARKET, MarketContract.SETTLE, new TradeRef(trade).encode(),
                    "settlement of trade " + trade);
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, sortOptions = false,
            description = "An account's balance, and the market's supply and escrow.")
    static final class Balance extends RemoteCommand {
        @Option(names = "--account", paramLabel = "MEMBER", description = "Default: --member.")
        String account;

        @Override
        protected Integer work() throws Exception {
            String a = account != null ? account : remote.member();
            if (a == null) {
                throw new IllegalArgumentException("give --account (or --member)");
            }
            NodeClient client = remote.client();
            AccountBalance b = AccountBalance.decode(client.query(remote.chain(), MARKET, MarketContract.BALANCE,
                    AccountBalance.of(a).encode()));
            MarketTotals t = MarketTotals.decode(client.query(remote.chain(), MARKET, MarketContract.SUPPLY, new byte[0]));
            if (json) {
                Json.print(out(), Json.MAPPER.createObjectNode().put("account", a).put("balance", b.balance())
                        .put("supply", t.supply()).put("escrow", t.escrow()).put("openTrades", t.openTrades()));
            } else {
                out().printf("%s: %d   (market: supply %d, in escrow %d, %d open trade(s))%n", a, b.balance(),
                        t.supply(), t.escrow(), t.openTrades());
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "trade", mixinStandardHelpOptions = true, sortOptions = false,
            description = "One trade with every step: who, when, which transaction.")
    static final class Trade extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Override
        protected Integer work() throws Exception {
            TradeState t = trade(remote, trade);
            if (json) {
                Json.print(out(), json(t));
            } else {
                out().print(describe(t));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The trade history of a buyer, a seller or a listing.")
    static final class History extends RemoteCommand {
        static final class Who {
            @Option(names = "--buyer", paramLabel = "MEMBER")
            String buyer;

            @Option(names = "--seller", paramLabel = "MEMBER")
            String seller;

            @Option(names = "--listing", paramLabel = "ID")
            String listing;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Override
        protected Integer work() throws Exception {
            TradesQuery q = who.buyer != null ? TradesQuery.first(TradesQuery.By.BUYER, who.buyer)
                    : who.seller != null ? TradesQuery.first(TradesQuery.By.SELLER, who.seller)
                    : TradesQuery.first(TradesQuery.By.LISTING, who.listing);
            NodeClient client = remote.client();
            List<TradeState> all = new ArrayList<>();
            long total;
            while (true) {
                TradePage page = TradePage.decode(client.query(remote.chain(), MARKET, MarketContract.TRADES, q.encode()));
                all.addAll(page.trades());
                total = page.total();
                if (page.trades().isEmpty() || all.size() >= total) {
                    break;
                }
                q = new TradesQuery(q.by(), q.id(), page.from() + page.trades().size(), q.limit());
            }
            if (json) {
                ArrayNode arr = Json.MAPPER.createArrayNode();
                all.forEach(t -> arr.add(json(t)));
                Json.print(out(), arr);
            } else {
                out().printf("%d trade(s)%n", total);
                all.forEach(t -> out().print(describe(t)));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }
}
