/**
 * The data market of the trading chain (paper II.B, docs/market.md): {@link
 * org.energychain.trading.market.MarketContract} holds balances and escrow and runs the fair exchange
 * (purchase, committed encrypted delivery, receipt, key reveal, accept or one-chunk dispute, timeouts);
 * {@link org.energychain.trading.market.DeliveryPackage} is the seller's off-chain delivery and {@link
 * org.energychain.trading.market.DeliveryCheck} the buyer's checks of it.
 */
package org.energychain.trading.market;
