package org.energychain.ledger;

import java.util.Optional;
import java.util.SortedMap;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.store.TxLocation;

/**
 * A store that fails on demand like a damaged disk: state reads of keys under a prefix, or commits. Only
 * for tests of how a chain meets storage failures; otherwise it is the store it wraps.
 */
public final class FaultyStore implements ChainStore {
    private final ChainStore inner;
    public volatile String failReadsUnder;
    public volatile boolean failCommits;

    public FaultyStore(ChainStore inner) {
        this.inner = inner;
    }

    @Override
    public Genesis genesis() {
        return inner.genesis();
    }

    @Override
    public long height() {
        return inner.height();
    }

    @Override
    public Optional<Block> block(long height) {
        return inner.block(height);
    }

    @Override
    public Optional<Block> blockByHash(byte[] hash) {
        return inner.blockByHash(hash);
    }

    @Override
    public Optional<TxLocation> locate(byte[] txId) {
        return inner.locate(txId);
    }

    @Override
    public void append(Block block, WriteSet writes) {
        if (failCommits) {
            throw new StorageException("block " + block.height() + " could not be committed: IO error: No space left"
                    + " on device: /var/lib/energychain/chains/000123.log");
        }
        inner.append(block, writes);
    }

    @Override
    public void probe() {
        if (failCommits || failReadsUnder != null) {
            throw new StorageException("still failing");
        }
        inner.probe();
    }

    @Override
    public byte[] get(String key) {
        String p = failReadsUnder;
        if (p != null && key.startsWith(p)) {
            throw new StorageException("cannot read state key " + key + ": Corruption: block checksum mismatch in"
                    + " /var/lib/energychain/chains/000042.sst");
        }
        return inner.get(key);
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        return inner.scan(prefix, limit);
    }

    @Override
    public void close() {
        inner.close();
    }
}
