/**
 * RFC 9162 (Certificate Transparency v2) Merkle trees with inclusion and consistency proofs, so that any
 * single reading can be proven against a published root, and a later root shown to extend an earlier
 * one, by any CT-compatible verifier.
 */
package org.energychain.crypto.merkle;
