/**
 * A chain's key-value state as contracts see it: readers, overlays of uncommitted writes (per transaction
 * and per block) and the write set a block commits, chained into the state commitment of its header. See
 * docs/ledger.md.
 */
package org.energychain.ledger.state;
