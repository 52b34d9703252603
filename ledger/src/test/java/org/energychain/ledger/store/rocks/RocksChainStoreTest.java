package org.energychain.ledger.store.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.energychain.ledger.store.rocks.Blocks.utf8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.Chain;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.TxLocation;
import org.energychain.ledger.verify.ChainVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against RocksDB (all chains of a test in one database), plus what only a durable store does. */
class RocksChainStoreTest extends ChainStoreContract {
    @TempDir
    Path dir;
    RocksChainStores stores;

    @Override
    ChainStore open(Genesis genesis) {
        if (stores == null) {
            stores = RocksChainStores.open(dir);
        }
        return stores.forChain(genesis);
    }

    @AfterEach
    void closeDatabase() {
        if (stores != null) {
            stores.close();
        }
    }

    RocksChainStores reopen() {
        stores.close();
        stores = RocksChainStores.open(dir);
        return stores;
    }

    /** Reads of keys that do not exist (a contract's new records, replay probes) stop at a Bloom filter. */
    @Test
    void everyTableFileCarriesABloomFilter() throws Exception {
        Chain chain = net.chain(open(net.genesis));
        for (int b = 0; b < 3; b++) {
            chain.submit(net.tx("g1", net.group, b, "put", "k" + b + "=v" + b));
            assertThat(chain.cutBlock()).isPresent();
        }
        stores.flush();
        java.util.Map<String, org.rocksdb.TableProperties> all = new java.util.HashMap<>();
        for (var family : stores.familyHandles()) {
            all.putAll(stores.db().getPropertiesOfAllTables(family));
        }
        // the blocks, hashes, transaction index, state and meta families of the chain at least
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all.values()).allSatisfy(t -> assertThat(t.getFilterPolicyName()).containsIgnoringCase("bloom"));
        chain.close();
    }

    @Test
    void aReopenedStoreHoldsEverythingAndContinues() throws Exception {
        Chain chain = net.chain(open(net.genesis));
        List<Block> cut = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            chain.submit(net.tx("g1", net.group, b, "put", "k" + b + "=v" + b));
            chain.submit(net.tx("reg", net.regulator, b, "fail", "x"));
            cut.add(chain.cutBlock().orElseThrow());
        }
        chain.close();

        ChainStore store = reopen().forChain(net.genesis);
        HashFunction hash = net.suite.hash();
        assertThat(store.height()).isEqualTo(3);
        for (Block b : cut) {
            assertThat(store.block(b.height()).orElseThrow().encode()).isEqualTo(b.encode());
            assertThat(store.blockByHash(b.header().hash(hash))).isPresent();
            assertThat(store.locate(b.transactions().get(1).id(hash))).contains(new TxLocation(b.height(), 1));
        }
        assertThat(store.get("kv/k2")).isEqualTo(utf8("v2"));
        assertThat(store.scan("_nonce/", 10)).containsOnlyKeys("_nonce/g1", "_nonce/reg");

        Chain again = net.chain(store);
        assertThat(again.submit(net.tx("g1", net.group, 2, "put", "replay=1")).accepted()).isFalse();
        assertThat(again.submit(net.tx("g1", net.group, 3, "put", "k3=v3")).accepted()).isTrue();
        assertThat(again.cutBlock().orElseThrow().height()).isEqualTo(4);
        assertThat(new ChainVerifier(net.contracts).verify(store).ok()).isTrue();
        again.close();
        assertThat(reopen().existing(net.genesis.chainId()).orElseThrow().height()).isEqualTo(4);
    }

    @Test
    void aDifferentGenesisForAnExistingChainIsRefused() {
        open(net.genesis);
        Genesis later = new Genesis(net.genesis.chainId(), net.genesis.suite(), net.genesis.isPrivate(),
                net.genesis.time().plusSeconds(1), net.genesis.members(), net.genesis.nodes(), net.genesis.validators(),
                net.genesis.contracts(), net.genesis.limits());
        assertThatThrownBy(() -> stores.forChain(later)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chain test-chain already exists in this database with another genesis");
        assertThatThrownBy(() -> reopen().forChain(later)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another genesis");
        assertThat(stores.forChain(net.genesis).genesis().hash()).isEqualTo(net.genesis.hash());
    }

    @Test
    void severalChainsReopenWithTheirGenesisAndHeight() {
        List<String> ids = List.of("business-g1", "regulatory", "trading");
        for (int c = 0; c < ids.size(); c++) {
            Genesis g = Blocks.renamed(net.genesis, ids.get(c));
            ChainStore s = open(g);
            for (int h = 0; h <= c; h++) {
                append(s, Blocks.puts(net, g.chainId(), h, "n=" + h), null);
            }
        }
        RocksChainStores again = reopen();
        assertThat(again.chainIds()).containsExactlyElementsOf(ids);
        for (int c = 0; c < ids.size(); c++) {
            RocksChainStore s = again.existing(ids.get(c)).orElseThrow();
            assertThat(s.height()).isEqualTo(c + 1);
            assertThat(s.get("kv/n")).isEqualTo(utf8(String.valueOf(c)));
            assertThat(s.genesis().hash()).isEqualTo(Blocks.renamed(net.genesis, ids.get(c)).hash());
            assertThat(new ChainVerifier(net.contracts).verify(s).ok()).isTrue();
        }
        assertThat(again.existing("nope")).isEmpty();
    }

    @Test
    void corruptDataIsReportedWithTheChainAndHeight() throws Exception {
        ChainStore s = open(net.genesis);
        for (int h = 0; h < 3; h++) {
            append(s, Blocks.puts(net, net.genesis.chainId(), h, "n=" + h), null);
        }
        stores.close();
        Blocks.rawEdit(dir, (db, cf) -> db.put(cf.get("test-chain/blocks"), Blocks.heightKey(2), new byte[] {1, 2, 3}));
        stores = RocksChainStores.open(dir);
        ChainStore reopened = stores.forChain(net.genesis);
        assertThat(reopened.block(3)).isPresent();
        assertThatThrownBy(() -> reopened.block(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chain test-chain: block 2 is corrupt");
        assertThat(new ChainVerifier(net.contracts).verify(reopened).message())
                .startsWith("chain test-chain: block 2: cannot be read: chain test-chain: block 2 is corrupt");
    }

    @Test
    void closedStoresRefuseWorkInsteadOfCrashing() {
        ChainStore s = open(net.genesis);
        stores.close();
        assertThat(s.height()).isZero();
        assertThatThrownBy(() -> s.get("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> stores.forChain(net.genesis)).isInstanceOf(IllegalStateException.class);
        stores = null;
    }
}
