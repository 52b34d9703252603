package org.energychain.ledger.contract;

import java.time.Instant;
import java.util.SortedMap;
import org.energychain.ledger.genesis.Genesis;

/**
 * What a contract sees when it reads: its own namespace of the chain's state as of the latest block (or
 * the block being built), the chain and the block height and time. No clock, no randomness, no I/O.
 */
public interface QueryContext {
    String chainId();

    /**
     * The chain's genesis: its members, roles and first roster (fixed for the chain's life, so reading it
     * is as deterministic as reading state).
     */
    Genesis genesis();

    long blockHeight();

    /** The time of the block; the only time a contract may use. */
    Instant blockTime();

    /** A value of this contract's state, or null. */
    byte[] get(String key);

    /**
     * A value of another contract's state on the same chain, read-only (e.g. the market reading a
     * catalogue listing). Deterministic like {@link #get}: the same view of the same block.
     */
    byte[] read(String contract, String key);

    /** Entries of this contract's state under a key prefix, in key order (keys without the namespace). */
    SortedMap<String, byte[]> scan(String prefix, int limit);
}
