/**
 * The crypto suites of our chains ({@link org.energychain.crypto.CryptoSuites}): hash functions behind
 * {@link org.energychain.crypto.HashFunction} with reusable {@link org.energychain.crypto.Digester}s for
 * hot paths, and lower-case {@link org.energychain.crypto.Hex}, the one text form of hashes. This module
 * depends on nothing of ours, so every other module can share it: hence also {@link
 * org.energychain.crypto.Snippet}, the one way errors quote outside input.
 */
package org.energychain.crypto;
