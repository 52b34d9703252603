/**
 * The off-chain store of an energy group's data centre: the readings of each imported period, the
 * daily, plant and group Merkle roots over them, the classified D1/D2/D3 datasets, and the audit
 * trail of deletions. Only hashes go on chain; this package keeps the data behind them so that any
 * reading can be re-proved later.
 *
 * <p>{@link org.energychain.supervision.store.OffChainStore} is the one interface;
 * {@link org.energychain.supervision.store.SqliteOffChainStore} (embedded, one file) and
 * {@link org.energychain.supervision.store.PostgresOffChainStore} implement it with the same SQL and
 * pass the same contract tests. Schemas are versioned scripts under {@code db/<dialect>/} applied on
 * open. See {@code docs/storage.md}.
 */
package org.energychain.supervision.store;
