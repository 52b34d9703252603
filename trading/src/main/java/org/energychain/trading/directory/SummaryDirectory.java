package org.energychain.trading.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.energychain.crypto.Digester;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.DirectoryQuery.Sort;

/**
 * The summary directory tree of paper II.C: the active listings of one trading chain filed under energy
 * type / data type / region / group / unit, rebuilt from nothing but committed blocks (the catalogue
 * contract's events), so any node can serve it and anyone can rebuild and compare it ({@link #digest}).
 *
 * <p>Why this shape: a buyer's search is mostly a path prefix, often with wildcards, narrowed by time
 * and price and cut to a sorted page. The tree keeps a count per node, so path totals cost one visit per
 * matching node; each unit keeps its entries sorted by start time and its end times and prices sorted,
 * so time-window and price counts are binary searches; three global orders (id, price, start time)
 * let a broad sorted query stop after one page instead of touching every match. {@link #query} picks
 * the cheaper of walking a global order and scanning the matching units by an estimate of both.
 *
 * <p>Thread-safe: queries run under a read lock concurrently with each other; {@link #apply} decodes a
 * block outside the lock and changes the index under the write lock, so a query sees a whole block or
 * none of it, and every answer names the height it reflects.
 */
public final class SummaryDirectory {
    private static final int LEVELS = DirectoryQuery.LEVELS;

    private final String chainId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeNode root = new TreeNode("", 0, null);
    private final HashMap<String, Entry> byId = new HashMap<>();
    private final TreeSet<Entry> idOrder = new TreeSet<>(Entry.BY_ID);
    private final TreeSet<Entry> priceOrder = new TreeSet<>(Entry.BY_PRICE);
    private final TreeSet<Entry> fromOrder = new TreeSet<>(Entry.BY_FROM);
    private final RecordDecoder decoder = new RecordDecoder();
    /** All start and end times, for whole-tree window counts. */
    private final SortedLongs froms = new SortedLongs();
    private final SortedLongs tos = new SortedLongs();
    /** Level value to the nodes with that value, per depth 1..5: a wildcard path enters at its most selective literal. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is created raw
    private final HashMap<String, List<TreeNode>>[] byLevel = new HashMap[LEVELS + 1];
    private long height;
    /** The longest generation range ever filed (never shrinks): bounds where a time window's matches can start. */
    private long maxDuration;
    /** Units (leaves) in the tree. */
    private int unitCount;

    private SummaryDirectory(String chainId) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
        for (int d = 1; d <= LEVELS; d++) {
            byLevel[d] = new HashMap<>();
        }
    }

    /** An empty directory of a chain, at height 0 (before block 1). */
    public static SummaryDirectory empty(String chainId) {
        return new SummaryDirectory(chainId);
    }

    public String chainId() {
        return chainId;
    }

    /** The height of the last block applied; 0 before the first. */
    public long height() {
        lock.readLock().lock();
        try {
            return height;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of active listings. */
    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The active listing with this id, if any. */
    public Optional<ListingRecord> get(String listingId) {
        lock.readLock().lock();
        try {
            Entry e = byId.get(listingId);
            return e == null ? Optional.empty() : Optional.of(e.record);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Applies one committed block: the events of its successful {@code catalog} transactions, in block
     * order. A block of another chain, or whose height is not {@link #height()} + 1, is refused with
     * {@link IllegalStateException} and changes nothing; so is a block whose catalogue events do not
     * decode (a corrupt store).
     */
    public void apply(Block block) {
        if (!block.header().chainId().equals(chainId)) {
            throw new IllegalStateException("block " + block.height() + " is of chain " + block.header().chainId()
                    + ", this directory is of chain " + chainId);
        }
        List<ListingRecord> changes = changes(block);
        lock.writeLock().lock();
        try {
            if (block.height() != height + 1) {
                throw new IllegalStateException("block " + block.height() + " does not follow the directory's height "
                        + height + " (expected block " + (height + 1) + ")");
            }
            for (ListingRecord r : changes) {
                put(r);
            }
            froms.flush();
            tos.flush();
            height = block.height();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The listing records a block's catalogue events announce, decoded before anything changes. */
    private List<ListingRecord> changes(Block block) {
        List<ListingRecord> out = new ArrayList<>();
        List<Transaction> txs = block.transactions();
        List<TxResult> results = block.results();
        for (int i = 0; i < txs.size(); i++) {
            if (!CatalogContract.NAME.equals(txs.get(i).contract()) || !results.get(i).isOk()) {
                continue;
            }
            for (Event ev : results.get(i).events()) {
                if (isCatalogEvent(ev.type())) {
                    try {
                        out.add(decoder.decode(ev.data()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("block " + block.height() + " transaction " + i + ": event "
                                + ev.type() + " does not decode: " + e.getMessage(), e);
                    }
                }
            }
        }
        return out;
    }

    static boolean isCatalogEvent(String type) {
        return CatalogContract.PUBLISHED.equals(type) || CatalogContract.UPDATED.equals(type)
                || CatalogContract.WITHDRAWN.equals(type);
    }

    /** Files the record (replacing the listing's earlier version) or, if withdrawn, takes the listing out. */
    private void put(ListingRecord r) {
        Entry old = byId.remove(r.listing().id());
        if (old != null) {
            unfile(old);
        }
        if (r.active()) {
            file(r);
        }
    }

    private void file(ListingRecord r) {
        Entry e = place(r);
        idOrder.add(e);
        priceOrder.add(e);
        fromOrder.add(e);
    }

    /** Files a record in the tree, the id map and the time arrays; the three global orders are left to the caller. */
    private Entry place(ListingRecord r) {
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

    /**
     * The children of the nodes a path prefix names (0..4 levels, each a value or {@code *}), merged by
     * name, with the number of active listings below each, sorted by name. An unknown value gives an
     * empty list.
     */
    public List<DirectoryNode> browse(List<String> pathPrefix) {
        DirectoryQuery checked = DirectoryQuery.builder().path(pathPrefix).build();
        if (checked.path().size() >= LEVELS) {
            throw new IllegalArgumentException("path '" + checked.pathString() + "' names units: a unit's listings are"
                    + " found with a query, browse takes 0.." + (LEVELS - 1) + " levels");
        }
        lock.readLock().lock();
        try {
            TreeMap<String, Integer> merged = new TreeMap<>();
            for (TreeNode n : nodes(checked.path())) {
                for (TreeNode c : n.children.values()) {
                    merged.merge(c.name, c.count, Integer::sum);
                }
            }
            List<DirectoryNode> out = new ArrayList<>(merged.size());
            merged.forEach((name, count) -> out.add(new DirectoryNode(name, count)));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The nodes at depth path.size() matching the path; a literal never seen matches nothing. */
    private List<TreeNode> nodes(List<String> path) {
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

    private static void unitsBelow(TreeNode n, List<TreeNode> out) {
        if (n.depth == TreeNode.UNIT) {
            out.add(n);
        } else {
            for (TreeNode c : n.children.values()) {
                unitsBelow(c, out);
            }
        }
    }

    /** Answers a query; see {@link DirectoryQuery} for the parameters and {@link DirectoryPage} for the answer. */
    public DirectoryPage query(DirectoryQuery q) {
        return query(q, Plan.CHEAPEST);
    }

    /** How a query finds its page; tests force each plan to check they agree. */
    enum Plan { CHEAPEST, WALK, SCAN, WINDOW }

    /** What visiting a unit costs in a scan, in entry visits (its binary searches and bookkeeping). */
    private static final int UNIT_VISIT = 4;

    DirectoryPage query(DirectoryQuery q, Plan plan) {
        lock.readLock().lock();
        try {
            return new Search(q).run(plan);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One query's evaluation under the read lock. */
    private final class Search {
        final DirectoryQuery q;
        final Sort sort;
        final long qFrom;
        final long qTo;
        final long minPrice;
        final long maxPrice;
        final boolean timeFilter;
        final boolean priceFilter;
        final String[] path;

        Search(DirectoryQuery q) {
            this.q = q;
            this.sort = q.sort();
            this.qFrom = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            this.qTo = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli();
            this.minPrice = q.minPrice() == null ? 0 : q.minPrice();
            this.maxPrice = q.maxPrice() == null ? Long.MAX_VALUE : q.maxPrice();
            this.timeFilter = q.from() != null || q.to() != null;
            this.priceFilter = q.minPrice() != null || q.maxPrice() != null;
            this.path = q.path().toArray(String[]::new);
        }

        DirectoryPage run(Plan plan) {
            List<TreeNode> nodes = nodes(q.path());
            onPath = Collections.newSetFromMap(new IdentityHashMap<>(nodes.size() * 2));
            onPath.addAll(nodes);
            long pathCount = 0;
            for (TreeNode n : nodes) {
                pathCount += n.count;
            }
            if (pathCount == 0) {
                return new DirectoryPage(List.of(), 0, null, height);
            }
            boolean countable = q.mathType() == null && !(timeFilter && priceFilter);
            boolean wholeTree = q.path().isEmpty();
            long total = -1;
            List<TreeNode> units = null;
            long scanCost;
            long windowCost = Long.MAX_VALUE;
            if (timeFilter) {
                // entries whose start lies where a match can start, over the whole tree
                windowCost = (long) froms.countBelow(qTo) - froms.countBelow(windowStart());
            }
            if (wholeTree && timeFilter) {
                scanCost = windowCost + UNIT_VISIT * (long) unitCount;
                if (countable) {
                    total = (long) froms.countBelow(qTo) - tos.countBelow(qFrom + 1);
                }
            } else if (!timeFilter && !priceFilter) {
                scanCost = pathCount + UNIT_VISIT * (long) nodes.size();
                if (countable) {
                    total = pathCount;
                }
            } else {
                units = units(nodes);
                scanCost = UNIT_VISIT * (long) units.size();
                long counted = 0;
                for (TreeNode u : units) {
                    if (timeFilter) {
                        scanCost += u.firstFromAtLeast(qTo) - u.firstFromAtLeast(windowStart());
                        if (countable) {
                            counted += u.countOverlapping(qFrom, qTo);
                        }
                    } else {
                        scanCost += u.count;
                        if (countable) {
                            counted += u.countPriced(minPrice, maxPrice);
                        }
                    }
                }
                if (countable) {
                    total = counted;
                }
            }
            if (total == 0) {
                return new DirectoryPage(List.of(), 0, null, height);
            }
            // a walk of a global order visits about (limit + 1) * size / matches entries and needs the total
            // known; a scan visits the path's units (inside each, only a time window's starts); a window
            // visits every start in the time window in start order
            double walkCost = total > 0 ? (q.limit() + 1.0) * byId.size() / total : Double.MAX_VALUE;
            Plan chosen = plan;
            if (chosen == Plan.CHEAPEST) {
                chosen = walkCost < scanCost && walkCost < windowCost ? Plan.WALK
                        : windowCost < scanCost ? Plan.WINDOW : Plan.SCAN;
            }
            if (chosen == Plan.WALK && total > 0) {
                // matches may cluster far along the order (e.g. a region's groups sort last): past the
                // budget of the next best plan, give up the walk and take that plan
                long budget = plan == Plan.WALK ? Long.MAX_VALUE : Math.max(4L * (q.limit() + 1), Math.min(scanCost, windowCost));
                DirectoryPage walked = walk(total, budget);
                if (walked != null) {
                    return walked;
                }
                chosen = windowCost < scanCost ? Plan.WINDOW : Plan.SCAN;
            }
            if (chosen == Plan.WINDOW && timeFilter) {
                return window(total);
            }
            return scan(units == null ? units(nodes) : units, total);
        }

        /** The earliest start a listing overlapping the window can have (no range is longer than maxDuration). */
        long windowStart() {
            return qFrom == Long.MIN_VALUE ? Long.MIN_VALUE : qFrom - maxDuration;
        }

        private List<TreeNode> units(List<TreeNode> nodes) {
            List<TreeNode> out = new ArrayList<>();
            for (TreeNode n : nodes) {
                unitsBelow(n, out);
            }
            return out;
        }

        /** The tree nodes the path names; an entry is on the path when its ancestor at that depth is one. */
        private Set<TreeNode> onPath;

        /** Whether {@code e} passes every filter but the path (scans visit only units on the path). */
        boolean matchesFilters(Entry e) {
            if (e.from >= qTo || e.to <= qFrom || e.price < minPrice || e.price > maxPrice) {
                return false;
            }
            return q.mathType() == null || q.mathType().equals(e.listing().mathType());
        }

        /** Whether {@code e} passes every filter; the path is checked on the tree, not on the listing's strings. */
        boolean matches(Entry e) {
            return matchesFilters(e) && (path.length == 0 || onPath.contains(e.ancestor(path.length)));
        }

        /** Whether {@code e} comes strictly after the cursor in the query's order. */
        boolean afterCursor(Entry e) {
            DirectoryQuery.Cursor c = q.cursor();
            return c == null || sort.compare(key(e), e.id, c.key(), c.id()) > 0;
        }

        long key(Entry e) {
            return switch (sort) {
                case ID -> 0;
                case PRICE, PRICE_DESC -> e.price;
                case FROM, FROM_DESC -> e.from;
            };
        }

        int compare(Entry a, Entry b) {
            return sort.compare(key(a), a.id, key(b), b.id);
        }

        /** Walks the global order of the sort from the cursor, filtering, until a page and one more are found. */
        DirectoryPage walk(long total, long budget) {
            NavigableSet<Entry> index = switch (sort) {
                case ID -> idOrder;
                case PRICE, PRICE_DESC -> priceOrder;
                case FROM, FROM_DESC -> fromOrder;
            };
            // the keys a match can have in this order: bounds from the filters on the sort's own field
            long lo = Long.MIN_VALUE;
            long hi = Long.MAX_VALUE;
            if (sort == Sort.PRICE || sort == Sort.PRICE_DESC) {
                lo = minPrice;
                hi = maxPrice;
            } else if (sort == Sort.FROM || sort == Sort.FROM_DESC) {
                lo = windowStart();
                hi = qTo == Long.MAX_VALUE ? Long.MAX_VALUE : qTo - 1;
            }
            DirectoryQuery.Cursor c = q.cursor();
            Iterable<Entry> walk;
            if (!sort.descending()) {
                walk = c != null ? index.tailSet(Entry.probe(c.key(), c.id()), false)
                        : index.tailSet(Entry.probe(lo, ""), true);
            } else {
                NavigableSet<Entry> upTo = c != null ? index.headSet(Entry.probe(c.key(), c.id()), false)
                        : hi == Long.MAX_VALUE ? index : index.headSet(Entry.probe(hi + 1, ""), false);
                walk = upTo.descendingSet();
            }
            List<Entry> page = new ArrayList<>(q.limit() + 1);
            long steps = 0;
            for (Iterator<Entry> it = walk.iterator(); it.hasNext() && page.size() <= q.limit();) {
                if (++steps > budget) {
                    return null;
                }
                Entry e = it.next();
                long k = key(e);
                if (sort.descending() ? k < lo : k > hi) {
                    break;
                }
                if (matches(e)) {
                    page.add(e);
                }
            }
            return page(page, total);
        }

        /** Scans the matching units (inside each, only the start times a time window allows), keeping the best page. */
        DirectoryPage scan(List<TreeNode> units, long knownTotal) {
            Best best = new Best(false);
            long start = windowStart();
            for (TreeNode u : units) {
                Entry[] es = u.entries;
                int n = u.count;
                for (int i = start == Long.MIN_VALUE ? 0 : u.firstFromAtLeast(start); i < n; i++) {
                    Entry e = es[i];
                    if (e.from >= qTo) {
                        break;
                    }
                    best.offer(e);
                }
            }
            return best.page(knownTotal);
        }

        /** Visits the global start-time order over the time window only, counting and keeping the best page. */
        DirectoryPage window(long knownTotal) {
            Best best = new Best(true);
            for (Entry e : fromOrder.subSet(Entry.probe(windowStart(), ""), true, Entry.probe(qTo, ""), false)) {
                best.offer(e);
            }
            return best.page(knownTotal);
        }

        /** The matches seen so far: how many, and the first limit + 1 after the cursor in a bounded heap. */
        private final class Best {
            final PriorityQueue<Entry> heap = new PriorityQueue<>(q.limit() + 2, (a, b) -> compare(b, a));
            final boolean checkPath;
            long total;

            Best(boolean checkPath) {
                this.checkPath = checkPath;
            }

            void offer(Entry e) {
                if (!(checkPath ? matches(e) : matchesFilters(e))) {
                    return;
                }
                total++;
                if (afterCursor(e)) {
                    if (heap.size() <= q.limit()) {
                        heap.add(e);
                    } else if (compare(e, heap.peek()) < 0) {
                        heap.poll();
                        heap.add(e);
                    }
                }
            }

            DirectoryPage page(long knownTotal) {
                List<Entry> found = new ArrayList<>(heap);
                found.sort(Search.this::compare);
                return Search.this.page(found, knownTotal >= 0 ? knownTotal : total);
            }
        }

        /** The answer from up to limit + 1 entries in order: the extra one only says there is a next page. */
        DirectoryPage page(List<Entry> found, long total) {
            boolean more = found.size() > q.limit();
            List<Entry> shown = more ? found.subList(0, q.limit()) : found;
            List<ListingRecord> records = new ArrayList<>(shown.size());
            shown.forEach(e -> records.add(e.record));
            String next = null;
            if (more) {
                Entry last = shown.get(shown.size() - 1);
                next = new DirectoryQuery.Cursor(sort, key(last), last.id).token();
            }
            return new DirectoryPage(records, total, next, height);
        }
    }

    /**
     * A hash over the whole contents in id order, so a directory rebuilt from the chain can be compared
     * with a running one: SHA-256 of tag {@code EC/directory-digest/v1}, string chain, i64 height, i64
     * count, then per listing in id order bytes(ListingRecord encoding).
     */
    public byte[] digest() {
        lock.readLock().lock();
        try {
            Digester d = HashFunctions.SHA256.newDigester();
            CanonicalWriter w = new CanonicalWriter(1024);
            d.update(w.tag("EC/directory-digest/v1").string(chainId).i64(height).i64(byId.size()).toByteArray());
            for (Entry e : idOrder) {
                w.reset().bytes(e.record.encode());
                d.update(w.buffer(), 0, w.length());
            }
            return d.doFinal();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Writes a snapshot atomically (a temporary file beside it, synced, then renamed over it): see
     * {@link DirectorySnapshot} for the format. Queries may continue meanwhile; blocks wait.
     */
    public void save(Path file) throws IOException {
        lock.readLock().lock();
        try {
            DirectorySnapshot.write(file, chainId, height, byId.size(), records(idOrder));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reads a snapshot written by {@link #save}; a truncated, corrupt or other chain's file is a
     * {@link CorruptSnapshotException} saying which. Follow with {@link DirectoryRebuild#catchUp}.
     */
    public static SummaryDirectory load(Path file, String chainId) throws IOException {
        SummaryDirectory d = new SummaryDirectory(chainId);
        List<Entry> loaded = new ArrayList<>();
        d.height = DirectorySnapshot.read(file, chainId, d.decoder::decode, r -> {
            if (r.active()) {
                loaded.add(d.place(r));
            }
        });
        d.buildOrders(loaded, file);
        d.froms.flush();
        d.tos.flush();
        return d;
    }

    /**
     * Builds the three global orders of a loaded snapshot in linear time from sorted arrays instead of a
     * million tree insertions (whose tie-breaks compare long ids: most of a load's time). The snapshot
     * holds the listings in strictly increasing id order, so an entry's position is its id rank and ties
     * of price or start time break on that int.
     */
    private void buildOrders(List<Entry> byIdRank, Path file) throws CorruptSnapshotException {
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
        java.util.Arrays.sort(byPrice, (a, b) -> {
            int c = Long.compare(byIdRank.get(a).price, byIdRank.get(b).price);
            return c != 0 ? c : Integer.compare(a, b);
        });
        priceOrder.addAll(new SortedView(java.util.Arrays.stream(byPrice).map(byIdRank::get).toList(), Entry.BY_PRICE));
        java.util.Arrays.sort(rank, (a, b) -> {
            int c = Long.compare(byIdRank.get(a).from, byIdRank.get(b).from);
            return c != 0 ? c : Integer.compare(a, b);
        });
        fromOrder.addAll(new SortedView(java.util.Arrays.stream(rank).map(byIdRank::get).toList(), Entry.BY_FROM));
        if (idOrder.size() != n || priceOrder.size() != n || fromOrder.size() != n) {
            throw new IllegalStateException("bulk build lost entries");
        }
    }

    /**
     * A list already sorted by {@code comparator}, seen as a sorted set so that {@link TreeSet#addAll} builds
     * the tree in one linear pass (it does when the set is empty and the comparators are the same).
     */
    @SuppressWarnings("JdkObsolete") // TreeSet's one-pass copy is taken for a SortedSet, not a NavigableSet
    private static final class SortedView extends java.util.AbstractSet<Entry> implements java.util.SortedSet<Entry> {
        private final List<Entry> sorted;
        private final java.util.Comparator<Entry> comparator;

        SortedView(List<Entry> sorted, java.util.Comparator<Entry> comparator) {
            this.sorted = sorted;
            this.comparator = comparator;
        }

        @Override
        public Iterator<Entry> iterator() {
            return sorted.iterator();
        }

        @Override
        public int size() {
            return sorted.size();
        }

        @Override
        public java.util.Comparator<? super Entry> comparator() {
            return comparator;
        }

        @Override
        public java.util.SortedSet<Entry> subSet(Entry from, Entry to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.SortedSet<Entry> headSet(Entry to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.SortedSet<Entry> tailSet(Entry from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Entry first() {
            return sorted.get(0);
        }

        @Override
        public Entry last() {
            return sorted.get(sorted.size() - 1);
        }
    }

    /** For the snapshot writer: the records in id order. */
    static Iterable<ListingRecord> records(Iterable<Entry> entries) {
        return () -> new Iterator<>() {
            final Iterator<Entry> it = entries.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ListingRecord next() {
                return it.next().record;
            }
        };
    }

    @Override
    public String toString() {
        return "SummaryDirectory[" + chainId + " height " + height() + ", " + size() + " listings]";
    }
}
