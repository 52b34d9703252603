/**
 * The platform's summary directory tree (paper II.C): every active listing of the catalogue contract,
 * filed under energy type / data type / region / group / unit, kept in step with the trading chain
 * block by block, queried by path (with wildcards), generation time, mathematical type and price, and
 * checkable entry by entry against the transaction that made it. See docs/catalog.md.
 */
package org.energychain.trading.directory;
