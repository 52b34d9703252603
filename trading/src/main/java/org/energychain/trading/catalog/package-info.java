/**
 * The trading chain's catalogue (paper II.C): the summary blocks (listings of Hash(D1) with their
 * descriptive information) groups publish, update and withdraw through the catalog contract, their
 * records and queries, with their canonical encodings. See docs/catalog.md.
 */
package org.energychain.trading.catalog;
