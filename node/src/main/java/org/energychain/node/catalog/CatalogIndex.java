package org.energychain.node.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.Role;
import org.energychain.node.HostedChain;
import org.energychain.trading.directory.DirectoryRebuild;
import org.energychain.trading.directory.SummaryDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's summary directory of one trading chain, kept in step with the chain block by block.
 * It starts from its last snapshot (or from nothing), catches up from the chain store, then follows
 * committed blocks; it is saved on close and every {@value #SNAPSHOT_EVERY} blocks. It is only ever
 * derived from the chain, so it can be thrown away and rebuilt at any time, and anyone can rebuild it to
 * check the platform's answers.
 */
public final class CatalogIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogIndex.class);
    /** The contract whose events the directory follows. */
    public static final String CONTRACT = "catalog";
    static final int SNAPSHOT_EVERY = 100;

    private final HostedChain chain;
    private final Path snapshot;
    @SuppressWarnings("NullAway.Init") // set by open() before the index is handed out
    private volatile SummaryDirectory directory;
    private long savedAt;

    private CatalogIndex(HostedChain chain, Path snapshot) {
        this.chain = chain;
        this.snapshot = snapshot;
    }

    /** Whether this node serves the catalogue of {@code c}: it runs the catalogue and the node is its platform. */
    public static boolean serves(HostedChain c) {
        return c.genesis().contracts().contains(CONTRACT)
                && c.genesis().member(c.member()).map(m -> m.has(Role.PLATFORM)).orElse(false);
    }

    /**
     * Opens the directory of {@code c}: from {@code snapshot} if it is there and readable (otherwise
     * rebuilt from the chain, with a warning), caught up with the store and then following new blocks.
     */
    public static CatalogIndex open(HostedChain c, Path snapshot) {
        CatalogIndex idx = new CatalogIndex(c, snapshot);
        SummaryDirectory d = null;
        if (snapshot != null && Files.exists(snapshot)) {
            try {
                d = SummaryDirectory.load(snapshot, c.id());
                if (d.height() > c.chain().store().height()) {
                    LOG.warn("chain={} catalogue snapshot at height {} is ahead of the chain ({}); rebuilding", c.id(),
                            d.height(), c.chain().store().height());
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
        DirectoryRebuild.catchUp(d, c.chain().store());
        idx.directory = d;
        idx.savedAt = d.height();
        LOG.info("chain={} catalogue ready: {} listings at height {} ({} blocks applied on start)", c.id(), d.size(),
                d.height(), d.height() - before);
        // from the height the directory reached, so no block between the catch-up and now is missed
        c.chain().follow("catalog", d.height(), idx::follow);
        return idx;
    }

    /** Opens the directory of every chain of {@code node} it {@link #serves}, snapshots under {@code dataDir/catalog}. */
    public static java.util.List<CatalogIndex> openAll(org.energychain.node.Node node, Path dataDir) {
        java.util.List<CatalogIndex> out = new java.util.ArrayList<>();
        for (HostedChain h : node.chains()) {
            if (serves(h)) {
                out.add(open(h, dataDir.resolve("catalog").resolve(h.id() + ".directory")));
            }
        }
        return out;
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
            directory = DirectoryRebuild.rebuild(chain.id(), chain.chain().store());
        }
    }

    private void apply(Block b) {
        SummaryDirectory d = directory;
        long h = b.header().height();
        if (h <= d.height()) {
            return;
        }
        if (h > d.height() + 1) {
            DirectoryRebuild.catchUp(d, chain.chain().store());
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

    public HostedChain chain() {
        return chain;
    }

    /** The directory as of now; answers carry the height they reflect. */
    public SummaryDirectory directory() {
        return directory;
    }

    /** A directory rebuilt from the chain store right now, independent of the running one. */
    public SummaryDirectory rebuild() {
        return DirectoryRebuild.rebuild(chain.id(), chain.chain().store());
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
