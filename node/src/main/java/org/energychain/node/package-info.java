/**
 * A node: assembles chains (ledger, solo orderer, store, contracts) from configuration and genesis
 * files, keeps the chain registry and the metrics. The REST API is in {@code api}, its Java client in
 * {@code client}, file formats in {@code config} and {@code genesis}.
 */
package org.energychain.node;
