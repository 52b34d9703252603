package org.energychain.trading.directory;

import java.util.Arrays;

/**
 * A sorted multiset of longs in one flat array, changed in batches (one merge per block, O(n + k log k))
 * and counted by binary search: the directory's global start and end times, so the number of listings
 * overlapping a window, over the whole tree, is two binary searches. Not thread-safe.
 */
final class SortedLongs {
    private long[] values = new long[0];
    private long[] added = new long[16];
    private int addedCount;
    private long[] removed = new long[16];
    private int removedCount;

    void add(long v) {
        if (addedCount == added.length) {
            added = Arrays.copyOf(added, addedCount * 2);
        }
        added[addedCount++] = v;
    }

    void remove(long v) {
        if (removedCount == removed.length) {
            removed = Arrays.copyOf(removed, removedCount * 2);
        }
        removed[removedCount++] = v;
    }

    /** Merges the pending changes; removals must name values present (after the additions). */
    void flush() {
        if (addedCount == 0 && removedCount == 0) {
            return;
        }
        long[] add = Arrays.copyOf(added, addedCount);
        long[] del = Arrays.copyOf(removed, removedCount);
        Arrays.sort(add);
        Arrays.sort(del);
        long[] out = new long[values.length + add.length - del.length];
        int i = 0;
        int a = 0;
        int d = 0;
        int o = 0;
        while (i < values.length || a < add.length) {
            long v;
            if (a == add.length || (i < values.length && values[i] <= add[a])) {
                v = values[i++];
            } else {
                v = add[a++];
            }
            if (d < del.length && del[d] == v) {
                d++;
                continue;
            }
            if (d < del.length && del[d] < v) {
                throw new IllegalStateException("time index: value " + del[d] + " removed but not present");
            }
            out[o++] = v;
        }
        if (d != del.length || o != out.length) {
            throw new IllegalStateException("time index: " + (del.length - d) + " removals of absent values");
        }
        values = out;
        addedCount = 0;
        removedCount = 0;
        if (added.length > 4096) {
            added = new long[16];
            removed = new long[16];
        }
    }

    int size() {
        return values.length;
    }

    /** How many values are below {@code v}. */
    int countBelow(long v) {
        return TreeNode.lowerBound(values, values.length, v);
    }
}
