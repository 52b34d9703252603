/**
 * Signed transactions (chain, sender, nonce, contract, method, canonical arguments), their recorded
 * results with result codes and events, in their canonical encodings. See docs/ledger.md.
 */
package org.energychain.ledger.tx;
