package org.energychain.trading.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Set;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.DirectoryQuery.Sort;

/**
 * One query's evaluation over a {@link DirectoryIndex}, under the directory's read lock: the query
 * planner. It counts the matches where the tree's counts and sorted arrays allow, estimates what each
 * way of finding the page costs and takes the cheapest: walking the global order of the sort until a
 * page is full ({@link Plan#WALK}), scanning the path's units ({@link Plan#SCAN}), or visiting the start
 * times of a time window in order ({@link Plan#WINDOW}). A walk that costs more than the next plan's
 * estimate gives up and takes that plan. See docs/catalog.md.
 */
final class DirectorySearch {
    /** How a query finds its page; tests force each plan to check they agree. */
    enum Plan { CHEAPEST, WALK, SCAN, WINDOW }

    /** What visiting a unit costs in a scan, in entry visits (its binary searches and bookkeeping). */
    private static final int UNIT_VISIT = 4;

    private final DirectoryIndex index;
    final DirectoryQuery q;
    final Sort sort;
    final long qFrom;
    final long qTo;
    final long minPrice;
    final long maxPrice;
    final boolean timeFilter;
    final boolean priceFilter;
    final String[] path;

    DirectorySearch(DirectoryIndex index, DirectoryQuery q) {
        this.index = index;
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
        List<TreeNode> nodes = index.nodes(q.path());
        onPath = Collections.newSetFromMap(new IdentityHashMap<>(nodes.size() * 2));
        onPath.addAll(nodes);
        long pathCount = 0;
        for (TreeNode n : nodes) {
            pathCount += n.count;
        }
        if (pathCount == 0) {
            return new DirectoryPage(List.of(), 0, null, index.height);
        }
        boolean countable = q.mathType() == null && !(timeFilter && priceFilter);
        boolean wholeTree = q.path().isEmpty();
        long total = -1;
        List<TreeNode> units = null;
        long scanCost;
        long windowCost = Long.MAX_VALUE;
        if (timeFilter) {
            // entries whose start lies where a match can start, over the whole tree
            windowCost = (long) index.froms.countBelow(qTo) - index.froms.countBelow(windowStart());
        }
        if (wholeTree && timeFilter) {
            scanCost = windowCost + UNIT_VISIT * (long) index.unitCount;
            if (countable) {
                total = (long) index.froms.countBelow(qTo) - index.tos.countBelow(qFrom + 1);
            }
        } else if (!timeFilter && !priceFilter) {
            scanCost = pathCount + UNIT_VISIT * (long) nodes.size();
            if (countable) {
                total = pathCount;
            }
        } else {
            units = DirectoryIndex.units(nodes);
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
            return new DirectoryPage(List.of(), 0, null, index.height);
        }
        // a walk of a global order visits about (limit + 1) * size / matches entries and needs the total
        // known; a scan visits the path's units (inside each, only a time window's starts); a window
        // visits every start in the time window in start order
        double walkCost = total > 0 ? (q.limit() + 1.0) * index.byId.size() / total : Double.MAX_VALUE;
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
        return scan(units == null ? DirectoryIndex.units(nodes) : units, total);
    }

    /** The earliest start a listing overlapping the window can have (no range is longer than the index's maxDuration). */
    long windowStart() {
        return qFrom == Long.MIN_VALUE ? Long.MIN_VALUE : qFrom - index.maxDuration;
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
        NavigableSet<Entry> order = switch (sort) {
            case ID -> index.idOrder;
            case PRICE, PRICE_DESC -> index.priceOrder;
            case FROM, FROM_DESC -> index.fromOrder;
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
            walk = c != null ? order.tailSet(Entry.probe(c.key(), c.id()), false)
                    : order.tailSet(Entry.probe(lo, ""), true);
        } else {
            NavigableSet<Entry> upTo = c != null ? order.headSet(Entry.probe(c.key(), c.id()), false)
                    : hi == Long.MAX_VALUE ? order : order.headSet(Entry.probe(hi + 1, ""), false);
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
        for (Entry e : index.fromOrder.subSet(Entry.probe(windowStart(), ""), true, Entry.probe(qTo, ""), false)) {
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
            found.sort(DirectorySearch.this::compare);
            return DirectorySearch.this.page(found, knownTotal >= 0 ? knownTotal : total);
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
        return new DirectoryPage(records, total, next, index.height);
    }
}
