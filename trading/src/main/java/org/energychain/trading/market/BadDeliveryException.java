package org.energychain.trading.market;

/**
 * The buyer's check found the delivery unacceptable before receipt (then the buyer does not confirm and
 * is refunded at the receipt deadline, having learnt nothing) or the revealed key is not the committed
 * one. The message says what does not match.
 */
public class BadDeliveryException extends Exception {
    public BadDeliveryException(String message) {
        super(message);
    }
}
