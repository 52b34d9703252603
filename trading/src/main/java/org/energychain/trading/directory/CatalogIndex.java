package org.energychain.trading.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.energychain.ledger.Chain;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.ListingRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's summary directory of one trading chain, kept in step with the chain block by block,
 * and the catalogue's answers from it (search, browse, one listing, a rebuild-and-compare check), free of
 * any transport: a node serves them over its API. It starts from its last snapshot (or from nothing),
 * catches up from the chain store, then follows committed blocks; it is saved on close and every
 * {@value #SNAPSHOT_EVERY} blocks. It is only ever derived from the chain, so it can be thrown away and
 * rebuilt at any time, and anyone can rebuild it to check the platform's answers.
 */
public final class CatalogIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogIndex.class);
    /** The contract whose events the directory follows. */
    public static final String CONTRACT = CatalogContract.NAME;
    static final int SNAPSHOT_EVERY = 100;

    /** What {@link #browse} found: the children of {@code prefix}, at {@code height}. */
    public record Browse(long height, List<String> prefix, List<DirectoryNode> children) {
    }

    /** What {@link #listing} found: the active listing, if any, and the directory height. */
    public record ListingAt(Optional<ListingRecord> record, long height) {
    }

    /**
     * What {@link #verify} found: the running directory (height, listings, digest) beside one rebuilt from
     * the chain store, and whether they agree.
     */
    public record Consistency(long height, int listings, byte[] digest, long rebuiltHeight, byte[] rebuiltDigest,
            boolean consistent) {
    }

    private final Chain chain;
    private final Path snapshot;
    @SuppressWarnings("NullAway.Init") // set by open() before the index is handed out
    private volatile SummaryDirectory directory;
    private long savedAt;

    private CatalogIndex(Chain chain, Path snapshot) {
        this.chain = chain;
        this.snapshot = snapshot;
    }

    /**
     * Whether the node that is {@code member} on the chain of {@code g} serves its catalogue: the chain
     * runs the catalogue and the member is its platform.
     */
    public static boolean serves(Genesis g, String member) {
        return g.contracts().contains(CONTRACT)
                && g.member(member).map(m -> m.has(TradingRoles.PLATFORM)).orElse(false);
    }

    /**
     * Opens the directory of {@code c}: from {@code snapshot} if it is there and readable (otherwise
     * rebuilt from the chain, with a warning), caught up with the store and then following new blocks.
     *
     * @param snapshot where the directory is saved; null: kept in memory only
     */
    public static CatalogIndex open(Chain c, Path snapshot) {
        CatalogIndex idx = new CatalogIndex(c, snapshot);
        SummaryDirectory d = null;
        if (snapshot != null && Files.exists(snapshot)) {
            try {
                d = SummaryDirectory.load(snapshot, c.id());
                if (d.height() > c.store().height()) {
                    LOG.warn("chain={} catalogue snapshot at height {} is ahead of the chain ({}); rebuilding", c.id(),
                            d.height(), c.store().height());
                    d = null;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("chain={} catalogue snapshot {} unreadable ({}); rebuilding from the chain", c.id(), snapshot,
                        e.getMessage());
            }
        }
        if (d == null) {
            d = SummaryDirectory.empty(c.id());
        }
        long before = d.height();
        DirectoryRebuild.catchUp(d, c.store());
        idx.directory = d;
        idx.savedAt = d.height();
        LOG.info("chain={} catalogue ready: {} listings at height {} ({} blocks applied on start)", c.id(), d.size(),
                d.height(), d.height() - before);
        // from the height the directory reached, so no block between the catch-up and now is missed
        c.follow("catalog", d.height(), idx::follow);
        return idx;
    }

    /**
     * Applies a committed block, on the catalogue's own follower thread. It never throws: if the directory
     * cannot apply a block it is rebuilt from the chain store, which is the source of truth.
     */
    private synchronized void follow(Block b) {
        try {
            apply(b);
        } catch (RuntimeException e) {
            LOG.error("chain={} catalogue could not apply block {}; rebuilding it from the chain", chain.id(),
                    b.header().height(), e);
            directory = DirectoryRebuild.rebuild(chain.id(), chain.store());
        }
    }

    private void apply(Block b) {
        SummaryDirectory d = directory;
        long h = b.header().height();
        if (h <= d.height()) {
            return;
        }
        if (h > d.height() + 1) {
            DirectoryRebuild.catchUp(d, chain.store());
            if (h <= d.height()) {
                return;
            }
        }
        d.apply(b);
        if (snapshot != null && d.height() - savedAt >= SNAPSHOT_EVERY) {
            save();
        }
    }

    public String chainId() {
        return chain.id();
    }

    /** The directory as of now; answers carry the height they reflect. */
    public SummaryDirectory directory() {
        return directory;
    }

    /** A directory rebuilt from the chain store right now, independent of the running one. */
    public SummaryDirectory rebuild() {
        return DirectoryRebuild.rebuild(chain.id(), chain.store());
    }

    /**
     * The listings matching a search given as named parameters ({@link DirectoryQuery#parse}).
     *
     * @throws IllegalArgumentException naming a malformed parameter
     */
    public DirectoryPage search(Map<String, String> params) {
        SummaryDirectory d = directory;
        return d.query(DirectoryQuery.parse(params));
    }

    /**
     * The children of a path of the tree ({@code energy type/data type/region/group}, joined by '/'; empty
     * or null: the root) with their listing counts.
     *
     * @throws IllegalArgumentException naming a malformed path
     */
    public Browse browse(String path) {
        SummaryDirectory d = directory;
        List<String> prefix = path == null || path.isEmpty() ? List.of() : Arrays.asList(path.split("/", -1));
        List<DirectoryNode> children = d.browse(prefix);
        return new Browse(d.height(), List.copyOf(prefix), children);
    }

    /** The active listing {@code id} (empty if there is none) and the directory height it was looked up at. */
    public ListingAt listing(String id) {
        SummaryDirectory d = directory;
        return new ListingAt(d.get(id), d.height());
    }

    /**
     * Rebuilds the directory from the chain store and compares it with the running one. The digest covers
     * height and contents, so a block committed during the rebuild gets one retry.
     */
    public Consistency verify() {
        SummaryDirectory running = directory;
        SummaryDirectory rebuilt = rebuild();
        if (rebuilt.height() != running.height()) {
            rebuilt = rebuild();
        }
        byte[] live = running.digest();
        return new Consistency(running.height(), running.size(), live, rebuilt.height(), rebuilt.digest(),
                Arrays.equals(live, rebuilt.digest()));
    }

    public Optional<Path> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    private synchronized void save() {
        try {
            Files.createDirectories(snapshot.getParent());
            directory.save(snapshot);
            savedAt = directory.height();
        } catch (IOException | RuntimeException e) {
            LOG.warn("chain={} could not save the catalogue snapshot {}: {}", chain.id(), snapshot, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (snapshot != null) {
            save();
        }
    }
}
