/**
 * Finality of replicated chains: what a validator signs after executing a block ({@link
 * org.energychain.ledger.finality.VoteTarget}), its signed vote, the certificate that more than two thirds
 * of the validators' power makes, and the guard that keeps a validator from signing two different blocks at
 * one height. Domain-free and transport-free: the network module carries votes; the chain store keeps
 * certificates beside the blocks; {@code chain verify} checks them.
 */
package org.energychain.ledger.finality;
