/**
 * Independent verification of a stored chain: links, roots, signatures, nonces, indexes, and a replay of
 * every block with the contracts that must reproduce the recorded results and state commitments. Used
 * after a crash, before trusting a copied data directory, and by auditors who hold only the genesis.
 */
package org.energychain.ledger.verify;
