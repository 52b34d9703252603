/**
 * Commands for the summary directory and the market (paper II.B/II.C): the catalogue and the trades.
 */
package org.energychain.cli.trading;
