/**
 * Proofs that a reading or a plant-day is part of a group root {@code Hash_G} (paper II.A): chains of
 * RFC 9162 inclusion proofs through the daily, period and group trees ({@link
 * org.energychain.supervision.proof.ProofChain}), their JSON document with its readable view ({@link
 * org.energychain.supervision.proof.ProofDocument}), and the one verifier every command and contract
 * check goes through ({@link org.energychain.supervision.proof.ProofChainVerifier}).
 */
package org.energychain.supervision.proof;
