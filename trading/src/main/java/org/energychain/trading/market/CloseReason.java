package org.energychain.trading.market;

/**
 * Why a trade's escrow went where it went; encoded as u8 in declaration order, {@link #NONE} while open.
 */
public enum CloseReason {
    /** Still open. */
    NONE(null),
    /** The buyer accepted the data: released to the seller. */
    ACCEPTED(TradeStatus.RELEASED),
    /** The buyer proved a chunk does not decrypt to its claimed leaf: refunded. */
    DISPUTE_UPHELD(TradeStatus.REFUNDED),
    /** The seller did not deliver in time: refunded. */
    DELIVERY_MISSED(TradeStatus.REFUNDED),
    /** The buyer did not confirm receipt in time (the key was never revealed): refunded. */
    RECEIPT_MISSED(TradeStatus.REFUNDED),
    /** The seller did not reveal the key in time: refunded. */
    REVEAL_MISSED(TradeStatus.REFUNDED),
    /** The dispute window closed without a dispute: released to the seller. */
    DISPUTE_WINDOW_OVER(TradeStatus.RELEASED);

    private final TradeStatus outcome;

    CloseReason(TradeStatus outcome) {
        this.outcome = outcome;
    }

    /** The final status this reason leads to. */
    public TradeStatus outcome() {
        return outcome;
    }
}
