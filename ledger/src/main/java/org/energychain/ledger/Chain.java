package org.energychain.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.exec.Admission;
import org.energychain.ledger.exec.BlockExecutor;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.exec.Nonces;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.mempool.Mempool;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.TxLocation;
import org.energychain.ledger.tx.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chain on a node: admission, mempool, block building and commit, receipts and queries, over a
 * {@link ChainStore}. An orderer decides when to {@link #cutBlock()}; the solo orderer does it by size
 * or time, a BFT orderer later by agreement, and nothing else changes. Thread-safe: submissions verify
 * signatures on the caller's thread, blocks are built one at a time.
 */
public final class Chain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Chain.class);

    private final Genesis genesis;
    private final ChainStore store;
    private final HashFunction hash;
    private final Admission admission;
    private final BlockExecutor executor;
    private final Mempool mempool;
    private final String proposer;
    private final PrivateKey proposerKey;
    private final Clock clock;
    private final Map<String, CompletableFuture<Receipt>> waiting = new ConcurrentHashMap<>();
    /** Next nonce per sender in committed state, cached: admission reads it for every transaction. */
    private final Map<String, Long> committedNonces = new ConcurrentHashMap<>();
    private final List<Consumer<Block>> blockListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> pendingListeners = new CopyOnWriteArrayList<>();

    /**
     * @param proposer the validator this node signs blocks as (must be a validator of the genesis)
     * @param proposerKey its private key; never logged
     */
    public Chain(Genesis genesis, ChainStore store, ContractRegistry contracts, String proposer, PrivateKey proposerKey,
            Clock clock) {
        if (!store.genesis().chainId().equals(genesis.chainId())
                || !java.util.Arrays.equals(store.genesis().hash(), genesis.hash())) {
            throw new IllegalArgumentException("store of chain " + store.genesis().chainId()
                    + " holds another genesis than the one given for " + genesis.chainId());
        }
        if (genesis.validators().stream().noneMatch(v -> v.memberId().equals(proposer))) {
            throw new IllegalArgumentException(proposer + " is not a validator of chain " + genesis.chainId());
        }
        this.genesis = genesis;
        this.store = store;
        this.hash = genesis.cryptoSuite().hash();
        this.admission = new Admission(genesis, contracts);
        this.executor = new BlockExecutor(genesis, contracts);
        this.mempool = new Mempool(genesis.limits().mempoolMaxTxs());
        this.proposer = proposer;
        this.proposerKey = proposerKey;
        this.clock = clock;
    }

    public Genesis genesis() {
        return genesis;
    }

    public ChainStore store() {
        return store;
    }

    public String id() {
        return genesis.chainId();
    }

    /** Checks and queues a transaction; never throws for bad input, the submission says why. */
    public Submission submit(Transaction tx) {
        byte[] idBytes = tx.id(hash);
        String id = Hex.encode(idBytes);
        int size = tx.size();
        // a committed transaction needs no look-up: its nonce is below the sender's next one (REPLAYED)
        Optional<Rejection> r = admission.check(tx, size);
        if (r.isEmpty()) {
            CompletableFuture<Receipt> f = waiting.computeIfAbsent(id, k -> new CompletableFuture<>());
            r = mempool.add(new Mempool.Pending(tx, id, size, System.nanoTime()), nextNonce(tx.sender()));
            if (r.isPresent()) {
                waiting.remove(id, f);
            } else {
                pendingListeners.forEach(Runnable::run);
                return new Submission(id, null, f);
            }
        }
        LOG.debug("chain={} rejected tx {}: {}", genesis.chainId(), id, r.get().message());
        return new Submission(id, r.get(), CompletableFuture.failedFuture(
                new IllegalStateException(r.get().message())));
    }

    private long nextNonce(String sender) {
        return committedNonces.computeIfAbsent(sender, s -> Nonces.next(store, s));
    }

    /** Builds, commits and announces the next block from the ready transactions; empty if none is ready. */
    public synchronized Optional<Block> cutBlock() {
        List<Mempool.Pending> ready = mempool.ready(genesis.limits().maxBlockTxs(), genesis.limits().maxBlockBytes(),
                this::nextNonce);
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        long height = store.height() + 1;
        BlockHeader prev = height == 1 ? null : store.block(height - 1).orElseThrow().header();
        byte[] prevHash = prev == null ? genesis.hash() : prev.hash(hash);
        byte[] prevState = prev == null ? WriteSet.initialRoot(hash, genesis.hash()) : prev.stateRoot();
        Instant now = clock.instant();
        Instant time = prev != null && now.isBefore(prev.time()) ? prev.time() : now;
        List<Transaction> txs = new ArrayList<>(ready.size());
        ready.forEach(p -> txs.add(p.tx()));
        ExecutedBlock built = executor.execute(store, height, prevHash, prevState, time, proposer, proposerKey, txs);
        store.append(built.block(), built.writes());
        for (Transaction t : built.block().transactions()) {
            committedNonces.put(t.sender(), t.nonce() + 1);
        }
        mempool.prune(this::nextNonce);
        Block block = built.block();
        for (int i = 0; i < block.transactions().size(); i++) {
            String id = Hex.encode(block.transactions().get(i).id(hash));
            CompletableFuture<Receipt> f = waiting.remove(id);
            if (f != null) {
                f.complete(new Receipt(id, height, i, block.results().get(i)));
            }
        }
        LOG.debug("chain={} height={} committed {} transactions", genesis.chainId(), height, block.transactions().size());
        blockListeners.forEach(l -> l.accept(block));
        return Optional.of(block);
    }

    /** The receipt of a committed transaction. */
    public Optional<Receipt> receipt(byte[] txId) {
        Optional<TxLocation> loc = store.locate(txId);
        if (loc.isEmpty()) {
            return Optional.empty();
        }
        Block b = store.block(loc.get().height()).orElseThrow();
        return Optional.of(new Receipt(Hex.encode(txId), b.height(), loc.get().index(),
                b.results().get(loc.get().index())));
    }

    /** Runs a query method for {@code caller} (checked like a transaction's sender) on committed state. */
    public byte[] query(String contract, String method, byte[] args, Member caller) throws ContractException {
        Optional<Rejection> r = admission.checkCall(contract, method, caller, MethodSpec.Kind.QUERY);
        if (r.isPresent()) {
            throw new IllegalArgumentException(r.get().message());
        }
        long height = store.height();
        Instant time = height == 0 ? genesis.time() : store.block(height).orElseThrow().header().time();
        return executor.query(store, height, time, contract, method, args);
    }

    public int pending() {
        return mempool.size();
    }

    public long oldestPendingNanos() {
        return mempool.oldestNanos();
    }

    public void onBlock(Consumer<Block> listener) {
        blockListeners.add(listener);
    }

    public void onPending(Runnable listener) {
        pendingListeners.add(listener);
    }

    @Override
    public void close() {
        waiting.values().forEach(f -> f.completeExceptionally(new IllegalStateException("chain " + genesis.chainId()
                + " closed before the transaction was committed")));
        store.close();
    }
}
