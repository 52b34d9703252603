package org.energychain.ledger.state;

import java.util.SortedMap;

/** Read access to a chain's key-value state (keys are UTF-8 strings, ordered by their bytes). */
public interface StateReader {
    /** The value, or null when absent. */
    byte[] get(String key);

    /** Up to {@code limit} entries whose key starts with {@code prefix}, in key order. */
    SortedMap<String, byte[]> scan(String prefix, int limit);
}
