package org.energychain.trading.directory;

import java.util.Comparator;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/**
 * One active listing inside the directory: the record plus the fields every query compares, unpacked
 * into primitives (times as epoch milliseconds) so scans touch no Instant and no accessor copies.
 */
final class Entry {
    static final Comparator<Entry> BY_ID = Comparator.comparing(e -> e.id);
    static final Comparator<Entry> BY_PRICE = (a, b) -> {
        int c = Long.compare(a.price, b.price);
        return c != 0 ? c : a.id.compareTo(b.id);
    };
    static final Comparator<Entry> BY_FROM = (a, b) -> {
        int c = Long.compare(a.from, b.from);
        return c != 0 ? c : a.id.compareTo(b.id);
    };

    final String id;
    final long from;
    final long to;
    final long price;
    final ListingRecord record;
    /** The unit node the entry is filed under (null for probes). */
    final TreeNode leaf;

    Entry(ListingRecord record, TreeNode leaf) {
        Listing l = record.listing();
        this.id = l.id();
        this.from = l.from().toEpochMilli();
        this.to = l.to().toEpochMilli();
        this.price = l.price();
        this.record = record;
        this.leaf = leaf;
    }

    /** A search position in an index: only the key fields are set. */
    private Entry(String id, long key) {
        this.id = id;
        this.from = key;
        this.to = key;
        this.price = key;
        this.record = null;
        this.leaf = null;
    }

    static Entry probe(long key, String id) {
        return new Entry(id, key);
    }

    Listing listing() {
        return record.listing();
    }

    /** The value of level {@code depth} (1 energy type .. 5 unit). */
    static String level(Listing l, int depth) {
        return switch (depth) {
            case 1 -> l.energyType();
            case 2 -> l.dataType();
            case 3 -> l.region();
            case 4 -> l.group();
            case 5 -> l.unit();
            default -> throw new IllegalArgumentException("level " + depth + " is not 1..5");
        };
    }

    /** The ancestor of the leaf at {@code depth} (1..5). */
    TreeNode ancestor(int depth) {
        TreeNode n = leaf;
        while (n.depth > depth) {
            n = n.parent;
        }
        return n;
    }
}
