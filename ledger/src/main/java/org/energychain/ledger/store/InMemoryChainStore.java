package org.energychain.ledger.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.state.WriteSet;

/**
 * A chain store in memory, for tests and simulations; passes the same contract tests as the RocksDB
 * store except durability across restarts.
 */
public final class InMemoryChainStore implements ChainStore {
    private final Genesis genesis;
    private final HashFunction hash;
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Long> heightsByHash = new HashMap<>();
    private final Map<String, TxLocation> txs = new HashMap<>();
    private final TreeMap<String, byte[]> state = new TreeMap<>(WriteSet::compareUtf8);

    public InMemoryChainStore(Genesis genesis) {
        this.genesis = genesis;
        this.hash = genesis.cryptoSuite().hash();
    }

    @Override
    public Genesis genesis() {
        return genesis;
    }

    @Override
    public synchronized long height() {
        return blocks.size();
    }

    @Override
    public synchronized Optional<Block> block(long height) {
        return height >= 1 && height <= blocks.size() ? Optional.of(blocks.get((int) height - 1)) : Optional.empty();
    }

    @Override
    public synchronized Optional<Block> blockByHash(byte[] h) {
        Long height = heightsByHash.get(Hex.encode(h));
        return height == null ? Optional.empty() : block(height);
    }

    @Override
    public synchronized Optional<TxLocation> locate(byte[] txId) {
        return Optional.ofNullable(txs.get(Hex.encode(txId)));
    }

    @Override
    public synchronized void append(Block block, WriteSet writes) {
        ChainStores.checkAppend(this, block, hash);
        blocks.add(block);
        heightsByHash.put(Hex.encode(block.header().hash(hash)), block.height());
        for (int i = 0; i < block.transactions().size(); i++) {
            txs.put(Hex.encode(block.transactions().get(i).id(hash)), new TxLocation(block.height(), i));
        }
        writes.changes().forEach((k, v) -> {
            if (v == null) {
                state.remove(k);
            } else {
                state.put(k, v.clone());
            }
        });
    }

    @Override
    public synchronized byte[] get(String key) {
        byte[] v = state.get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public synchronized SortedMap<String, byte[]> scan(String prefix, int limit) {
        TreeMap<String, byte[]> out = new TreeMap<>(WriteSet::compareUtf8);
        for (Map.Entry<String, byte[]> e : state.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix) || out.size() == limit) {
                break;
            }
            out.put(e.getKey(), e.getValue().clone());
        }
        return out;
    }

    private final TreeMap<Long, byte[]> certificates = new TreeMap<>();
    private final Map<String, byte[]> local = new HashMap<>();

    @Override
    public synchronized java.util.Optional<byte[]> certificate(long height) {
        return java.util.Optional.ofNullable(certificates.get(height)).map(byte[]::clone);
    }

    @Override
    public synchronized long certifiedHeight() {
        return certificates.isEmpty() ? 0 : certificates.lastKey();
    }

    @Override
    public synchronized void putCertificate(long height, byte[] certificate) {
        if (height < 1 || height > blocks.size()) {
            throw new IllegalArgumentException("chain " + genesis.chainId() + ": no block " + height + " to certify");
        }
        certificates.put(height, certificate.clone());
    }

    @Override
    public synchronized java.util.Optional<byte[]> local(String key) {
        return java.util.Optional.ofNullable(local.get(key)).map(byte[]::clone);
    }

    @Override
    public synchronized void putLocal(String key, byte[] value) {
        local.put(key, value.clone());
    }

    @Override
    public void close() {
    }
}
