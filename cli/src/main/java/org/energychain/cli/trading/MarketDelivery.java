package org.energychain.cli.trading;

import static org.energychain.cli.trading.MarketCommand.MARKET;
import static org.energychain.cli.trading.MarketCommand.listing;
import static org.energychain.cli.trading.MarketCommand.trade;
import static org.energychain.cli.trading.MarketCommand.writePrivate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.RemoteOptions;
import org.energychain.cli.common.StoreOptions;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.node.client.DeliveryReceipt;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.StoredDataset;
import org.energychain.trading.market.BadDeliveryException;
import org.energychain.trading.market.DeliveryCheck;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.RevealArgs;
import org.energychain.trading.market.TradeRef;
import org.energychain.trading.market.TradeState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The delivery of a bought dataset, seller and buyer in turn: {@code market deliver} (seal and serve),
 * {@code receive} (fetch and confirm receipt), {@code reveal} (the key on chain), then {@code accept} or
 * {@code dispute} (prove a bad chunk on chain).
 */
final class MarketDelivery {
    private MarketDelivery() {
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
            DeliveryReceipt.Received got;
            try {
                if (pkg != null) {
                    got = DeliveryReceipt.check(t, Files.readAllBytes(pkg));
                } else {
                    // the endpoint is the seller's word: only a delivery path of this chain is fetched, and the
                    // request is addressed to the seller as the chain records it, never to whatever node the
                    // endpoint names
                    String endpoint = listing(client, remote.chain(), t.listingId()).listing().endpoint();
                    got = DeliveryReceipt.fetch(remote.chain(), t, endpoint, DeliveryReceipt.packageBytes(t),
                            (uri, max) -> client.fetchDelivery(remote.chain(), t.seller(), uri, trade, max));
                }
            } catch (DeliveryReceipt.NotReceived e) {
                switch (e.problem()) {
                    case ENDPOINT -> out().printf("not fetching the package of trade %s: %s%nask the seller for the "
                            + "package (--package FILE), or after the delivery deadline 'market settle --trade %s' "
                            + "refunds you%n", trade, e.getMessage(), trade);
                    case PACKAGE -> out().printf("package for trade %s is NOT acceptable: %s%nnot confirming receipt; "
                            + "after the receipt deadline 'market settle --trade %s' refunds you%n", trade,
                            e.getMessage(), trade);
                    case SELLER -> throw (NodeClientException) e.getCause();
                }
                out().flush();
                return ExitCodes.VERIFICATION_FAILED;
            }
            byte[] bytes = got.bytes();
            DeliveryPackage p = got.pkg();
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
}
