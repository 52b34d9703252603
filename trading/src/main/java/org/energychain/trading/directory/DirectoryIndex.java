package org.energychain.trading.directory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/**
 * The directory's data: the tree of paper II.C with a count per node, the listings by id, the three
 * global orders (id, price, start time), all start and end times sorted, and the nodes of each level
 * by value. It files and unfiles listings and finds the nodes a path names; it knows nothing of
 * queries' plans, digests or files, which are {@link DirectorySearch}, {@link DirectoryDigest} and
 * {@link DirectorySnapshot}. Not thread-safe: {@link SummaryDirectory}'s lock guards it.
 */
final class DirectoryIndex {
    static final int LEVELS = DirectoryQuery.LEVELS;

    final TreeNode root = new TreeNode("", 0, null);
    final HashMap<String, Entry> byId = new HashMap<>();
    final TreeSet<Entry> idOrder = new TreeSet<>(Entry.BY_ID);
    final TreeSet<Entry> priceOrder = new TreeSet<>(Entry.BY_PRICE);
    final TreeSet<Entry> fromOrder = new TreeSet<>(Entry.BY_FROM);
    /** All start and end times, for whole-tree window counts. */
    final SortedLongs froms = new SortedLongs();
    final SortedLongs tos = new SortedLongs();
    /** Level value to the nodes with that value, per depth 1..5: a wildcard path enters at its most selective literal. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is created raw
    private final HashMap<String, List<TreeNode>>[] byLevel = new HashMap[LEVELS + 1];
    /** The height of the last block applied; 0 before the first. */
    long height;
    /** The longest generation range ever filed (never shrinks): bounds where a time window's matches can start. */
    long maxDuration;
    /** Units (leaves) in the tree. */
    int unitCount;

    DirectoryIndex() {
        for (int d = 1; d <= LEVELS; d++) {
            byLevel[d] = new HashMap<>();
        }
    }

    /** Files the record (replacing the listing's earlier version) or, if withdrawn, takes the listing out. */
    void put(ListingRecord r) {
        Entry old = byId.remove(r.listing().id());
        if (old != null) {
            unfile(old);
        }
        if (r.active()) {
            Entry e = place(r);
            idOrder.add(e);
            priceOrder.add(e);
            fromOrder.add(e);
        }
    }

    /** Merges the time arrays' pending changes: once per block, after its last {@link #put}. */
    void flushTimes() {
        froms.flush();
        tos.flush();
    }

    /** Files a record in the tree, the id map and the time arrays; the three global orders are left to the caller. */
    Entry place(ListingRecord r) {
        Listing l = r.listing();
        TreeNode n = root;
        for (int d = 1; d <= LEVELS; d++) {
            String v = Entry.level(l, d);
            TreeNode c = n.child(v, false);
            if (c == null) {
                c = n.child(v, true);
                byLevel[d].computeIfAbsent(v, k -> new ArrayList<>(2)).add(c);
                if (d == LEVELS) {
                    unitCount++;
                }
            }
            n = c;
        }
        Entry e = new Entry(r, n);
        n.add(e);
        for (TreeNode a = n; a != null; a = a.parent) {
            a.count++;
        }
        byId.put(e.id, e);
        froms.add(e.from);
        tos.add(e.to);
        maxDuration = Math.max(maxDuration, e.to - e.from);
        return e;
    }

    private void unfile(Entry e) {
        e.leaf.remove(e);
        for (TreeNode a = e.leaf; a != null; a = a.parent) {
            a.count--;
            if (a.count == 0 && a.parent != null) {
                a.parent.children.remove(a.name);
                List<TreeNode> same = byLevel[a.depth].get(a.name);
                same.remove(a);
                if (same.isEmpty()) {
                    byLevel[a.depth].remove(a.name);
                }
                if (a.depth == LEVELS) {
                    unitCount--;
                }
            }
        }
        idOrder.remove(e);
        priceOrder.remove(e);
        fromOrder.remove(e);
        froms.remove(e.from);
        tos.remove(e.to);
    }

    /** The nodes at depth path.size() matching the path; a literal never seen matches nothing. */
    List<TreeNode> nodes(List<String> path) {
        List<TreeNode> level = List.of(root);
        int start = 0;
        if (!path.isEmpty() && DirectoryQuery.WILDCARD.equals(path.get(0))) {
            // a leading wildcard would expand whole levels: enter at the literal naming the fewest nodes
            int best = -1;
            List<TreeNode> bestNodes = null;
            for (int i = 1; i < path.size(); i++) {
                if (!DirectoryQuery.WILDCARD.equals(path.get(i))) {
                    List<TreeNode> named = byLevel[i + 1].getOrDefault(path.get(i), List.of());
                    if (bestNodes == null || named.size() < bestNodes.size()) {
                        best = i;
                        bestNodes = named;
                    }
                }
            }
            if (bestNodes != null) {
                List<TreeNode> entered = new ArrayList<>(bestNodes.size());
                for (TreeNode n : bestNodes) {
                    if (ancestorsMatch(n, path)) {
                        entered.add(n);
                    }
                }
                level = entered;
                start = best + 1;
            }
        }
        for (String seg : path.subList(start, path.size())) {
            List<TreeNode> next = new ArrayList<>();
            for (TreeNode n : level) {
                if (DirectoryQuery.WILDCARD.equals(seg)) {
                    next.addAll(n.children.values());
                } else {
                    TreeNode c = n.child(seg, false);
                    if (c != null) {
                        next.add(c);
                    }
                }
            }
            level = next;
        }
        return level;
    }

    /** Whether the ancestors of {@code n} (depths 1 .. n.depth - 1) match the path's segments there. */
    private static boolean ancestorsMatch(TreeNode n, List<String> path) {
        for (TreeNode a = n.parent; a.depth >= 1; a = a.parent) {
            String seg = path.get(a.depth - 1);
            if (!DirectoryQuery.WILDCARD.equals(seg) && !seg.equals(a.name)) {
                return false;
            }
        }
        return true;
    }

    /** The units (leaves) below the nodes, in tree order. */
    static List<TreeNode> units(List<TreeNode> nodes) {
        List<TreeNode> out = new ArrayList<>();
        for (TreeNode n : nodes) {
            unitsBelow(n, out);
        }
        return out;
    }

    private static void unitsBelow(TreeNode n, List<TreeNode> out) {
        if (n.depth == TreeNode.UNIT) {
            out.add(n);
        } else {
            for (TreeNode c : n.children.values()) {
                unitsBelow(c, out);
            }
        }
    }

    /**
     * Builds the three global orders of a loaded snapshot in linear time from sorted arrays instead of a
     * million tree insertions (whose tie-breaks compare long ids: most of a load's time). The snapshot
     * holds the listings in strictly increasing id order, so an entry's position is its id rank and ties
     * of price or start time break on that int. The entries were filed with {@link #place}.
     */
    void buildOrders(List<Entry> byIdRank, Path file) throws CorruptSnapshotException {
        int n = byIdRank.size();
        for (int i = 1; i < n; i++) {
            if (byIdRank.get(i - 1).id.compareTo(byIdRank.get(i).id) >= 0) {
                throw new CorruptSnapshotException(file + " is corrupt: listing " + byIdRank.get(i).id
                        + " is not after " + byIdRank.get(i - 1).id + " (ids must be strictly increasing)");
            }
        }
        idOrder.addAll(new SortedView(byIdRank, Entry.BY_ID));
        Integer[] rank = new Integer[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        Integer[] byPrice = rank.clone();
        Arrays.sort(byPrice, (a, b) -> {
            int c = Long.compare(byIdRank.get(a).price, byIdRank.get(b).price);
            return c != 0 ? c : Integer.compare(a, b);
        });
        priceOrder.addAll(new SortedView(Arrays.stream(byPrice).map(byIdRank::get).toList(), Entry.BY_PRICE));
        Arrays.sort(rank, (a, b) -> {
            int c = Long.compare(byIdRank.get(a).from, byIdRank.get(b).from);
            return c != 0 ? c : Integer.compare(a, b);
        });
        fromOrder.addAll(new SortedView(Arrays.stream(rank).map(byIdRank::get).toList(), Entry.BY_FROM));
        if (idOrder.size() != n || priceOrder.size() != n || fromOrder.size() != n) {
            throw new IllegalStateException("bulk build lost entries");
        }
    }
}
