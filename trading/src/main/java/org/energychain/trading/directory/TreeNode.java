package org.energychain.trading.directory;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * A node of the directory tree: a level value, its children by value and the number of listings below
 * it. Units (depth 5) hold their entries in an array sorted by (from, id), and the entries' end times and
 * prices in sorted arrays, so time-window and price-range counts of a unit are binary searches.
 * Not thread-safe: the directory's lock guards it.
 */
final class TreeNode {
    static final int UNIT = 5;

    final String name;
    final int depth;
    final TreeNode parent;
    final TreeMap<String, TreeNode> children;
    int count;

    Entry[] entries;
    /** entries[i].from, kept beside the entries so binary searches read one flat array, not scattered objects. */
    long[] froms;
    long[] tos;
    long[] prices;

    TreeNode(String name, int depth, TreeNode parent) {
        this.name = name;
        this.depth = depth;
        this.parent = parent;
        this.children = depth < UNIT ? new TreeMap<>() : null;
        if (depth == UNIT) {
            entries = new Entry[4];
            froms = new long[4];
            tos = new long[4];
            prices = new long[4];
        }
    }

    TreeNode child(String value, boolean create) {
        TreeNode c = children.get(value);
        if (c == null && create) {
            c = new TreeNode(value, depth + 1, this);
            children.put(value, c);
        }
        return c;
    }

    /** Files {@code e} in this unit (the caller adjusts the counts of the ancestors). */
    void add(Entry e) {
        int n = count;
        if (n == entries.length) {
            int cap = n + (n >> 1) + 1;
            entries = Arrays.copyOf(entries, cap);
            froms = Arrays.copyOf(froms, cap);
            tos = Arrays.copyOf(tos, cap);
            prices = Arrays.copyOf(prices, cap);
        }
        int i = -entryIndex(e) - 1;
        System.arraycopy(entries, i, entries, i + 1, n - i);
        entries[i] = e;
        System.arraycopy(froms, i, froms, i + 1, n - i);
        froms[i] = e.from;
        insert(tos, n, e.to);
        insert(prices, n, e.price);
    }

    void remove(Entry e) {
        int n = count;
        int i = entryIndex(e);
        if (i < 0 || entries[i] != e) {
            throw new IllegalStateException("entry " + e.id + " is not filed under unit " + name);
        }
        System.arraycopy(entries, i + 1, entries, i, n - i - 1);
        entries[n - 1] = null;
        System.arraycopy(froms, i + 1, froms, i, n - i - 1);
        delete(tos, n, e.to);
        delete(prices, n, e.price);
    }

    /** Index of {@code e} in the (from, id) order of this unit, or -(insertion point) - 1. */
    private int entryIndex(Entry e) {
        return Arrays.binarySearch(entries, 0, count, e, Entry.BY_FROM);
    }

    /** First index whose from is at least {@code from}. */
    int firstFromAtLeast(long from) {
        return lowerBound(froms, count, from);
    }

    /** Listings of this unit whose range [from, to) overlaps [qFrom, qTo): started before qTo minus ended by qFrom. */
    int countOverlapping(long qFrom, long qTo) {
        return firstFromAtLeast(qTo) - lowerBound(tos, count, qFrom + 1);
    }

    /** Listings of this unit priced in [min, max]. */
    int countPriced(long min, long max) {
        int upper = max == Long.MAX_VALUE ? count : lowerBound(prices, count, max + 1);
        return upper - lowerBound(prices, count, min);
    }

    /** First index in a[0..n) whose value is at least v. */
    static int lowerBound(long[] a, int n, long v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void insert(long[] a, int n, long v) {
        int i = lowerBound(a, n, v);
        System.arraycopy(a, i, a, i + 1, n - i);
        a[i] = v;
    }

    private static void delete(long[] a, int n, long v) {
        int i = lowerBound(a, n, v);
        if (i == n || a[i] != v) {
            throw new IllegalStateException("value " + v + " missing from a unit index");
        }
        System.arraycopy(a, i + 1, a, i, n - i - 1);
    }
}
