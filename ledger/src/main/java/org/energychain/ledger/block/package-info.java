/**
 * Blocks and block headers with their canonical encodings: the header binds chain, height, previous hash,
 * the RFC 9162 roots of transactions and results, the state commitment, time and proposer. See
 * docs/ledger.md for the encodings and their golden vectors.
 */
package org.energychain.ledger.block;
