/**
 * The ordering seam: an Orderer decides when a chain cuts its next block. The solo orderer (one node, by
 * size or time) lives here; the replicated orderer of the consortium network lives in the network module,
 * behind the same interface.
 */
package org.energychain.ledger.order;
