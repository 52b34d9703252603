/**
 * Genesis files (YAML) and organisation keys on disk, and the default network (docs/ledger.md): business
 * chains per group, regulatory, trading and dispatch, either on one node ({@link
 * org.energychain.node.genesis.DefaultNetwork}) or as a consortium where every organisation runs its own
 * nodes, each holding only its own secrets ({@link org.energychain.node.genesis.ConsortiumNetwork}).
 */
package org.energychain.node.genesis;
