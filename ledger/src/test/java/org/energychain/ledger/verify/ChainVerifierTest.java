package org.energychain.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.ledger.Chain;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.store.rocks.Blocks;
import org.energychain.ledger.store.rocks.RocksChainStores;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocksdb.RocksDB;

class ChainVerifierTest {
    static final String BLOCKS = "test-chain/blocks";
    @TempDir
    Path dir;
    TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);

    /** Five blocks of three puts by g1 and one refused call by reg, on RocksDB in {@link #dir}; closed. */
    void buildChain() {
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            fill(net.chain(stores.forChain(net.genesis)), 5, 0);
        }
    }

    void fill(Chain chain, int blocks, int firstBlock) {
        for (int b = firstBlock; b < firstBlock + blocks; b++) {
            for (int i = 0; i < 3; i++) {
                chain.submit(net.tx("g1", net.group, b * 3L + i, "put", "k" + b + "." + i + "=v" + b));
            }
            chain.submit(net.tx("reg", net.regulator, b, "fail", "no"));
            assertThat(chain.cutBlock()).isPresent();
        }
    }

    ChainVerifier.Report verifyOnDisk() {
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            return new ChainVerifier(net.contracts).verify(stores.forChain(net.genesis));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519", "sm3-sm2"})
    void aValidChainVerifiesInMemoryAndOnDisk(String suite) {
        net = new TestNetwork(CryptoSuites.byName(suite), 10);
        InMemoryChainStore mem = new InMemoryChainStore(net.genesis);
        fill(net.chain(mem), 4, 0);
        ChainVerifier.Report r = new ChainVerifier(net.contracts).verify(mem);
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.message()).isEqualTo("chain test-chain: 4 blocks verify");
        buildChain();
        ChainVerifier.Report d = verifyOnDisk();
        assertThat(d.ok()).as(d.message()).isTrue();
        assertThat(d.height()).isEqualTo(5);
        assertThat(new ChainVerifier(net.contracts).verify(new InMemoryChainStore(net.genesis)).ok()).isTrue();
    }

    @Test
    void aFlippedByteInTheProposersSignatureIsFoundAtItsBlock() throws Exception {
        buildChain();
        edit(3, bytes -> {
            int headerLen = ByteBuffer.wrap(bytes).getInt(0);
            bytes[4 + headerLen + 4 + 5] ^= 0x01;
            return bytes;
        });
        assertBad(3, "the proposer's signature does not verify");
    }

    @Test
    void aFlippedByteInAResultIsFoundAtItsBlock() throws Exception {
        buildChain();
        edit(4, bytes -> {
            bytes[bytes.length - 1] ^= 0x01;
            return bytes;
        });
        assertBad(4, "results root differs");
    }

    @Test
    void swappedTransactionsAreFound() throws Exception {
        buildChain();
        editBlock(2, b -> {
            List<Transaction> txs = new ArrayList<>(b.transactions());
            txs.set(0, b.transactions().get(1));
            txs.set(1, b.transactions().get(0));
            return new Block(b.header(), b.signature(), txs, b.results());
        });
        assertBad(2, "tx root differs");
    }

    @Test
    void aChangedResultCodeIsFound() throws Exception {
        buildChain();
        editBlock(5, b -> {
            List<TxResult> results = new ArrayList<>(b.results());
            TxResult r = results.get(1);
            results.set(1, new TxResult(r.code() == 0 ? 100 : 0, r.message(), List.of()));
            return new Block(b.header(), b.signature(), b.transactions(), results);
        });
        assertBad(5, "results root differs");
    }

    @Test
    void aTransactionWithAForgedSignatureIsFoundEvenWhenTheProposerSignedTheBlock() throws Exception {
        buildChain();
        editBlock(2, b -> {
            List<Transaction> txs = new ArrayList<>(b.transactions());
            Transaction t = txs.get(2);
            txs.set(2, t.withSignature(txs.get(0).signature()));
            return resigned(b, txs, b.results());
        });
        assertBad(2, "signature of tx 2 does not verify");
    }

    @Test
    void aReplayedResultThatTheContractWouldNotGiveIsFound() throws Exception {
        buildChain();
        editBlock(3, b -> {
            List<TxResult> results = new ArrayList<>(b.results());
            int i = b.transactions().get(0).method().equals("fail") ? 0 : 1;
            i = b.transactions().get(i).method().equals("fail") ? i : 3;
            results.set(i, TxResult.ok(List.of()));
            return resigned(b, b.transactions(), results);
        });
        assertThat(verifyOnDisk().badHeight()).isEqualTo(3);
        assertThat(verifyOnDisk().reason()).contains("differs from the replay");
    }

    /** A contract whose writes depend on what it reads, so a tampered value changes later state roots. */
    static final class Counter implements Contract {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of("add", MethodSpec.submit());
        }

        @Override
        public void submit(TxContext ctx, String method, byte[] args) {
            byte[] v = ctx.get("n");
            long n = v == null ? 0 : ByteBuffer.wrap(v).getLong();
            ctx.put("n", ByteBuffer.allocate(8).putLong(n + 1).array());
        }

        @Override
        public byte[] query(QueryContext ctx, String method, byte[] args) {
            return ctx.get("n");
        }
    }

    @Test
    void aStateValueChangedBehindTheChainsBackIsFoundAtTheFirstBlockBuiltOnIt() throws Exception {
        Genesis g = Blocks.withContracts(net.genesis, "counter-chain", List.of("counter", "kv"));
        ContractRegistry contracts = new ContractRegistry().register(new TestNetwork.KvContract()).register(new Counter());
        long nonce = 0;
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            Chain chain = Blocks.chain(net, g, stores.forChain(g), contracts);
            for (int b = 0; b < 3; b++) {
                chain.submit(add(g, nonce++));
                chain.submit(put(g, nonce++, "k" + b + "=v"));
                assertThat(chain.cutBlock()).isPresent();
            }
        }
        Blocks.rawEdit(dir, (db, cf) -> db.put(cf.get("counter-chain/state"), Blocks.utf8("counter/n"),
                ByteBuffer.allocate(8).putLong(100).array()));
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            ChainStore store = stores.forChain(g);
            ChainVerifier.Report early = new ChainVerifier(contracts).verify(store);
            assertThat(early.badHeight()).isEqualTo(3);
            assertThat(early.reason()).startsWith("the stored state differs from the replay: key counter/n");
            Chain chain = Blocks.chain(net, g, store, contracts);
            for (int b = 3; b < 6; b++) {
                chain.submit(add(g, nonce++));
                assertThat(chain.cutBlock()).isPresent();
            }
            ChainVerifier.Report r = new ChainVerifier(contracts).verify(store);
            assertThat(r.badHeight()).as(r.message()).isEqualTo(4);
            assertThat(r.reason()).isEqualTo("state root differs from the replay");
            assertThat(r.message()).isEqualTo("chain counter-chain: block 4: state root differs from the replay");
        }
    }

    @Test
    void aTamperedNonceIsFoundAtTheFirstBlockThatUsesIt() throws Exception {
        buildChain();
        Blocks.rawEdit(dir, (db, cf) -> db.put(cf.get("test-chain/state"), Blocks.utf8("_nonce/reg"),
                ByteBuffer.allocate(8).putLong(7).array()));
        try (RocksChainStores stores = RocksChainStores.open(dir)) {
            Chain chain = net.chain(stores.forChain(net.genesis));
            chain.submit(net.tx("reg", net.regulator, 7, "fail", "skipped two"));
            assertThat(chain.cutBlock()).isPresent();
            ChainVerifier.Report r = new ChainVerifier(net.contracts).verify(chain.store());
            assertThat(r.badHeight()).isEqualTo(6);
            assertThat(r.reason()).isEqualTo("tx 0: nonce 7 of reg, expected 5");
        }
    }

    Transaction add(Genesis g, long nonce) {
        return Transaction.sign(g.chainId(), "g1", nonce, "counter", "add", new byte[0], net.suite.signatures(),
                net.group.privateKey());
    }

    Transaction put(Genesis g, long nonce, String kv) {
        return Transaction.sign(g.chainId(), "g1", nonce, "kv", "put", kv.getBytes(StandardCharsets.UTF_8),
                net.suite.signatures(), net.group.privateKey());
    }

    Block resigned(Block b, List<Transaction> txs, List<TxResult> results) {
        List<byte[]> ids = new ArrayList<>();
        txs.forEach(t -> ids.add(t.id(net.suite.hash())));
        List<byte[]> leaves = new ArrayList<>();
        results.forEach(r -> leaves.add(r.encode()));
        BlockHeader h = b.header();
        BlockHeader forged = new BlockHeader(h.chainId(), h.height(), h.previousHash(), MerkleTree.rootOf(net.suite.hash(), ids),
                MerkleTree.rootOf(net.suite.hash(), leaves), h.stateRoot(), h.time(), h.proposer(), h.txCount());
        return new Block(forged, net.suite.signatures().sign(net.node.privateKey(), forged.encode()), txs, results);
    }

    void assertBad(long height, String reason) {
        ChainVerifier.Report r = verifyOnDisk();
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).isEqualTo("chain test-chain: block " + height + ": " + reason);
        assertThat(r.badHeight()).isEqualTo(height);
    }

    interface BytesEdit {
        byte[] apply(byte[] b);
    }

    interface BlockEdit {
        Block apply(Block b);
    }

    void edit(long height, BytesEdit e) throws Exception {
        Blocks.rawEdit(dir, (RocksDB db, Map<String, org.rocksdb.ColumnFamilyHandle> cf) -> {
            byte[] v = db.get(cf.get(BLOCKS), Blocks.heightKey(height));
            db.put(cf.get(BLOCKS), Blocks.heightKey(height), e.apply(v));
        });
    }

    void editBlock(long height, BlockEdit e) throws Exception {
        edit(height, bytes -> e.apply(Block.decode(bytes, net.suite.hash().digestLength())).encode());
    }
}
