/**
 * Paper II.B/II.C, the trading chain: {@code catalog} (summary blocks and their contract),
 * {@code directory} (the platform's five-level summary directory tree, rebuilt from the chain) and
 * {@code market} (the data market contract: escrow, encrypted peer-to-peer delivery, disputes).
 */
package org.energychain.trading;
