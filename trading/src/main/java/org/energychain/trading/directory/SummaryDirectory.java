package org.energychain.trading.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.DirectorySearch.Plan;

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
 * <p>This class is the directory's face and its lock; the work is done by {@link DirectoryIndex} (the
 * tree and the orders), {@link DirectorySearch} (the query planner), {@link DirectoryDigest} and
 * {@link DirectorySnapshot} (the file format).
 *
 * <p>Thread-safe: queries run under a read lock concurrently with each other; {@link #apply} decodes a
 * block outside the lock and changes the index under the write lock, so a query sees a whole block or
 * none of it, and every answer names the height it reflects.
 */
public final class SummaryDirectory {
    private static final int LEVELS = DirectoryQuery.LEVELS;

    private final String chainId;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final DirectoryIndex index = new DirectoryIndex();
    private final RecordDecoder decoder = new RecordDecoder();

    private SummaryDirectory(String chainId) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
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
            return index.height;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of active listings. */
    public int size() {
        lock.readLock().lock();
        try {
            return index.byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The active listing with this id, if any. */
    public Optional<ListingRecord> get(String listingId) {
        lock.readLock().lock();
        try {
            Entry e = index.byId.get(listingId);
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
            if (block.height() != index.height + 1) {
                throw new IllegalStateException("block " + block.height() + " does not follow the directory's height "
                        + index.height + " (expected block " + (index.height + 1) + ")");
            }
            for (ListingRecord r : changes) {
                index.put(r);
            }
            index.flushTimes();
            index.height = block.height();
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
            for (TreeNode n : index.nodes(checked.path())) {
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

    /** Answers a query; see {@link DirectoryQuery} for the parameters and {@link DirectoryPage} for the answer. */
    public DirectoryPage query(DirectoryQuery q) {
        return query(q, Plan.CHEAPEST);
    }

    /** Answers a query with a given plan; tests force each plan to check they agree. */
    DirectoryPage query(DirectoryQuery q, Plan plan) {
        lock.readLock().lock();
        try {
            return new DirectorySearch(index, q).run(plan);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A hash over the whole contents in id order, so a directory rebuilt from the chain can be compared
     * with a running one: see {@link DirectoryDigest} for what is hashed.
     */
    public byte[] digest() {
        lock.readLock().lock();
        try {
            return DirectoryDigest.of(chainId, index.height, index.byId.size(), index.idOrder);
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
            DirectorySnapshot.write(file, chainId, index.height, index.byId.size(),
                    DirectorySnapshot.records(index.idOrder));
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
        DirectoryIndex ix = d.index;
        List<Entry> loaded = new ArrayList<>();
        ix.height = DirectorySnapshot.read(file, chainId, d.decoder::decode, r -> {
            if (r.active()) {
                loaded.add(ix.place(r));
            }
        });
        ix.buildOrders(loaded, file);
        ix.flushTimes();
        return d;
    }

    @Override
    public String toString() {
        return "SummaryDirectory[" + chainId + " height " + height() + ", " + size() + " listings]";
    }
}
