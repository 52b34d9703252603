package org.energychain.cli.trading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteOptions;
import org.energychain.crypto.Hex;
import org.energychain.node.client.NodeClient;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.Step;
import org.energychain.trading.market.TradeRef;
import org.energychain.trading.market.TradeState;
import picocli.CommandLine.Command;
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
        subcommands = {MarketAccounts.Deposit.class, MarketTrades.Offer.class, MarketTrades.Buy.class,
            MarketDelivery.Deliver.class, MarketDelivery.Receive.class, MarketDelivery.Reveal.class,
            MarketDelivery.Accept.class, MarketDelivery.Dispute.class, MarketTrades.Settle.class,
            MarketAccounts.Balance.class, MarketTrades.Trade.class, MarketTrades.History.class,
            MarketAccounts.Configure.class})
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

}
