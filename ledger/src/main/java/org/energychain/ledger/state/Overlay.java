package org.energychain.ledger.state;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Uncommitted writes layered over a base state: what a block (or one transaction inside it) sees while it
 * executes. A transaction's overlay is merged into the block's only when it succeeds.
 */
public final class Overlay implements StateReader {
    private final StateReader base;
    private final WriteSet writes = new WriteSet();

    public Overlay(StateReader base) {
        this.base = base;
    }

    @Override
    public byte[] get(String key) {
        SortedMap<String, byte[]> c = writes.changes();
        if (c.containsKey(key)) {
            byte[] v = c.get(key);
            return v == null ? null : v.clone();
        }
        return base.get(key);
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        TreeMap<String, byte[]> merged = new TreeMap<>(WriteSet::compareUtf8);
        // enough from the base to survive deletions in the overlay
        merged.putAll(base.scan(prefix, (int) Math.min(Integer.MAX_VALUE, (long) limit + writes.size())));
        for (Map.Entry<String, byte[]> e : writes.changes().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                if (e.getValue() == null) {
                    merged.remove(e.getKey());
                } else {
                    merged.put(e.getKey(), e.getValue());
                }
            }
        }
        TreeMap<String, byte[]> out = new TreeMap<>(WriteSet::compareUtf8);
        for (Map.Entry<String, byte[]> e : merged.entrySet()) {
            if (out.size() == limit) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    public void put(String key, byte[] value) {
        writes.put(key, value);
    }

    public void delete(String key) {
        writes.delete(key);
    }

    public WriteSet writes() {
        return writes;
    }
}
