package org.energychain.trading.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.store.ChainStore;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.catalog.Listings;
import org.energychain.trading.catalog.TradingNet;
import org.energychain.trading.catalog.WithdrawArgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory fed by a real chain running the catalogue contract: rebuild, catch-up and entry checks. */
class DirectoryChainTest {
    @TempDir
    Path tmp;

    private final TradingNet net = new TradingNet();
    private final SummaryDirectory live = SummaryDirectory.empty(TradingNet.CHAIN);

    /** The live directory follows the chain's blocks on the feed's thread, as the node's catalogue does. */
    private final org.energychain.ledger.feed.BlockFeed.Subscription following = net.chain.onBlock(live::apply);

    /** The live directory once it has been given every committed block. */
    private SummaryDirectory live() {
        try {
            assertThat(following.awaitDelivered(store().height(), 30_000)).as("the follower keeps up").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return live;
    }

    @AfterEach
    void close() {
        net.close();
    }

    private void publish(String sender, Listing l) {
        net.submit(sender, CatalogContract.PUBLISH, l.encode());
    }

    private ChainStore store() {
        return net.chain.store();
    }

    private HashFunction hash() {
        return net.suite.hash();
    }

    private void history() {
        publish("G1", Listings.simple("D1/G1/jan", "G1"));
        publish("G2", Listings.simple("D1/G2/jan", "G2"));
        publish("G2", Listings.simple("D1/G1/stolen", "G1"));
        publish("G1", Listings.listing("D1/G1/feb", "solar", "forecast", "South", "G1", "G1-S001", Listings.FEB,
                Listings.MAR, 300));
        net.submit("G1", CatalogContract.UPDATE, Listings.listing("D1/G1/jan", "wind", "forecast", "East", "G1",
                "G1-W002", Listings.JAN, Listings.FEB, 700).encode());
        net.submit("G2", CatalogContract.WITHDRAW, new WithdrawArgs("D1/G2/jan").encode());
    }

    @Test
    void theLiveDirectoryFollowsTheContract() {
        history();
        assertThat(live().height()).isEqualTo(store().height());
        assertThat(live().size()).isEqualTo(2);
        assertThat(live().get("D1/G1/stolen")).isEmpty();
        assertThat(live().get("D1/G2/jan")).isEmpty();
        ListingRecord jan = live().get("D1/G1/jan").orElseThrow();
        assertThat(jan.version()).isEqualTo(2);
        assertThat(jan.listing().path()).isEqualTo("wind/forecast/East/G1/G1-W002");
    }

    @Test
    void aRebuildFromTheStoreEqualsTheLiveDirectory() {
        history();
        SummaryDirectory rebuilt = DirectoryRebuild.rebuild(TradingNet.CHAIN, store());
        assertThat(rebuilt.height()).isEqualTo(live().height());
        assertThat(rebuilt.digest()).isEqualTo(live().digest());
        assertThat(rebuilt.query(DirectoryQuery.all())).isEqualTo(live().query(DirectoryQuery.all()));
        assertThatThrownBy(() -> DirectoryRebuild.rebuild("other", store())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chain other");
    }

    @Test
    void aSnapshotCatchesUpWithTheBlocksSinceIt() throws Exception {
        publish("G1", Listings.simple("D1/G1/jan", "G1"));
        Path file = tmp.resolve("dir.snap");
        live().save(file);
        history();
        SummaryDirectory restored = DirectoryRebuild.catchUp(SummaryDirectory.load(file, TradingNet.CHAIN), store());
        assertThat(restored.height()).isEqualTo(store().height());
        assertThat(restored.digest()).isEqualTo(live().digest());

        SummaryDirectory ahead = DirectoryRebuild.rebuild(TradingNet.CHAIN, store());
        try (TradingNet fresh = new TradingNet()) {
            assertThatThrownBy(() -> DirectoryRebuild.catchUp(ahead, fresh.chain.store()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("rebuild");
        }
    }

    @Test
    void everyEntryChecksAgainstItsTransaction() {
        history();
        List<ListingRecord> entries = live().query(DirectoryQuery.all()).entries();
        assertThat(entries).hasSize(2);
        for (ListingRecord r : entries) {
            EntryCheck.Verdict v = EntryCheck.check(r, store().block(r.height()).orElseThrow(), hash());
            assertThat(v.ok()).as(v.toString()).isTrue();
            assertThat(v.proof()).isNotNull();
        }
    }

    @Test
    void aTamperedEntryFailsItsCheckNamingWhat() {
        history();
        ListingRecord r = live().get("D1/G1/jan").orElseThrow();
        Block block = store().block(r.height()).orElseThrow();
        Listing l = r.listing();
        Listing cheaper = Listings.listing(l.id(), l.energyType(), l.dataType(), l.region(), l.group(), l.unit(),
                l.from(), l.to(), l.price() - 1);
        ListingRecord priced = new ListingRecord(r.seller(), r.version(), r.status(), r.txId(), r.height(), cheaper);
        EntryCheck.Verdict v = EntryCheck.check(priced, block, hash());
        assertThat(v.ok()).isFalse();
        assertThat(v.failures()).anyMatch(f -> f.startsWith("args")).anyMatch(f -> f.startsWith("event"));

        ListingRecord resold = new ListingRecord("G2", r.version(), r.status(), r.txId(), r.height(), l);
        assertThat(EntryCheck.check(resold, block, hash()).failures()).anyMatch(f -> f.startsWith("seller"));

        ListingRecord older = new ListingRecord(r.seller(), 1, r.status(), r.txId(), r.height(), l);
        assertThat(EntryCheck.check(older, block, hash()).failures()).containsExactly(
                "event: the transaction announced no catalogue event equal to this record");

        ListingRecord elsewhere = new ListingRecord(r.seller(), r.version(), r.status(), "00".repeat(32), r.height(), l);
        assertThat(EntryCheck.check(elsewhere, block, hash()).failures()).anyMatch(f -> f.startsWith("transaction"));

        Block otherBlock = store().block(r.height() - 1).orElseThrow();
        assertThat(EntryCheck.check(r, otherBlock, hash()).failures()).anyMatch(f -> f.startsWith("height"));

        BlockHeader h = block.header();
        byte[] root = h.txRoot();
        root[0] ^= 1;
        Block forged = new Block(new BlockHeader(h.chainId(), h.height(), h.previousHash(), root, h.resultsRoot(),
                h.stateRoot(), h.time(), h.proposer(), h.txCount()), block.signature(), block.transactions(),
                block.results());
        assertThat(EntryCheck.check(r, forged, hash()).failures()).containsExactly(
                "inclusion: transaction " + r.txId() + " does not prove into the block's tx root");
    }

    @Test
    void aRefusedTransactionDoesNotCheck() {
        publish("G1", Listings.simple("D1/G1/jan", "G1"));
        var receipt = net.submit("G1", CatalogContract.PUBLISH, Listings.simple("D1/G1/jan", "G1").encode());
        Block block = store().block(receipt.height()).orElseThrow();
        ListingRecord claimed = new ListingRecord("G1", 1, ListingRecord.Status.ACTIVE, receipt.txId(), receipt.height(),
                Listings.simple("D1/G1/jan", "G1"));
        assertThat(EntryCheck.check(claimed, block, hash()).failures()).anyMatch(f -> f.startsWith("result"))
                .anyMatch(f -> f.startsWith("event"));
    }
}
