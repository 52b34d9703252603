package org.energychain.trading.market;

/**
 * Where a trade is. The first four hold the price in escrow; {@link #RELEASED} (paid to the seller) and
 * {@link #REFUNDED} (paid back to the buyer) are final. Encoded as u8 in declaration order.
 */
public enum TradeStatus {
    PURCHASED, DELIVERED, RECEIVED, REVEALED, RELEASED, REFUNDED;

    public boolean open() {
        return this != RELEASED && this != REFUNDED;
    }
}
