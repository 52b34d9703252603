package org.energychain.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
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
import org.energychain.ledger.exec.BlockValidator;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.exec.InvalidBlockException;
import org.energychain.ledger.exec.Nonces;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.exec.VerifiedAhead;
import org.energychain.ledger.feed.BlockFeed;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.Roster;
import org.energychain.ledger.governance.Rosters;
import org.energychain.ledger.mempool.Mempool;
import org.energychain.ledger.mempool.MempoolLimits;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.store.TxLocation;
import org.energychain.ledger.tx.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chain on a node, reached through three roles (as in Besu's block creator, validator and importer):
 * {@link #propose()} builds the next block from the mempool (the leader), {@link #validate(Block)}
 * re-derives a block someone else proposed (any node), and {@link #importBlock(ExecutedBlock)} is the
 * only path that changes the chain: it commits, moves nonces, completes receipts and wakes the
 * followers. An orderer decides what is imported when; the chain does not care which orderer it is.
 *
 * <p>A storage failure halts the chain ({@link #health()}): submissions are refused with a reason until
 * an import or a {@link #probe()} succeeds again; nothing of it is ever recorded in a block.
 *
 * <p>Thread-safe: submissions verify signatures on the caller's thread; blocks are proposed and imported
 * one at a time; followers run on threads of their own ({@link BlockFeed}).
 *
 * <p>Longer than ~400 lines because it is the one place that serialises a chain's admission, proposal,
 * validation and import against one store and mempool; the checks and execution themselves live in
 * {@code exec}, the pool in {@code mempool}.
 */
public final class Chain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Chain.class);

    private final Genesis genesis;
    private final ChainStore store;
    private final HashFunction hash;
    private final Admission admission;
    private final BlockExecutor executor;
    private final BlockValidator validator;
    private final Mempool mempool;
    private final String proposer;
    private final PrivateKey proposerKey;
    private final Clock clock;
    private final BlockFeed feed;
    private final AtomicReference<ChainHealth> health;
    private final Map<String, CompletableFuture<Receipt>> waiting = new ConcurrentHashMap<>();
    /** Signatures verified before their block is validated ({@link #verifyAhead}). */
    private final VerifiedAhead verifiedAhead;
    /** The block this node proposed last, executed: imported as it is when the log returns exactly it. */
    private volatile ExecutedBlock lastProposed;
    /** Next nonce per sender in committed state, cached: admission reads it for every transaction. */
    private final Map<String, Long> committedNonces = new ConcurrentHashMap<>();
    private final List<Runnable> readyListeners = new CopyOnWriteArrayList<>();

    /**
     * A chain whose node proposes blocks as {@code proposer} (a validator node of the chain) with its
     * consensus key {@code proposerKey}, never logged, and the default mempool limits.
     */
    public Chain(Genesis genesis, ChainStore store, ContractRegistry contracts, String proposer, PrivateKey proposerKey,
            Clock clock) {
        this(genesis, store, contracts, proposer, proposerKey, clock, MempoolLimits.defaultsFor(genesis.limits()));
    }

    /**
     * @param proposer the node this node signs blocks as (while the roster makes it a validator), or null for a
     *     node that only follows
     * @param proposerKey its consensus key (null with a null proposer); never logged
     * @param clock the one clock of admission, block time and mempool expiry
     */
    public Chain(Genesis genesis, ChainStore store, ContractRegistry contracts, String proposer, PrivateKey proposerKey,
            Clock clock, MempoolLimits mempoolLimits) {
        if (!store.genesis().chainId().equals(genesis.chainId())
                || !java.util.Arrays.equals(store.genesis().hash(), genesis.hash())) {
            throw new IllegalArgumentException("store of chain " + store.genesis().chainId()
                    + " holds another genesis than the one given for " + genesis.chainId());
        }
        this.genesis = genesis;
        this.store = store;
        this.hash = genesis.cryptoSuite().hash();
        this.admission = new Admission(genesis, contracts);
        this.executor = new BlockExecutor(genesis, contracts);
        this.validator = new BlockValidator(genesis, contracts);
        this.mempool = new Mempool(mempoolLimits);
        this.proposer = proposer;
        this.proposerKey = proposerKey;
        this.clock = clock;
        this.feed = new BlockFeed(store);
        // room for a few full blocks ahead of the one being validated
        this.verifiedAhead = new VerifiedAhead(Math.max(4096, 4 * genesis.limits().maxBlockTxs()));
        this.health = new AtomicReference<>(ChainHealth.ok(clock.instant()));
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

    public Clock clock() {
        return clock;
    }

    /** Whether the chain is committing; why not if it is halted. */
    public ChainHealth health() {
        return health.get();
    }

    /** Checks and queues a transaction; never throws for bad input, the submission says why. */
    public Submission submit(Transaction tx) {
        byte[] idBytes = tx.id(hash);
        String id = Hex.encode(idBytes);
        ChainHealth h = health.get();
        if (!h.isOk()) {
            return rejected(id, new Rejection(Rejection.Reason.UNAVAILABLE, "chain " + genesis.chainId()
                    + " is " + h.status().name().toLowerCase(java.util.Locale.ROOT) + " since " + h.since() + " ("
                    + h.reason() + ")" + (h.status() == ChainHealth.Status.HALTED
                    ? "; it takes transactions again once its storage works" : "")));
        }
        // the same signed bytes again (a client retrying, a follower handing its waiting transactions over
        // again): the id covers the signature, so what was verified once is not verified again
        CompletableFuture<Receipt> pending = waiting.get(id);
        if (pending != null) {
            return new Submission(id, null, pending);
        }
        int size = tx.size();
        // a committed transaction needs no look-up: its nonce is below the sender's next one (REPLAYED). A call
        // that passes every check but its signature's is answered so before the signature is verified, as the
        // mempool would answer it after; one refused anyway is refused for the same reason as always
        Optional<Rejection> r = admission.check(tx, size, true);
        if (r.isPresent()) {
            r = admission.check(tx, size); // refused anyway: the reason it always had, a bad signature first
        } else {
            r = replayed(tx);
            if (r.isEmpty()) {
                r = admission.checkSignature(tx);
            }
        }
        if (r.isPresent()) {
            return rejected(id, r.get());
        }
        try {
            nextNonce(tx.sender()); // a store that cannot be read refuses here, before the pool's lock
        } catch (StorageException e) {
            halt(e);
            return rejected(id, new Rejection(Rejection.Reason.UNAVAILABLE, "chain " + genesis.chainId()
                    + " cannot read its state (" + e.getMessage() + "); it is halted until its storage works"));
        }
        CompletableFuture<Receipt> mine = new CompletableFuture<>();
        CompletableFuture<Receipt> earlier = waiting.putIfAbsent(id, mine);
        if (earlier != null) {
            // the same signed transaction again (a client retrying): one entry, one receipt for both callers
            return new Submission(id, null, earlier);
        }
        long now = clock.millis();
        try {
            // the committed nonce is read again under the pool's lock (cached: the read above filled the cache)
            r = mempool.add(new Mempool.Pending(tx, id, size, now), this::nextNonce, store.height(), now);
            settleDropped(mempool.drainDropped());
        } catch (RuntimeException e) {
            waiting.remove(id, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        if (r.isPresent()) {
            waiting.remove(id, mine);
            // a concurrent duplicate may hold this future: it learns the same reason
            mine.completeExceptionally(new IllegalStateException(r.get().message()));
            return rejected(id, r.get());
        }
        if (mempool.readyCount() > 0) {
            readyListeners.forEach(Runnable::run);
        }
        return new Submission(id, null, mine);
    }

    /**
     * A transaction whose nonce is below its sender's committed next one, cheaply refused; empty otherwise.
     * Only for a transaction admission found to be a member's of this chain (no nonce is cached for others).
     */
    private Optional<Rejection> replayed(Transaction tx) {
        long next;
        try {
            next = nextNonce(tx.sender());
        } catch (StorageException e) {
            return Optional.empty(); // the read below refuses it and halts the chain
        }
        return tx.nonce() < next ? Optional.of(new Rejection(Rejection.Reason.REPLAYED, "nonce " + tx.nonce() + " of "
                + tx.sender() + " is already used (next is " + next + "): a replay")) : Optional.empty();
    }

    private Submission rejected(String id, Rejection r) {
        LOG.debug("chain={} rejected tx {}: {}", genesis.chainId(), id, r.message());
        return new Submission(id, r, CompletableFuture.failedFuture(new IllegalStateException(r.message())));
    }

    private long nextNonce(String sender) {
        return committedNonces.computeIfAbsent(sender, s -> Nonces.next(store, s));
    }

    /**
     * Builds and signs the next block from the transactions ready in the mempool, on top of the last
     * committed block; empty if none is ready. Changes nothing: {@link #importBlock} commits it.
     *
     * @throws StorageException if the store cannot be read (the chain halts)
     */
    public synchronized Optional<ExecutedBlock> propose() {
        if (proposer == null) {
            throw new IllegalStateException("this node does not propose blocks of chain " + genesis.chainId());
        }
        if (!isValidatorNext()) {
            return Optional.empty();
        }
        List<Mempool.Pending> ready = mempool.ready(genesis.limits().maxBlockTxs(), genesis.limits().maxBlockBytes());
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        try {
            long height = store.height() + 1;
            BlockHeader prev = height == 1 ? null : store.block(height - 1).orElseThrow().header();
            byte[] prevHash = prev == null ? genesis.hash() : prev.hash(hash);
            byte[] prevState = prev == null ? WriteSet.initialRoot(hash, genesis.hash()) : prev.stateRoot();
            Instant now = clock.instant();
            Instant floor = prev == null ? genesis.time() : prev.time();
            Instant time = now.isBefore(floor) ? floor : now;
            List<Transaction> txs = new ArrayList<>(ready.size());
            ready.forEach(p -> txs.add(p.tx()));
            ExecutedBlock b = executor.execute(store, height, prevHash, prevState, time, proposer, proposerKey, txs);
            lastProposed = b;
            return Optional.of(b);
        } catch (StorageException e) {
            halt(e);
            throw e;
        }
    }

    /** Whether this node is a validator of the next block (the roster in force on top of the last one). */
    public boolean isValidatorNext() {
        return proposer != null && rosterNext().validator(proposer).isPresent();
    }

    /** The roster in force for the next block. */
    public Roster rosterNext() {
        return Rosters.current(store, genesis).roster();
    }

    /**
     * The roster valid at {@code height} (at most the next one): who proposed, voted and certified there.
     *
     * @throws IllegalArgumentException for a height above the next one, whose roster is not known yet
     */
    public Roster rosterAt(long height) {
        if (height > store.height() + 1) {
            throw new IllegalArgumentException("chain " + genesis.chainId() + ": the roster of height " + height
                    + " is not known yet (the chain is at " + store.height() + ")");
        }
        return Rosters.at(store, genesis, height);
    }

    /**
     * Re-derives a block proposed elsewhere on top of the last committed block: every check of
     * {@link BlockValidator}. Changes nothing.
     *
     * @throws InvalidBlockException naming what is wrong with the block
     * @throws StorageException if the store cannot be read (the chain halts)
     */
    public synchronized ExecutedBlock validate(Block block) throws InvalidBlockException {
        try {
            ExecutedBlock own = lastProposed;
            if (own != null && own.block().height() == store.height() + 1
                    && own.block().sameAs(block)) {
                // this node built exactly this block on exactly this parent (the height is the next one and
                // the header links to the parent): its own execution stands, it is not run twice
                BlockHeader tip = store.height() == 0 ? null : store.block(store.height()).orElseThrow().header();
                byte[] tipHash = tip == null ? genesis.hash() : tip.hash(hash);
                if (java.security.MessageDigest.isEqual(tipHash, block.header().previousHash())) {
                    return own;
                }
            }
            return validator.validate(store, block,
                    id -> waiting.containsKey(Hex.encode(id)) ? Boolean.TRUE : verifiedAhead.take(id));
        } catch (StorageException e) {
            halt(e);
            throw e;
        }
    }

    /**
     * Verifies the signatures of a block's transactions before {@link #validate} is called for it, on the
     * caller's thread and the common pool: a follower reads blocks from its replicated log while it still
     * applies earlier ones, and validation, one block after another on one thread, then finds them checked.
     * Skips what this node verified already (at admission, or ahead before). Changes nothing of the chain;
     * not synchronized with it. A signature that does not verify is remembered as such: validation refuses
     * the block without verifying it in bulk again, and names the failure.
     *
     * @return how many signatures this call verified
     */
    public int verifyAhead(Block block) {
        return validator.verifyAhead(block.transactions(), verifiedAhead, id -> waiting.containsKey(Hex.encode(id)));
    }

    /** How many transactions are verified ahead of their block's validation now (at most its capacity). */
    public int verifiedAheadCount() {
        return verifiedAhead.size();
    }

    /** The most transactions {@link #verifyAhead} keeps verified ahead of validation. */
    public int verifiedAheadCapacity() {
        return verifiedAhead.capacity();
    }

    /**
     * Commits a block that {@link #propose()} built or {@link #validate} checked, on top of the last one:
     * the only path that changes the chain. Then the senders' nonces move, their receipts complete and
     * the followers are woken.
     *
     * @throws StorageException if the commit fails (nothing of the block is visible; the chain halts)
     */
    public synchronized void importBlock(ExecutedBlock executed) {
        Block block = executed.block();
        try {
            store.append(block, executed.writes());
        } catch (StorageException e) {
            halt(e);
            if (store.height() < block.height()) {
                throw e;
            }
            // the block itself is committed (a later bookkeeping write failed): acknowledge it
        }
        Set<String> senders = new LinkedHashSet<>();
        for (Transaction t : block.transactions()) {
            committedNonces.put(t.sender(), t.nonce() + 1);
            senders.add(t.sender());
        }
        List<Mempool.Pending> dropped = mempool.prune(senders, this::nextNonce, block.height(), clock.millis());
        for (int i = 0; i < block.transactions().size(); i++) {
            String id = Hex.encode(block.transactions().get(i).id(hash));
            CompletableFuture<Receipt> f = waiting.remove(id);
            if (f != null) {
                f.complete(new Receipt(id, block.height(), i, block.results().get(i)));
            }
        }
        settleDropped(dropped);
        LOG.debug("chain={} height={} committed {} transactions", genesis.chainId(), block.height(),
                block.transactions().size());
        recovered();
        feed.published();
    }

    /**
     * Whoever waits for a transaction the pool dropped without its block committing it (its nonce went to
     * another transaction of the sender, it waited gapped too long, or a full pool evicted it) learns why;
     * the entry goes, so a client may send it again and it is admitted afresh.
     */
    private void settleDropped(List<Mempool.Pending> dropped) {
        for (Mempool.Pending p : dropped) {
            CompletableFuture<Receipt> f = waiting.get(p.id());
            if (f == null) {
                continue; // committed: its receipt is out
            }
            // a block being imported on another thread may have committed it: then its receipt is the answer
            Optional<Receipt> committed = receipt(Hex.decode(p.id()));
            if (!waiting.remove(p.id(), f)) {
                continue;
            }
            if (committed.isPresent()) {
                f.complete(committed.get());
                continue;
            }
            long next = nextNonce(p.tx().sender());
            f.completeExceptionally(new IllegalStateException(p.tx().nonce() < next
                    ? "nonce " + p.tx().nonce() + " of " + p.tx().sender() + " was used by another transaction"
                    : "dropped from the pool while waiting behind a nonce gap (nonce " + p.tx().nonce() + " of "
                            + p.tx().sender() + ", next is " + next + "): it waited longer than the pool keeps such a"
                            + " transaction, or the full pool made room for one that can run; send it again once"
                            + " its earlier nonces are in"));
        }
    }

    /** Proposes and imports the next block on this node alone (the solo orderer, tests); empty if none is ready. */
    public synchronized Optional<Block> cutBlock() {
        Optional<ExecutedBlock> b = propose();
        b.ifPresent(this::importBlock);
        return b.map(ExecutedBlock::block);
    }

    /**
     * Checks that the store can be read and written again after a failure; the chain resumes if so.
     *
     * @throws StorageException if it still cannot
     */
    public synchronized void probe() {
        try {
            store.probe();
            resync();
        } catch (StorageException e) {
            halt(e);
            throw e;
        }
        recovered();
    }

    /**
     * After the store was reopened: a commit whose failure was reported may have reached it after all, so
     * nonces are re-read, the mempool pruned and the receipts of what the store now holds completed.
     */
    @SuppressWarnings("ModifyCollectionInEnhancedForLoop") // waiting is a ConcurrentHashMap: weakly consistent iteration
    private void resync() {
        committedNonces.clear();
        List<Mempool.Pending> dropped = mempool.prune(mempool.senders(), this::nextNonce, store.height(),
                clock.millis());
        for (Map.Entry<String, CompletableFuture<Receipt>> e : waiting.entrySet()) {
            Optional<Receipt> r = receipt(Hex.decode(e.getKey()));
            if (r.isPresent() && waiting.remove(e.getKey(), e.getValue())) {
                e.getValue().complete(r.get());
            }
        }
        settleDropped(dropped);
    }

    /**
     * Marks the chain diverged (its execution differs from a certificate of the other validators): for
     * good, until an operator restarts the node; submissions are refused from now on.
     */
    public void diverged(String reason) {
        health.set(new ChainHealth(ChainHealth.Status.DIVERGED, reason, clock.instant()));
        LOG.error("chain={} height={} DIVERGED: {}; this node stops applying the chain", genesis.chainId(),
                store.height(), reason);
    }

    private void halt(StorageException e) {
        ChainHealth now = health.get();
        if (now.isOk()) {
            health.compareAndSet(now, new ChainHealth(ChainHealth.Status.HALTED, "storage failure: " + e.getMessage(), clock.instant()));
            LOG.error("chain={} height={} halted: its storage failed; submissions are refused until it works again",
                    genesis.chainId(), store.height(), e);
        }
    }

    private void recovered() {
        ChainHealth now = health.get();
        if (now.status() == ChainHealth.Status.HALTED) {
            health.set(ChainHealth.ok(clock.instant()));
            LOG.warn("chain={} height={} resumed: its storage works again (halted since {})", genesis.chainId(),
                    store.height(), now.since());
        }
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

    /** Transactions waiting for a block, executable or not. */
    public int pending() {
        return mempool.size();
    }

    /**
     * Pending transactions that have waited at least {@code ageMillis} (chain clock), at most {@code max}: what
     * a follower hands to its leader again when the first hand-over may have been lost.
     */
    public List<Transaction> waitingLongerThan(long ageMillis, int max) {
        List<Transaction> out = new ArrayList<>();
        mempool.admittedBefore(clock.millis() - ageMillis, max).forEach(p -> out.add(p.tx()));
        return out;
    }

    /** Transactions that can run in the next block. */
    public int readyCount() {
        return mempool.readyCount();
    }

    /** When the longest-waiting executable transaction became executable (chain clock, ms), or -1. */
    public long oldestReadyMillis() {
        return mempool.oldestReadyMillis();
    }

    /**
     * Calls {@code listener} with every block committed from now on, on a thread of its own (never under
     * the chain's lock, never holding up commits).
     */
    public BlockFeed.Subscription onBlock(Consumer<Block> listener) {
        return follow("listener", store.height(), listener);
    }

    /** Calls {@code listener} with every block after {@code afterHeight}, in order, on a thread named for it. */
    public BlockFeed.Subscription follow(String name, long afterHeight, Consumer<Block> listener) {
        return feed.follow(name, afterHeight, listener);
    }

    /** Calls {@code listener} (quickly, on the submitter's thread) when a transaction becomes executable. */
    public void onReady(Runnable listener) {
        readyListeners.add(listener);
    }

    @Override
    public void close() {
        feed.close();
        waiting.values().forEach(f -> f.completeExceptionally(new IllegalStateException("chain " + genesis.chainId()
                + " closed before the transaction was committed")));
        store.close();
    }
}
