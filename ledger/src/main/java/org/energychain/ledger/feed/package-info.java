/**
 * Hands a chain's committed blocks to the followers that derive something from them (the catalogue's
 * directory, event streams, metrics), each on its own thread, reading from the store in height order so a
 * slow follower never holds up the chain.
 */
package org.energychain.ledger.feed;
