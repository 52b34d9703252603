package org.energychain.ledger.store.rocks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.energychain.crypto.Hex;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.store.StorageException;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteOptions;

/**
 * The chains of one node in ONE RocksDB instance (one directory), with a column family per chain and
 * purpose: {@code <chain>/blocks}, {@code <chain>/hashes}, {@code <chain>/txs}, {@code <chain>/state},
 * {@code <chain>/meta}, {@code <chain>/certs} (see docs/ledger-storage.md for the key formats). One instance because RocksDB
 * then writes one write-ahead log for all chains, and a block's batch (block, indexes, state, height) is
 * one atomic, synced write whatever chain it belongs to.
 *
 * <p>{@link #open} creates the directory or opens it with every column family it holds; {@link #forChain}
 * creates a chain's families on first use and records its genesis, and refuses a different genesis for
 * an existing chain id later. {@link #close} closes the chain stores, the column family handles, the
 * database and the native option objects, in that order; operations after it fail with
 * {@link IllegalStateException} instead of touching freed native memory.
 *
 * <p>Thread-safe.
 *
 * <p>Longer than ~400 lines because one RocksDB database holds every chain of a node: opening, column
 * families, the damage checks and the crash-safe write path belong to that one database handle.
 */
public final class RocksChainStores implements AutoCloseable {
    static final String[] PURPOSES = {"blocks", "hashes", "txs", "state", "meta", "certs"};
    static final byte[] GENESIS_KEY = "genesis".getBytes(StandardCharsets.UTF_8);
    static final byte[] HEIGHT_KEY = "height".getBytes(StandardCharsets.UTF_8);

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final org.rocksdb.Filter bloom;
    private final WriteOptions syncWrite;
    private final ReadOptions readOptions;
    /** Replaced by {@link #reopen()} after a failure RocksDB does not recover from; null while that fails. */
    private volatile RocksDB db;
    private final CommittedHeights committed;
    /** Column family name to handle, default family included. */
    private final Map<String, ColumnFamilyHandle> families = new HashMap<>();
    private final Map<String, RocksChainStore> stores = new LinkedHashMap<>();
    /** The column families of the last open database, for a reopen that follows a failed one. */
    private List<byte[]> lastFamilyNames = new ArrayList<>();
    /** Readers hold it shared while they touch native objects; {@link #close} takes it exclusively. */
    final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private RocksChainStores(Path dir, DBOptions dbOptions, ColumnFamilyOptions cfOptions, org.rocksdb.Filter bloom,
            RocksDB db, List<ColumnFamilyDescriptor> descriptors, List<ColumnFamilyHandle> handles) {
        this.dir = dir;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.bloom = bloom;
        this.db = db;
        for (int i = 0; i < descriptors.size(); i++) {
            families.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8), handles.get(i));
            lastFamilyNames.add(descriptors.get(i).getName());
        }
        this.syncWrite = new WriteOptions().setSync(true);
        this.readOptions = new ReadOptions();
        this.committed = new CommittedHeights(dir);
    }

    /**
     * Opens the node's chain database in {@code dir}, creating it if needed, with all the column families
     * it holds. RocksDB replays its write-ahead log here, so the database is at the last synced batch.
     *
     * @throws IllegalStateException if the directory cannot be opened (locked by another process, corrupt)
     */
    public static RocksChainStores open(Path dir) {
        DBOptions dbo = null;
        ColumnFamilyOptions cfo = null;
        org.rocksdb.Filter bloom = null;
        try {
            Files.createDirectories(dir);
            // a torn last record is a write that was never acknowledged (every commit is synced); damage
            // anywhere else refuses to open instead of silently dropping what follows it (the default mode)
            dbo = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                    .setMaxBackgroundJobs(2).setKeepLogFileNum(5)
                    .setWalRecoveryMode(WALRecoveryMode.TolerateCorruptedTailRecords).setParanoidChecks(true);
            // a Bloom filter per table file (10 bits a key, about 1 % false positives): executing a contract reads
            // keys that do not exist yet (a new listing, a first nonce) and the transaction index is probed for
            // replays; without it each such miss searches the index of every table file
            bloom = new org.rocksdb.BloomFilter(10);
            cfo = new ColumnFamilyOptions().setTableFormatConfig(new org.rocksdb.BlockBasedTableConfig()
                    .setFilterPolicy(bloom));
            List<byte[]> names = new ArrayList<>();
            if (Files.exists(dir.resolve("CURRENT"))) {
                try (org.rocksdb.Options o = new org.rocksdb.Options()) {
                    names.addAll(RocksDB.listColumnFamilies(o, dir.toString()));
                }
            }
            if (names.stream().noneMatch(n -> Arrays.equals(n, RocksDB.DEFAULT_COLUMN_FAMILY))) {
                names.add(0, RocksDB.DEFAULT_COLUMN_FAMILY);
            }
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] n : names) {
                descriptors.add(new ColumnFamilyDescriptor(n, cfo));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = RocksDB.open(dbo, dir.toString(), descriptors, handles);
            return new RocksChainStores(dir, dbo, cfo, bloom, db, descriptors, handles);
        } catch (RocksDBException | IOException e) {
            if (cfo != null) {
                cfo.close();
            }
            if (bloom != null) {
                bloom.close();
            }
            if (dbo != null) {
                dbo.close();
            }
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (e instanceof RocksDBException re && re.getStatus() != null
                    && re.getStatus().getCode() == org.rocksdb.Status.Code.Corruption) {
                throw new StorageException("cannot open the chain database in " + dir + ": it is damaged (" + msg
                        + "); refusing to open it rather than silently dropping committed blocks; "
                        + CommittedHeights.RECOVERY, e);
            }
            throw new IllegalStateException("cannot open the chain database in " + dir + ": " + msg, e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** Ids of the chains this database holds (those with a recorded genesis), sorted. */
    public List<String> chainIds() {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            TreeSet<String> ids = new TreeSet<>();
            synchronized (this) {
                for (String name : families.keySet()) {
                    int slash = name.lastIndexOf('/');
                    if (slash > 0 && name.endsWith("/meta")) {
                        String id = name.substring(0, slash);
                        if (db.get(families.get(name), readOptions, GENESIS_KEY) != null) {
                            ids.add(id);
                        }
                    }
                }
            }
            return List.copyOf(ids);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot list the chains in " + dir + ": " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * The store of {@code genesis}'s chain: created (column families and genesis record, synced) on first
     * use, opened at its last committed block later. The same instance for every call in this process.
     *
     * @throws IllegalArgumentException if the database already holds this chain id with another genesis
     */
    public RocksChainStore forChain(Genesis genesis) {
        // lock order everywhere: lifecycle lock, then this object's monitor
        lifecycle.readLock().lock();
        try {
            synchronized (this) {
                return forChainLocked(genesis);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private RocksChainStore forChainLocked(Genesis genesis) {
        try {
            checkOpen();
            String id = genesis.chainId();
            RocksChainStore open = stores.get(id);
            byte[] encoded = genesis.encode();
            if (open == null) {
                ColumnFamilyHandle[] h = handlesOf(id, true);
                byte[] stored = db.get(h[4], readOptions, GENESIS_KEY);
                if (stored == null) {
                    db.put(h[4], syncWrite, GENESIS_KEY, encoded);
                    stored = encoded;
                }
                checkSame(id, stored, encoded);
                open = new RocksChainStore(this, Genesis.decode(stored), h);
                guard(open);
                stores.put(id, open);
            } else {
                checkSame(id, open.genesis().encode(), encoded);
            }
            return open;
        } catch (RocksDBException e) {
            throw new IllegalStateException("chain " + genesis.chainId() + ": cannot create or open its column families in "
                    + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The store of an existing chain, with the genesis recorded for it (e.g. to verify a chain whose genesis
     * file is not at hand); empty if the database does not hold the chain.
     */
    public Optional<RocksChainStore> existing(String chainId) {
        lifecycle.readLock().lock();
        try {
            synchronized (this) {
                return existingLocked(chainId);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Optional<RocksChainStore> existingLocked(String chainId) {
        try {
            checkOpen();
            RocksChainStore open = stores.get(chainId);
            if (open != null) {
                return Optional.of(open);
            }
            if (!families.containsKey(familyName(chainId, "meta"))) {
                return Optional.empty();
            }
            // a chain of an older database may lack the later families (certs): they are created empty
            ColumnFamilyHandle[] h = handlesOf(chainId, true);
            byte[] stored = db.get(h[4], readOptions, GENESIS_KEY);
            if (stored == null) {
                return Optional.empty();
            }
            Genesis g;
            try {
                g = Genesis.decode(stored);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("chain " + chainId + ": the recorded genesis is corrupt: " + e.getMessage(), e);
            }
            open = new RocksChainStore(this, g, h);
            guard(open);
            stores.put(chainId, open);
            return Optional.of(open);
        } catch (RocksDBException e) {
            throw new IllegalStateException("chain " + chainId + ": cannot open it in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a chain that lost acknowledged blocks; starts the record of one that has none yet. */
    private void guard(RocksChainStore store) {
        String id = store.genesis().chainId();
        committed.check(id, store.height());
        if (committed.recorded(id) < store.height()) {
            committed.record(id, store.height());
        }
    }

    CommittedHeights committed() {
        return committed;
    }

    private static void checkSame(String id, byte[] stored, byte[] given) {
        if (!Arrays.equals(stored, given)) {
            String storedHash;
            try {
                Genesis s = Genesis.decode(stored);
                storedHash = Hex.encode(s.hash());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("chain " + id + ": the recorded genesis is corrupt: " + e.getMessage(), e);
            }
            throw new IllegalArgumentException("chain " + id + " already exists in this database with another genesis"
                    + " (recorded genesis hash " + storedHash + "); refusing to open it with a different one");
        }
    }

    /** The handles of a chain in {@link #PURPOSES} order, created if {@code create}; null if absent. */
    private ColumnFamilyHandle[] handlesOf(String chainId, boolean create) throws RocksDBException {
        ColumnFamilyHandle[] h = new ColumnFamilyHandle[PURPOSES.length];
        List<ColumnFamilyDescriptor> missing = new ArrayList<>();
        for (int i = 0; i < PURPOSES.length; i++) {
            h[i] = families.get(familyName(chainId, PURPOSES[i]));
            if (h[i] == null) {
                missing.add(new ColumnFamilyDescriptor(familyName(chainId, PURPOSES[i]).getBytes(StandardCharsets.UTF_8),
                        cfOptions));
            }
        }
        if (missing.isEmpty()) {
            return h;
        }
        if (!create) {
            return null;
        }
        List<ColumnFamilyHandle> created = db.createColumnFamilies(missing);
        for (int i = 0; i < missing.size(); i++) {
            families.put(new String(missing.get(i).getName(), StandardCharsets.UTF_8), created.get(i));
        }
        for (int i = 0; i < PURPOSES.length; i++) {
            h[i] = families.get(familyName(chainId, PURPOSES[i]));
        }
        return h;
    }

    /**
     * Writes every column family's memtable to table files and waits for it: what a backup taken by copying
     * the directory then needs no write-ahead log for.
     */
    public void flush() {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            List<ColumnFamilyHandle> all;
            synchronized (this) {
                all = new ArrayList<>(families.values());
            }
            try (org.rocksdb.FlushOptions fo = new org.rocksdb.FlushOptions().setWaitForFlush(true)) {
                db.flush(fo, all);
            }
        } catch (RocksDBException e) {
            throw new StorageException("cannot flush the chain database in " + dir + ": " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Forgets a closed chain store, so that the next {@link #forChain} opens a fresh one. */
    void release(RocksChainStore store) {
        lifecycle.readLock().lock();
        try {
            synchronized (this) {
                stores.values().remove(store);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    static String familyName(String chainId, String purpose) {
        return chainId + "/" + purpose;
    }

    RocksDB db() {
        return db;
    }

    /** Every column family's handle (tests). */
    synchronized List<ColumnFamilyHandle> familyHandles() {
        return new ArrayList<>(families.values());
    }

    WriteOptions syncWrite() {
        return syncWrite;
    }

    ReadOptions readOptions() {
        return readOptions;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the chain database in " + dir + " is closed");
        }
        if (db == null) {
            throw new StorageException("the chain database in " + dir + " could not be reopened after a failure;"
                    + " it is retried");
        }
    }

    /**
     * Closes and reopens the database after a write failure that RocksDB keeps reporting (it turns read-only
     * on a failed log write, e.g. a full disk, and RocksJava has no {@code Resume}). Recovery replays the
     * log: a write that failed half-way is a torn last record and is dropped; the chain stores re-read
     * their heights, so a commit whose error was reported but which did reach the log is found again.
     *
     * @throws StorageException if the database cannot be opened yet (it stays closed; the next call retries)
     */
    void reopen() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the chain database in " + dir + " is closed");
            }
            synchronized (this) {
                List<byte[]> names = new ArrayList<>();
                for (String n : families.keySet()) {
                    names.add(n.getBytes(StandardCharsets.UTF_8));
                }
                if (db != null) {
                    families.values().forEach(ColumnFamilyHandle::close);
                    families.clear();
                    db.close();
                    db = null;
                }
                lastFamilyNames = names.isEmpty() ? lastFamilyNames : names;
                List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
                for (byte[] n : lastFamilyNames) {
                    descriptors.add(new ColumnFamilyDescriptor(n, cfOptions));
                }
                List<ColumnFamilyHandle> handles = new ArrayList<>();
                try {
                    db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
                } catch (RocksDBException e) {
                    throw new StorageException("cannot reopen the chain database in " + dir + ": " + e.getMessage(), e);
                }
                for (int i = 0; i < descriptors.size(); i++) {
                    families.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8), handles.get(i));
                }
                for (RocksChainStore store : stores.values()) {
                    store.bind(handlesOf(store.genesis().chainId(), false));
                    store.load();
                }
            }
        } catch (RocksDBException e) {
            throw new StorageException("cannot reopen the chain database in " + dir + ": " + e.getMessage(), e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Closes every chain store, the column family handles, the database and the native options. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            synchronized (this) {
                stores.values().forEach(RocksChainStore::markClosed);
                stores.clear();
                for (ColumnFamilyHandle h : families.values()) {
                    h.close();
                }
                families.clear();
            }
            if (db != null) {
                try {
                    db.syncWal();
                } catch (RocksDBException e) {
                    // every committed batch was already synced; nothing is lost
                }
                db.close();
            }
            committed.close();
            syncWrite.close();
            readOptions.close();
            cfOptions.close();
            bloom.close();
            dbOptions.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
