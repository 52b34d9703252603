package org.energychain.ledger.store.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.energychain.ledger.store.rocks.Blocks.utf8;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.Chain;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.TxLocation;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChainStore} must do, run against each implementation with the same assertions
 * (subclasses say how to open a store; two stores opened by one test share a database where the
 * implementation has one).
 */
abstract class ChainStoreContract {
    final TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);

    /** A store of {@code genesis}'s chain, empty at first; closed by the subclass after the test. */
    abstract ChainStore open(Genesis genesis);

    @Test
    void blocksRoundTripAndAreFoundByHeightHashAndTxId() throws Exception {
        ChainStore store = open(net.genesis);
        assertThat(store.height()).isZero();
        assertThat(store.block(1)).isEmpty();
        Chain chain = net.chain(store);
        HashFunction hash = net.suite.hash();
        List<Block> cut = new ArrayList<>();
        List<Submission> subs = new ArrayList<>();
        long nonce = 0;
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < 4; i++) {
                subs.add(chain.submit(net.tx("g1", net.group, nonce++, "put", "k" + b + i + "=v" + b + i)));
            }
            subs.add(chain.submit(net.tx("reg", net.regulator, b, "fail", "no " + b)));
            cut.add(chain.cutBlock().orElseThrow());
        }
        assertThat(store.height()).isEqualTo(3);
        assertThat(store.genesis().hash()).isEqualTo(net.genesis.hash());
        for (Block b : cut) {
            Block stored = store.block(b.height()).orElseThrow();
            assertThat(stored.encode()).isEqualTo(b.encode());
            assertThat(store.blockByHash(b.header().hash(hash)).orElseThrow().encode()).isEqualTo(b.encode());
            for (int i = 0; i < b.transactions().size(); i++) {
                assertThat(store.locate(b.transactions().get(i).id(hash))).contains(new TxLocation(b.height(), i));
            }
        }
        for (Submission s : subs) {
            assertThat(s.accepted()).isTrue();
            assertThat(s.receipt().get().height()).isBetween(1L, 3L);
        }
        assertThat(store.block(0)).isEmpty();
        assertThat(store.block(4)).isEmpty();
        assertThat(store.block(-1)).isEmpty();
        assertThat(store.blockByHash(new byte[32])).isEmpty();
        assertThat(store.locate(new byte[32])).isEmpty();
        assertThat(store.get("kv/k21")).isEqualTo(utf8("v21"));
        assertThat(store.get("kv/should-not-stay")).isNull();
        assertThat(store.block(3).orElseThrow().results()).filteredOn(r -> r.code() == 101)
                .singleElement().satisfies(r -> assertThat(r.message()).isEqualTo("refused: no 2"));
    }

    /** Keys whose UTF-16 order differs from their UTF-8 byte order (U+FFFD sorts before a surrogate pair in UTF-8). */
    static final List<String> KEYS = List.of("p/a", "p/b", "p/\u00e9", "p/z", "p/\uFFFD", "p/\uD83D\uDE00", "p",
            "p0", "o/z", "q/x", "p/");

    @Test
    void stateIsReadAndScannedInUtf8ByteOrderAcrossBlocksWithPrefixLimitAndDeletes() {
        ChainStore store = open(net.genesis);
        WriteSet w1 = new WriteSet();
        KEYS.forEach(k -> w1.put(k, utf8("1:" + k)));
        append(store, List.of(), w1);
        assertThat(store.get("p/\u00e9")).isEqualTo(utf8("1:p/\u00e9"));
        assertThat(store.get("absent")).isNull();
        assertThat(store.scan("p/", 100).keySet()).containsExactly("p/", "p/a", "p/b", "p/z", "p/\u00e9", "p/\uFFFD",
                "p/\uD83D\uDE00");
        assertThat(new ArrayList<>(store.scan("p/", 100).keySet())).isSortedAccordingTo(WriteSet::compareUtf8);
        assertThat(store.scan("p/", 2).keySet()).containsExactly("p/", "p/a");
        assertThat(store.scan("p/", 0)).isEmpty();
        assertThat(store.scan("p", 100).keySet()).containsExactly("p", "p/", "p/a", "p/b", "p/z", "p/\u00e9", "p/\uFFFD",
                "p/\uD83D\uDE00", "p0");
        assertThat(store.scan("", 1000)).hasSize(KEYS.size());
        assertThat(store.scan("nothing", 10)).isEmpty();
        assertThat(store.scan("p/\u00e9", 10)).containsOnlyKeys("p/\u00e9");
        assertThat(store.scan("p/\u00e9", 10).get("p/\u00e9")).isEqualTo(utf8("1:p/\u00e9"));

        WriteSet w2 = new WriteSet();
        w2.delete("p/b");
        w2.delete("p/never-there");
        w2.put("p/a", utf8("2"));
        w2.put("p/c", new byte[0]);
        append(store, List.of(), w2);
        assertThat(store.get("p/b")).isNull();
        assertThat(store.get("p/a")).isEqualTo(utf8("2"));
        assertThat(store.get("p/c")).isEmpty();
        assertThat(store.scan("p/", 3).keySet()).containsExactly("p/", "p/a", "p/c");
        assertThat(store.height()).isEqualTo(2);

        // values handed out are copies
        store.get("p/a")[0] = 'x';
        store.scan("p/a", 1).get("p/a")[0] = 'x';
        assertThat(store.get("p/a")).isEqualTo(utf8("2"));
    }

    @Test
    void aBlockAtTheWrongHeightOrWithAWrongPreviousHashIsRefusedAndChangesNothing() {
        ChainStore store = open(net.genesis);
        append(store, Blocks.puts(net, net.genesis.chainId(), 0, "a=1"), null);
        Block first = store.block(1).orElseThrow();

        // block 3 on top of block 1
        ExecutedBlock skip = Blocks.at(net, store, 3, Blocks.puts(net, net.genesis.chainId(), 1, "b=2"));
        assertThatThrownBy(() -> store.append(skip.block(), skip.writes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("block 3 appended at height 2");
        // block 1 again
        ExecutedBlock again = Blocks.at(net, new org.energychain.ledger.store.InMemoryChainStore(net.genesis), 1,
                Blocks.puts(net, net.genesis.chainId(), 0, "b=2"));
        assertThatThrownBy(() -> store.append(again.block(), again.writes())).isInstanceOf(IllegalArgumentException.class);
        // block 2 linked to the genesis instead of block 1
        ExecutedBlock good = Blocks.next(net, store, Blocks.puts(net, net.genesis.chainId(), 1, "b=2"));
        Block b = good.block();
        Block unlinked = new Block(new org.energychain.ledger.block.BlockHeader(b.header().chainId(), 2,
                net.genesis.hash(), b.header().txRoot(), b.header().resultsRoot(), b.header().stateRoot(),
                b.header().time(), b.header().proposer(), b.header().txCount()), b.signature(), b.transactions(),
                b.results());
        assertThatThrownBy(() -> store.append(unlinked, good.writes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not link");
        // a block of another chain
        Genesis other = Blocks.renamed(net.genesis, "other-chain");
        ChainStore otherStore = new org.energychain.ledger.store.InMemoryChainStore(other);
        append(otherStore, Blocks.puts(net, "other-chain", 0, "b=1"), null);
        ExecutedBlock foreign = Blocks.next(net, otherStore, Blocks.puts(net, "other-chain", 1, "b=2"));
        assertThatThrownBy(() -> store.append(foreign.block(), foreign.writes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block of chain other-chain");

        assertThat(store.height()).isEqualTo(1);
        assertThat(store.block(2)).isEmpty();
        assertThat(store.get("kv/b")).isNull();
        assertThat(store.get("kv/a")).isEqualTo(utf8("1"));
        assertThat(store.locate(b.transactions().get(0).id(net.suite.hash()))).isEmpty();
        assertThat(store.blockByHash(unlinked.header().hash(net.suite.hash()))).isEmpty();
        assertThat(store.block(1).orElseThrow().encode()).isEqualTo(first.encode());

        // and the right block still goes in
        store.append(good.block(), good.writes());
        assertThat(store.height()).isEqualTo(2);
        assertThat(store.get("kv/b")).isEqualTo(utf8("2"));
    }

    @Test
    void twoChainsAreKeptApart() {
        Genesis otherGenesis = Blocks.renamed(net.genesis, "other-chain");
        ChainStore a = open(net.genesis);
        ChainStore b = open(otherGenesis);
        append(a, Blocks.puts(net, net.genesis.chainId(), 0, "x=a1", "only-a=1"), null);
        append(b, Blocks.puts(net, "other-chain", 0, "x=b1"), null);
        append(b, Blocks.puts(net, "other-chain", 1, "x=b2"), null);
        assertThat(a.height()).isEqualTo(1);
        assertThat(b.height()).isEqualTo(2);
        assertThat(a.get("kv/x")).isEqualTo(utf8("a1"));
        assertThat(b.get("kv/x")).isEqualTo(utf8("b2"));
        assertThat(b.get("kv/only-a")).isNull();
        assertThat(a.scan("kv/", 10)).containsOnlyKeys("kv/x", "kv/only-a");
        assertThat(b.scan("", 10)).containsOnlyKeys("kv/x", "_nonce/g1");
        HashFunction hash = net.suite.hash();
        Block a1 = a.block(1).orElseThrow();
        Block b1 = b.block(1).orElseThrow();
        assertThat(a1.header().chainId()).isEqualTo(net.genesis.chainId());
        assertThat(b1.header().chainId()).isEqualTo("other-chain");
        assertThat(b.locate(a1.transactions().get(0).id(hash))).isEmpty();
        assertThat(a.locate(b1.transactions().get(0).id(hash))).isEmpty();
        assertThat(b.blockByHash(a1.header().hash(hash))).isEmpty();
        assertThat(a.genesis().chainId()).isEqualTo(net.genesis.chainId());
        assertThat(b.genesis().chainId()).isEqualTo("other-chain");
    }

    /** Executes {@code txs} as the next block and appends it with {@code writes} (the executor's when null). */
    Block append(ChainStore store, List<Transaction> txs, WriteSet writes) {
        ExecutedBlock e = Blocks.next(net, store, txs);
        store.append(e.block(), writes == null ? e.writes() : writes);
        return e.block();
    }
}
