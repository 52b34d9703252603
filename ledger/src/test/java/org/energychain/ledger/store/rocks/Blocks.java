package org.energychain.ledger.store.rocks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.Chain;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.exec.BlockExecutor;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.tx.Transaction;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** Test helpers: blocks built by the real executor on top of a store, a copy of a genesis under another id, raw RocksDB edits. */
public final class Blocks {
    private Blocks() {
    }

    /** The genesis of {@code net} under another chain id (same members, keys, contracts). */
    public static Genesis renamed(Genesis g, String chainId) {
        return new Genesis(chainId, g.suite(), g.isPrivate(), g.time(), g.members(), g.nodes(), g.validators(), g.contracts(), g.limits());
    }

    public static Genesis withContracts(Genesis g, String chainId, List<String> contracts) {
        return new Genesis(chainId, g.suite(), g.isPrivate(), g.time(), g.members(), g.nodes(), g.validators(), contracts, g.limits());
    }

    /** A chain of {@code net} on {@code genesis} (which may be a renamed copy of net's). */
    public static Chain chain(TestNetwork net, Genesis genesis, ChainStore store,
            org.energychain.ledger.contract.ContractRegistry contracts) {
        return new Chain(genesis, store, contracts, "n1", net.node.privateKey(),
                Clock.fixed(TestNetwork.T0.plusSeconds(60), ZoneOffset.UTC));
    }

    /** Executes {@code txs} as the next block on top of {@code store} (not appended). */
    public static ExecutedBlock next(TestNetwork net, ChainStore store, List<Transaction> txs) {
        return at(net, store, store.height() + 1, txs);
    }

    /** Executes {@code txs} as block {@code height} linked to the store's current last block. */
    public static ExecutedBlock at(TestNetwork net, ChainStore store, long height, List<Transaction> txs) {
        Genesis g = store.genesis();
        HashFunction hash = g.cryptoSuite().hash();
        long h = store.height();
        BlockHeader prev = h == 0 ? null : store.block(h).orElseThrow().header();
        byte[] prevHash = prev == null ? g.hash() : prev.hash(hash);
        byte[] prevRoot = prev == null ? WriteSet.initialRoot(hash, g.hash()) : prev.stateRoot();
        return new BlockExecutor(g, net.contracts).execute(store, height, prevHash, prevRoot,
                TestNetwork.T0.plusSeconds(height), "n1", net.node.privateKey(), txs);
    }

    /** kv puts by g1 on {@code chainId}, nonces from {@code firstNonce}. */
    public static List<Transaction> puts(TestNetwork net, String chainId, long firstNonce, String... kvs) {
        List<Transaction> out = new ArrayList<>();
        long nonce = firstNonce;
        for (String kv : kvs) {
            out.add(Transaction.sign(chainId, "g1", nonce++, "kv", "put", kv.getBytes(StandardCharsets.UTF_8),
                    net.suite.signatures(), net.group.privateKey()));
        }
        return out;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public interface RawEdit {
        void apply(RocksDB db, Map<String, ColumnFamilyHandle> families) throws Exception;
    }

    /** Opens the database directory with plain RocksDB (all column families), applies {@code edit}, closes. */
    public static void rawEdit(java.nio.file.Path dir, RawEdit edit) throws Exception {
        List<byte[]> names;
        try (Options o = new Options()) {
            names = RocksDB.listColumnFamilies(o, dir.toString());
        }
        List<ColumnFamilyDescriptor> ds = new ArrayList<>();
        names.forEach(n -> ds.add(new ColumnFamilyDescriptor(n)));
        List<ColumnFamilyHandle> hs = new ArrayList<>();
        try (DBOptions dbo = new DBOptions(); RocksDB db = RocksDB.open(dbo, dir.toString(), ds, hs)) {
            Map<String, ColumnFamilyHandle> byName = new java.util.HashMap<>();
            for (int i = 0; i < ds.size(); i++) {
                byName.put(new String(ds.get(i).getName(), StandardCharsets.UTF_8), hs.get(i));
            }
            try {
                edit.apply(db, byName);
            } finally {
                hs.forEach(ColumnFamilyHandle::close);
            }
        }
    }

    public static byte[] heightKey(long h) {
        return RocksChainStore.heightKey(h);
    }

    public static Block block(ChainStore s, long h) {
        return s.block(h).orElseThrow();
    }
}
