package org.energychain.trading.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.genesis.Member;

/**
 * A seller's side of peer-to-peer delivery (docs/market.md), free of any transport: who gets the sealed
 * delivery package of a trade, and the package from the seller's outbox. Only the trade's buyer, as the
 * market contract records it, gets it, and only when it asked the trade's seller (the buyer learns the
 * seller from the chain, not from the listing's endpoint) after the seller committed the delivery. The
 * package is encrypted anyway, and its key is revealed on chain only after the buyer confirmed receipt.
 */
public final class SellerDeliveries {
    /** Why a package is not handed out. */
    public enum Refusal {
        /** No outbox, or the chain runs no market. */
        NO_DELIVERIES,
        /** The trade id is not a trade id. */
        MALFORMED,
        /** The caller did not say who it is. */
        UNAUTHENTICATED,
        /** No such trade, or no package for it in the outbox. */
        NOT_FOUND,
        /** The request was addressed to another member than the trade's seller. */
        WRONG_NODE,
        /** The caller is not the trade's buyer. */
        NOT_THE_BUYER,
        /** The seller has not committed a delivery for the trade. */
        NOT_DELIVERED
    }

    /** A package not handed out, with the reason and a message naming what is wrong. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;

        RefusedException(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private final Path outbox;

    /** @param outbox the seller's outbox of sealed packages ({@link DeliveryPackage#fileName}); null: none */
    public SellerDeliveries(Path outbox) {
        this.outbox = outbox;
    }

    /**
     * The sealed package of {@code trade} on {@code chain} for {@code caller}, who addressed its request
     * to the member {@code addressee}.
     *
     * @param caller the authenticated caller; null when the caller is anonymous
     * @throws RefusedException when the caller may not have it, or there is none
     * @throws IOException when the package cannot be read
     */
    public byte[] fetch(Chain chain, String trade, Member caller, String addressee) throws RefusedException,
            IOException {
        if (outbox == null || !chain.genesis().contracts().contains(MarketContract.NAME)) {
            throw new RefusedException(Refusal.NO_DELIVERIES, "this node serves no deliveries for chain " + chain.id());
        }
        if (!trade.matches("[0-9a-f]{64}")) {
            throw new RefusedException(Refusal.MALFORMED, "trade id must be 64 lower-case hex digits, got '" + trade
                    + "'");
        }
        if (caller == null) {
            throw new RefusedException(Refusal.UNAUTHENTICATED, "sign the request as the trade's buyer");
        }
        TradeState t;
        try {
            t = TradeState.decode(chain.query(MarketContract.NAME, MarketContract.TRADE, new TradeRef(trade).encode(),
                    caller));
        } catch (ContractException e) {
            throw new RefusedException(Refusal.NOT_FOUND, String.valueOf(e.getMessage()));
        }
        if (!t.seller().equals(addressee)) {
            throw new RefusedException(Refusal.WRONG_NODE, "a delivery request is addressed to the trade's seller "
                    + t.seller() + ", this one to " + addressee);
        }
        if (!t.buyer().equals(caller.id())) {
            throw new RefusedException(Refusal.NOT_THE_BUYER, caller.id() + " is not the buyer of trade " + trade);
        }
        if (t.delivered() == null) {
            throw new RefusedException(Refusal.NOT_DELIVERED, "the seller has not committed a delivery for trade "
                    + trade);
        }
        try {
            return Files.readAllBytes(outbox.resolve(DeliveryPackage.fileName(trade)));
        } catch (NoSuchFileException e) {
            throw new RefusedException(Refusal.NOT_FOUND, "this node holds no package for trade " + trade);
        }
    }
}
