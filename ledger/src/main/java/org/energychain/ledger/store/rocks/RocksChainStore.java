package org.energychain.ledger.store.rocks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.ChainStores;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.store.TxLocation;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * One chain's {@link ChainStore} inside a node's {@link RocksChainStores} database. {@link #append} puts
 * the block, its hash and transaction indexes, its state changes and the new height into ONE
 * {@link WriteBatch} written with {@code sync=true}: RocksDB applies a batch atomically and fsyncs its
 * write-ahead log before returning, so after a crash the chain is exactly at the last block whose
 * {@code append} returned (or a later one that was in flight), never between two blocks.
 *
 * <p>The last block is kept decoded in memory, so linking the next block and building it do not decode a
 * full block from disk. A read or write error, and stored data that does not decode, is reported as a
 * {@link StorageException} naming the chain and the height (or key). {@link #close()} releases this view only; the database is
 * closed by its {@link RocksChainStores}. Thread-safe; appends are serialised.
 */
public final class RocksChainStore implements ChainStore {
    private static final byte[] PROBE_KEY = "probe".getBytes(StandardCharsets.UTF_8);

    private final RocksChainStores owner;
    private final Genesis genesis;
    private final String chainId;
    private final HashFunction hash;
    private final int width;
    // rebound by a reopen of the database
    private volatile ColumnFamilyHandle blocks;
    private volatile ColumnFamilyHandle hashes;
    private volatile ColumnFamilyHandle txs;
    private volatile ColumnFamilyHandle state;
    private volatile ColumnFamilyHandle meta;
    private volatile ColumnFamilyHandle certs;
    private volatile long certified;
    private volatile long height;
    private volatile Block head;
    private volatile boolean closed;

    RocksChainStore(RocksChainStores owner, Genesis genesis, ColumnFamilyHandle[] handles) throws RocksDBException {
        this.owner = owner;
        this.genesis = genesis;
        this.chainId = genesis.chainId();
        this.hash = genesis.cryptoSuite().hash();
        this.width = hash.digestLength();
        bind(handles);
        load();
    }

    void bind(ColumnFamilyHandle[] handles) {
        this.blocks = handles[0];
        this.hashes = handles[1];
        this.txs = handles[2];
        this.state = handles[3];
        this.meta = handles[4];
        this.certs = handles[5];
    }

    /** Reads the recorded height and the last block (on open, and after a reopen of the database). */
    void load() throws RocksDBException {
        byte[] h = owner.db().get(meta, owner.readOptions(), RocksChainStores.HEIGHT_KEY);
        if (h != null && h.length != 8) {
            throw new StorageException("chain " + chainId + ": the recorded height is corrupt (" + h.length + " bytes)");
        }
        long recorded = h == null ? 0 : readLong(h, 0);
        if (recorded < 0) {
            throw new StorageException("chain " + chainId + ": the recorded height " + recorded + " is negative");
        }
        if (owner.db().get(blocks, owner.readOptions(), heightKey(recorded + 1)) != null) {
            throw new StorageException("chain " + chainId + ": block " + (recorded + 1)
                    + " is stored beyond the recorded height " + recorded);
        }
        this.certified = lastCertified();
        this.height = recorded;
        this.head = recorded == 0 ? null : read(recorded).orElseThrow(() -> new StorageException("chain " + chainId
                + ": block " + recorded + " (the recorded height) is missing"));
    }

    @Override
    public Genesis genesis() {
        return genesis;
    }

    @Override
    public long height() {
        return height;
    }

    @Override
    public Optional<Block> block(long h) {
        Block last = head;
        if (last != null && last.height() == h) {
            return Optional.of(last);
        }
        if (h < 1 || h > height) {
            return Optional.empty();
        }
        return read(h);
    }

    private Optional<Block> read(long h) {
        byte[] bytes = get(blocks, heightKey(h), "block " + h);
        if (bytes == null) {
            return Optional.empty();
        }
        Block b;
        try {
            b = Block.decode(bytes, width);
        } catch (RuntimeException e) {
            throw new StorageException("chain " + chainId + ": block " + h + " is corrupt: " + e.getMessage(), e);
        }
        if (b.height() != h || !b.header().chainId().equals(chainId)) {
            throw new StorageException("chain " + chainId + ": block " + h + " is corrupt: it says it is block "
                    + b.height() + " of chain " + b.header().chainId());
        }
        return Optional.of(b);
    }

    @Override
    public Optional<Block> blockByHash(byte[] blockHash) {
        byte[] h = get(hashes, blockHash, "block hash " + Hex.encode(blockHash));
        if (h == null) {
            return Optional.empty();
        }
        if (h.length != 8) {
            throw new StorageException("chain " + chainId + ": the index entry of block hash " + Hex.encode(blockHash)
                    + " is corrupt");
        }
        return block(readLong(h, 0));
    }

    @Override
    public Optional<TxLocation> locate(byte[] txId) {
        byte[] v = get(txs, txId, "transaction " + Hex.encode(txId));
        if (v == null) {
            return Optional.empty();
        }
        if (v.length != 12) {
            throw new StorageException("chain " + chainId + ": the index entry of transaction " + Hex.encode(txId)
                    + " is corrupt");
        }
        return Optional.of(new TxLocation(readLong(v, 0), readInt(v, 8)));
    }

    @Override
    public synchronized void append(Block block, WriteSet writes) {
        owner.lifecycle.readLock().lock();
        try {
            checkOpen();
            ChainStores.checkAppend(this, block, hash);
            long h = block.height();
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(blocks, heightKey(h), block.encode());
                batch.put(hashes, block.header().hash(hash), heightKey(h));
                for (int i = 0; i < block.transactions().size(); i++) {
                    byte[] loc = new byte[12];
                    writeLong(loc, 0, h);
                    writeInt(loc, 8, i);
                    batch.put(txs, block.transactions().get(i).id(hash), loc);
                }
                for (Map.Entry<String, byte[]> e : writes.changes().entrySet()) {
                    byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
                    if (e.getValue() == null) {
                        batch.delete(state, key);
                    } else {
                        batch.put(state, key, e.getValue());
                    }
                }
                batch.put(meta, RocksChainStores.HEIGHT_KEY, heightKey(h));
                owner.db().write(owner.syncWrite(), batch);
            } catch (RocksDBException e) {
                throw new StorageException("chain " + chainId + ": block " + h + " could not be committed: "
                        + e.getMessage(), e);
            }
            head = block;
            height = h;
            // after the batch: a crash in between leaves the database ahead of the record, which is fine
            owner.committed().record(chainId, h);
        } finally {
            owner.lifecycle.readLock().unlock();
        }
    }

    private long lastCertified() throws RocksDBException {
        try (RocksIterator it = owner.db().newIterator(certs, owner.readOptions())) {
            it.seekToLast();
            if (!it.isValid()) {
                it.status();
                return 0;
            }
            byte[] k = it.key();
            if (k.length != 8) {
                throw new StorageException("chain " + chainId + ": a certificate key is corrupt");
            }
            return readLong(k, 0);
        }
    }

    @Override
    public Optional<byte[]> certificate(long h) {
        return Optional.ofNullable(get(certs, heightKey(h), "the certificate of block " + h));
    }

    @Override
    public long certifiedHeight() {
        return certified;
    }

    @Override
    public void putCertificate(long h, byte[] certificate) {
        if (h < 1 || h > height) {
            throw new IllegalArgumentException("chain " + chainId + ": no block " + h + " to certify (height " + height
                    + ")");
        }
        put(certs, heightKey(h), certificate, "the certificate of block " + h);
        synchronized (this) {
            certified = Math.max(certified, h);
        }
    }

    @Override
    public Optional<byte[]> local(String key) {
        return Optional.ofNullable(get(meta, localKey(key), "local " + key));
    }

    @Override
    public void putLocal(String key, byte[] value) {
        put(meta, localKey(key), value, "local " + key);
    }

    private static byte[] localKey(String key) {
        return ("local/" + key).getBytes(StandardCharsets.UTF_8);
    }

    private void put(ColumnFamilyHandle cf, byte[] key, byte[] value, String what) {
        owner.lifecycle.readLock().lock();
        try {
            checkOpen();
            owner.db().put(cf, owner.syncWrite(), key, value);
        } catch (RocksDBException e) {
            throw new StorageException("chain " + chainId + ": cannot write " + what + ": " + e.getMessage(), e);
        } finally {
            owner.lifecycle.readLock().unlock();
        }
    }

    /** Reads the last block back and makes a synced write of a probe record beside the chain's metadata. */
    @Override
    public void probe() {
        try {
            probeOnce();
        } catch (StorageException e) {
            // RocksDB stays read-only after a failed log write: reopen it, then try once more
            owner.reopen();
            probeOnce();
        }
    }

    private void probeOnce() {
        owner.lifecycle.readLock().lock();
        try {
            checkOpen();
            if (height > 0) {
                read(height);
            }
            owner.db().put(meta, owner.syncWrite(), PROBE_KEY, heightKey(height));
        } catch (RocksDBException e) {
            throw new StorageException("chain " + chainId + ": the store still cannot be written: " + e.getMessage(), e);
        } finally {
            owner.lifecycle.readLock().unlock();
        }
    }

    @Override
    public byte[] get(String key) {
        return get(state, key.getBytes(StandardCharsets.UTF_8), "state key " + key);
    }

    /** Entries in the byte order of their UTF-8 keys (RocksDB's bytewise order, = {@link WriteSet#compareUtf8}). */
    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        TreeMap<String, byte[]> out = new TreeMap<>(WriteSet::compareUtf8);
        if (limit == 0) {
            return out;
        }
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        owner.lifecycle.readLock().lock();
        try {
            checkOpen();
            try (RocksIterator it = owner.db().newIterator(state, owner.readOptions())) {
                for (it.seek(p); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    if (!startsWith(k, p)) {
                        break;
                    }
                    out.put(new String(k, StandardCharsets.UTF_8), it.value());
                    if (out.size() == limit) {
                        break;
                    }
                }
                it.status();
            } catch (RocksDBException e) {
                throw new StorageException("chain " + chainId + ": cannot scan state under '" + prefix + "': "
                        + e.getMessage(), e);
            }
        } finally {
            owner.lifecycle.readLock().unlock();
        }
        return out;
    }

    private byte[] get(ColumnFamilyHandle cf, byte[] key, String what) {
        owner.lifecycle.readLock().lock();
        try {
            checkOpen();
            return owner.db().get(cf, owner.readOptions(), key);
        } catch (RocksDBException e) {
            throw new StorageException("chain " + chainId + ": cannot read " + what + ": " + e.getMessage(), e);
        } finally {
            owner.lifecycle.readLock().unlock();
        }
    }

    private void checkOpen() {
        owner.checkOpen();
        if (closed) {
            throw new StorageException("the store of chain " + chainId + " is closed");
        }
    }

    void markClosed() {
        closed = true;
    }

    /** Releases this view of the chain; the database stays open for other chains. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner.release(this);
        }
    }

    @Override
    public String toString() {
        return "RocksChainStore[" + chainId + " at " + height + " in " + owner.directory() + "]";
    }

    static byte[] heightKey(long h) {
        byte[] k = new byte[8];
        writeLong(k, 0, h);
        return k;
    }

    static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    static int readInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static boolean startsWith(byte[] k, byte[] p) {
        return k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length);
    }
}
