/**
 * Admitted transactions waiting for a block, per sender in nonce order, with the per-sender and gap
 * limits a node sets to protect itself; the orderer takes the executable ones.
 */
package org.energychain.ledger.mempool;
