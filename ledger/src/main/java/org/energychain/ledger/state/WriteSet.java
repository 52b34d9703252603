package org.energychain.ledger.state;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The state changes of one block (a null value deletes the key), applied atomically with the block.
 * The state commitment chains them: {@code stateRoot(h) = H(EC/state/v1 || stateRoot(h-1) || changes)},
 * starting from {@code H(EC/state/v1 || genesis hash)}; so two nodes agree on the root exactly when they
 * applied the same changes in the same order, and a verifier re-derives it by replaying the blocks.
 */
public final class WriteSet {
    public static final String TAG = "EC/state/v1";
    private final TreeMap<String, byte[]> changes = new TreeMap<>(WriteSet::compareUtf8);

    public void put(String key, byte[] value) {
        changes.put(key, value.clone());
    }

    public void delete(String key) {
        changes.put(key, null);
    }

    /** Changes in key order; null values are deletions. */
    public SortedMap<String, byte[]> changes() {
        return Collections.unmodifiableSortedMap(changes);
    }

    public void putAll(WriteSet other) {
        changes.putAll(other.changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    /** The state root after applying these changes on top of {@code previousRoot}. */
    public byte[] commitment(HashFunction h, byte[] previousRoot) {
        long size = (long) CanonicalWriter.stringLength(TAG) + previousRoot.length + 4;
        for (Map.Entry<String, byte[]> e : changes.entrySet()) {
            size += CanonicalWriter.stringLength(e.getKey()) + 1 + (e.getValue() == null ? 0 : 4 + e.getValue().length);
        }
        // sized exactly and hashed in place: a block's write set is hundreds of kilobytes
        CanonicalWriter w = new CanonicalWriter((int) Math.min(Integer.MAX_VALUE - 16, size)).tag(TAG)
                .fixed(previousRoot).i32(changes.size());
        for (Map.Entry<String, byte[]> e : changes.entrySet()) {
            w.string(e.getKey()).bool(e.getValue() != null);
            if (e.getValue() != null) {
                w.bytes(e.getValue());
            }
        }
        org.energychain.crypto.Digester d = h.newDigester();
        d.update(w.buffer(), 0, w.length());
        return d.doFinal();
    }

    /** The state root of an empty chain. */
    public static byte[] initialRoot(HashFunction h, byte[] genesisHash) {
        return h.hash(new CanonicalWriter(64).tag(TAG).fixed(genesisHash).toByteArray());
    }

    /** Orders keys by their UTF-8 bytes, as RocksDB and the encoding do. */
    public static int compareUtf8(String a, String b) {
        // Without encoding: below the surrogates, UTF-16 code units are in the order of their UTF-8 bytes.
        // Anything near a surrogate (pairs, or unpaired ones that UTF-8 encodes as '?') takes the exact path.
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i > 0 && Character.isHighSurrogate(a.charAt(i - 1))) {
            return compareEncoded(a, b);
        }
        if (i == n) {
            return Integer.compare(a.length(), b.length());
        }
        char x = a.charAt(i);
        char y = b.charAt(i);
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
            return compareEncoded(a, b);
        }
        return Character.compare(x, y);
    }

    private static int compareEncoded(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
