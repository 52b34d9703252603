package org.energychain.network;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.ledger.Chain;
import org.energychain.ledger.ChainHealth;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.exec.BatchAdmission;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.exec.InvalidBlockException;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.finality.SignGuard;
import org.energychain.ledger.finality.Vote;
import org.energychain.ledger.finality.VoteCollector;
import org.energychain.ledger.finality.VoteTarget;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.governance.ValidatorsContract;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.tx.Transaction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chain's replicated state machine on one node. Applies the chain's Raft log in order: a proposed
 * block is re-validated and re-executed ({@link Chain#validate}) and imported, or skipped with its reason
 * if it fails (a faulty leader can delay, not forge); a validator then votes for what it executed and sends
 * the vote to the leader, which tallies the votes into a {@link FinalityCertificate} and appends it to the
 * log, so that every node checks and stores the same certificate beside the block. If a certificate forms
 * for anything else than what this node executed, this node diverged: it stops applying the chain and says
 * so (health, log). Applying is idempotent by height, so a restart replays the log safely.
 *
 * <p>On the leader, {@link #query} takes transactions forwarded by followers into the leader's mempool, and
 * validators' votes into the tally.
 *
 * <p>It is longer than our ~400 lines because Ratis calls one state machine object for everything a chain's
 * replica does (apply, votes, read-only requests, snapshots, catch-up): its overrides share one chain, one
 * vote tally and one snapshot storage, and splitting them would pass that state around.
 */
final class ChainStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(ChainStateMachine.class);

    private final Chain chain;
    private final Genesis genesis;
    private final HashFunction hash;
    private final int width;
    private final String self;
    private final PrivateKey consensusKey;
    private final Clock clock;
    private final Duration maxSkew;
    /**
     * How long an honest block may take from its proposal to its execution here (replication of a large
     * block and its re-execution on a busy node), on top of the clock skew, before its time counts as a
     * leader's clock lagging. Ahead of this node's clock only the skew is allowed.
     */
    static final Duration APPLY_ALLOWANCE = Duration.ofSeconds(30);
    private final SignGuard guard;
    private final VoteCollector votes;
    private final FinalityListener finality;
    private volatile java.util.function.BiConsumer<Long, byte[]> voteSender = (h, v) -> { };
    private volatile Runnable leaderListener = () -> { };
    private volatile Runnable rosterListener = () -> { };
    private volatile Runnable certificateListener = () -> { };
    /** Guards the tally, which votes reach from the log and (on the leader) from validators directly. */
    private final Object tally = new Object();
    /** Certificates formed for blocks this node has not imported yet: checked once it has. */
    private final java.util.TreeMap<Long, FinalityCertificate> early = new java.util.TreeMap<>();
    /** The highest height whose certificate this node applied from the log. */
    private volatile long loggedCertificateHeight;
    private final AtomicLong rejectedBlocks = new AtomicLong();
    private final AtomicLong staleEntries = new AtomicLong();
    private final AtomicLong fetchedBlocks = new AtomicLong();
    private volatile String lastRejection = "";
    private volatile @Nullable AheadVerifier ahead;
    /** Admits the batches followers forward (on the leader), off Ratis' request threads. */
    private final ForkJoinPool admission;
    /** How many forwarded batches may wait for {@link #admission} at once. */
    static final int MAX_QUEUED_FORWARDS = 16;
    private final java.util.concurrent.Semaphore forwardsQueued = new java.util.concurrent.Semaphore(
            MAX_QUEUED_FORWARDS);
    final Faults faults = new Faults();

    /** Told when a block becomes final here. */
    interface FinalityListener {
        void finalised(long height, FinalityCertificate certificate);
    }

    ChainStateMachine(Chain chain, String self, PrivateKey consensusKey, Clock clock, Duration maxSkew,
            FinalityListener finality, ForkJoinPool admission) {
        this.chain = chain;
        this.admission = admission;
        this.genesis = chain.genesis();
        this.hash = genesis.cryptoSuite().hash();
        this.width = hash.digestLength();
        this.self = self;
        this.consensusKey = consensusKey;
        this.clock = clock;
        this.maxSkew = maxSkew;
        this.guard = new SignGuard(chain.store());
        // a vote is checked against the roster of its height; one above the next height (this node is behind
        // or refused a block) against the latest roster known here
        this.votes = new VoteCollector(genesis, chain.store().certifiedHeight(),
                h -> chain.rosterAt(Math.min(h, chain.store().height() + 1)));
        this.finality = finality;
        this.loggedCertificateHeight = chain.store().certifiedHeight();
    }

    /** The verifier reading this node's log ahead of its application, once the node's Raft division exists. */
    void verifyingAhead(AheadVerifier verifier) {
        this.ahead = verifier;
    }

    /** Told when this node formed a certificate from votes (the leader then appends it to the log). */
    void onCertificate(Runnable listener) {
        this.certificateListener = listener;
    }

    /** The highest height whose certificate this node applied from the log. */
    long loggedCertificateHeight() {
        return loggedCertificateHeight;
    }

    /** Where this validator's votes go: (height, the signed vote's encoding). */
    void onVote(java.util.function.BiConsumer<Long, byte[]> sender) {
        this.voteSender = sender;
    }

    void onLeaderChange(Runnable listener) {
        this.leaderListener = listener;
    }

    /** Told after a block that changed the chain's roster (nodes or validators) is imported here. */
    void onRosterChange(Runnable listener) {
        this.rosterListener = listener;
    }

    SignGuard guard() {
        return guard;
    }

    /** Blocks this node fetched (and re-executed) to catch up from behind the leader's snapshot. */
    long fetchedBlocks() {
        return fetchedBlocks.get();
    }

    long rejectedBlocks() {
        return rejectedBlocks.get();
    }

    String lastRejection() {
        return lastRejection;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        TermIndex ti = TermIndex.valueOf(entry);
        String outcome;
        try {
            while (faults.holdApply) {
                Thread.sleep(10);
            }
            outcome = applyBytes(entry.getStateMachineLogEntry().getLogData().toByteArray(), entry.getIndex());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        updateLastAppliedTermIndex(ti);
        return CompletableFuture.completedFuture(Message.valueOf(outcome));
    }

    /** Applies one entry; a storage failure is retried (with pauses) until the store works: never skipped. */
    private String applyBytes(byte[] bytes, long index) throws InterruptedException {
        long pause = 500;
        while (true) {
            if (chain.health().status() == ChainHealth.Status.DIVERGED) {
                return "diverged";
            }
            try {
                return apply(bytes, index);
            } catch (StorageException e) {
                LOG.error("chain={} entry {} cannot be applied: storage failure ({}); retrying in {} ms", chain.id(),
                        index, e.getMessage(), pause);
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 30_000);
                try {
                    chain.probe();
                } catch (StorageException again) {
                    // still failing; the loop retries
                }
            }
        }
    }

    private String apply(byte[] bytes, long index) {
        LogEntry e;
        try {
            e = LogEntry.decode(bytes);
        } catch (IllegalArgumentException ex) {
            staleEntries.incrementAndGet();
            LOG.warn("chain={} entry {} is not a log entry ({}); ignored", chain.id(), index, ex.getMessage());
            return "malformed";
        }
        return switch (e.kind()) {
            case BLOCK -> applyBlock(e.payload(), index);
            case VOTE, VOTES -> applyVotes(e);
            case CERTIFICATES -> applyCertificates(e);
        };
    }

    private String applyBlock(byte[] payload, long index) {
        Block b;
        try {
            b = Block.decode(payload, width);
        } catch (RuntimeException ex) {
            return rejected(index, "a block entry that does not decode: " + ex.getMessage());
        }
        long local = chain.store().height();
        if (b.height() <= local) {
            // a replay after a restart, or a second proposal for a height already filled
            BlockHeader mine = chain.store().block(b.height()).orElseThrow().header();
            if (java.util.Arrays.equals(mine.hash(hash), b.header().hash(hash))) {
                return "applied";
            }
            staleEntries.incrementAndGet();
            return "stale";
        }
        AheadVerifier a = ahead;
        if (a != null) {
            try {
                a.awaitEntry(index);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt(); // validation verifies what is left itself
            }
        }
        ExecutedBlock executed;
        try {
            executed = chain.validate(b);
        } catch (InvalidBlockException ex) {
            return rejected(index, ex.getMessage());
        }
        // the vote goes before the import: it says what this node's execution gave, which the log replays
        // identically after a crash (the guard lets the same vote be signed again), and the leader's tally
        // keeps a certificate for a block it has not imported yet until it has
        if (chain.rosterAt(b.height()).validator(self).isPresent()) {
            vote(b.header());
        }
        chain.importBlock(executed);
        checkEarlyCertificates();
        if (changesRoster(b)) {
            LOG.info("chain={} height={} the roster changes from height {}: validators {}", chain.id(), b.height(),
                    b.height() + 1, chain.rosterNext().validators());
            rosterListener.run();
        }
        return "applied";
    }

    private static boolean changesRoster(Block b) {
        for (var r : b.results()) {
            for (var e : r.events()) {
                if (e.type().equals(ValidatorsContract.CHANGED)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String rejected(long index, String why) {
        rejectedBlocks.incrementAndGet();
        lastRejection = why;
        LOG.warn("chain={} entry {}: block refused, nothing of it applied: {}", chain.id(), index, why);
        return "refused: " + why;
    }

    /**
     * Signs and sends this validator's vote, unless the block's time is further from this node's clock than
     * the allowed skew (a leader whose clock is off gets no finality) or the guard forbids it.
     */
    private void vote(BlockHeader h) {
        Instant now = clock.instant();
        if (h.time().isAfter(now.plus(maxSkew))) {
            LOG.warn("chain={} height={} not voting: block time {} is ahead of this node's clock {} by more than {}",
                    chain.id(), h.height(), h.time(), now, maxSkew);
            return;
        }
        if (h.time().isBefore(now.minus(maxSkew).minus(APPLY_ALLOWANCE)) && isLive()) {
            LOG.warn("chain={} height={} not voting: block time {} is behind this node's clock {} by more than {} and"
                    + " the {} a block may take from its proposal to its execution here", chain.id(), h.height(),
                    h.time(), now, maxSkew, APPLY_ALLOWANCE);
            return;
        }
        VoteTarget target = faults.vote.apply(VoteTarget.of(h, hash));
        try {
            guard.recordVote(target);
        } catch (IllegalStateException ex) {
            LOG.error("chain={} height={} {}", chain.id(), h.height(), ex.getMessage());
            return;
        }
        synchronized (tally) {
            if (h.height() <= votes.certifiedHeight()) {
                return;
            }
        }
        Vote v = Vote.sign(target, self, consensusKey, genesis);
        voteSender.accept(h.height(), v.encode());
    }

    /** Whether this node applies entries as they are committed (not replaying an old log after a restart). */
    private boolean isLive() {
        try {
            var info = getServer().get().getDivision(getGroupId()).getInfo();
            long committed = getServer().get().getDivision(getGroupId()).getRaftLog().getLastCommittedIndex();
            return info.getLastAppliedIndex() + 16 >= committed;
        } catch (Exception e) {
            return true;
        }
    }

    /** Counts each vote of the entry in order; the answer names each distinct outcome, in order of appearance. */
    private String applyVotes(LogEntry e) {
        return applyEach(e::votes, "malformed vote", v -> applyVote(v, false));
    }

    /**
     * Applies each item of a list entry (votes, certificates) in order: the answer names each distinct outcome,
     * in order of appearance; a list that does not decode is counted as a stale entry.
     */
    private String applyEach(java.util.function.Supplier<List<byte[]>> items, String malformed,
            java.util.function.Function<byte[], String> each) {
        List<byte[]> all;
        try {
            all = items.get();
        } catch (IllegalArgumentException ex) {
            staleEntries.incrementAndGet();
            return malformed;
        }
        java.util.Set<String> outcomes = new java.util.LinkedHashSet<>();
        for (byte[] item : all) {
            outcomes.add(each.apply(item));
        }
        return String.join(", ", outcomes);
    }

    /** @param direct sent by a validator to this node as leader (not from the log, so possibly early) */
    private String applyVote(byte[] payload, boolean direct) {
        Vote v;
        try {
            v = Vote.decode(payload, width);
        } catch (RuntimeException ex) {
            staleEntries.incrementAndGet();
            return "malformed vote";
        }
        VoteCollector.Outcome o;
        synchronized (tally) {
            o = votes.add(v, chain.store().height());
        }
        if (o instanceof VoteCollector.Outcome.Equivocation eq) {
            LOG.error("chain={} validator {} voted for two blocks at height {}: {} and {} (evidence of a faulty"
                    + " validator)", chain.id(), eq.node(), eq.first().height(), eq.first(), eq.second());
            return "equivocation";
        }
        if (o instanceof VoteCollector.Outcome.Ignored ig) {
            LOG.debug("chain={} vote ignored: {}", chain.id(), ig.reason());
            return "ignored";
        }
        if (o instanceof VoteCollector.Outcome.Certified c) {
            if (certified(c.certificate(), direct)) {
                certificateListener.run();
            }
            return "certified";
        }
        return "counted";
    }

    /**
     * Votes a validator sent this node as its chain's leader, each checked and counted like a vote from the
     * log; a certificate they complete is stored here at once (this node's clients see the block final) and
     * appended to the log by {@link ReplicatedChain} for the others.
     */
    private CompletableFuture<Message> takeVotes(byte[] bytes) {
        List<byte[]> all = VoteMessage.decode(bytes);
        for (byte[] v : all) {
            applyVote(v, true);
        }
        return reply(VoteMessage.answer(all.size()));
    }

    /** Certificates the leader appended: each checked against the roster and this node's execution, then kept. */
    private String applyCertificates(LogEntry e) {
        return applyEach(e::certificates, "malformed certificates", this::applyCertificate);
    }

    private String applyCertificate(byte[] raw) {
        FinalityCertificate c;
        try {
            c = FinalityCertificate.decode(raw, width);
        } catch (RuntimeException ex) {
            staleEntries.incrementAndGet();
            return "malformed certificate";
        }
        long h = c.target().height();
        if (h < 1) {
            return "ignored";
        }
        // the leader appends a certificate after its block's entry: a node above which it lies refused that block
        Optional<String> problem = c.problem(genesis, chain.rosterAt(Math.min(h, chain.store().height() + 1)));
        if (problem.isPresent()) {
            LOG.warn("chain={} height={} the certificate in the log does not hold ({}); ignored", chain.id(), h,
                    problem.get());
            return "ignored";
        }
        loggedCertificateHeight = Math.max(loggedCertificateHeight, h);
        synchronized (tally) {
            votes.skipTo(h);
            if (chain.store().certificate(h).isPresent()) {
                return "known";
            }
        }
        return certified(c, false) ? "certified" : "diverged";
    }

    /** Certificates that formed before this node imported their block, checked now that it may have. */
    private void checkEarlyCertificates() {
        List<FinalityCertificate> ready = new ArrayList<>();
        synchronized (tally) {
            var due = early.headMap(chain.store().height(), true);
            ready.addAll(due.values());
            due.clear();
        }
        for (FinalityCertificate c : ready) {
            if (certified(c, true)) {
                certificateListener.run();
            }
        }
    }

    /**
     * Stores a certificate that holds for what this node executed and reports the block final; if it certifies
     * anything else, this node diverged. One formed from votes sent directly, for a block not imported here yet,
     * waits for it ({@code mayWait}); one from the log comes after its block's entry.
     *
     * @return whether it was stored
     */
    private boolean certified(FinalityCertificate cert, boolean mayWait) {
        long h = cert.target().height();
        synchronized (tally) {
            if (mayWait && h > chain.store().height() && chain.health().isOk()) {
                early.put(h, cert);
                early.headMap(h - VoteCollector.WINDOW).clear();
                return false;
            }
        }
        Optional<Block> mine = chain.store().block(h);
        if (mine.isEmpty() || !VoteTarget.of(mine.get().header(), hash).equals(cert.target())) {
            chain.diverged("validators holding more than two thirds of the power certified " + cert.target()
                    + " at height " + h + ", but this node " + (mine.isEmpty() ? "did not accept that block ("
                    + lastRejection + ")" : "executed " + VoteTarget.of(mine.get().header(), hash)));
            return false;
        }
        chain.store().putCertificate(h, cert.encode());
        finality.finalised(h, cert);
        return true;
    }

    /**
     * Read-only requests of other nodes: transactions a follower forwards (admitted to this node's mempool),
     * and what a node far behind asks to catch up (this node's snapshot and blocks).
     */
    @Override
    public CompletableFuture<Message> query(Message request) {
        byte[] bytes = request.getContent().toByteArray();
        try {
            return switch (SyncMessages.tagOf(bytes)) {
                case SyncMessages.INFO -> reply(SyncMessages.encode(syncState()));
                case SyncMessages.BLOCKS -> reply(SyncMessages.encode(blockRange(SyncMessages.decodeBlocksRequest(bytes))));
                case VoteMessage.TAG -> takeVotes(bytes);
                default -> submitForwarded(bytes);
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletableFuture<Message> reply(byte[] b) {
        return CompletableFuture.completedFuture(Message.valueOf(
                org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(b)));
    }

    private SyncMessages.State syncState() {
        SnapshotMark m = latestMark();
        return m == null ? new SyncMessages.State(-1, -1, -1, chain.store().height())
                : new SyncMessages.State(m.term(), m.index(), m.height(), chain.store().height());
    }

    private SyncMessages.Range blockRange(long[] req) {
        List<byte[]> blocks = new ArrayList<>();
        List<byte[]> certs = new ArrayList<>();
        long bytes = 0;
        for (long h = req[0]; h < req[0] + req[1] && h <= chain.store().height(); h++) {
            byte[] b = chain.store().block(h).orElseThrow().encode();
            if (!blocks.isEmpty() && bytes + b.length > SyncMessages.MAX_BYTES) {
                break;
            }
            bytes += b.length;
            blocks.add(b);
            certs.add(chain.store().certificate(h).orElse(new byte[0]));
        }
        return new SyncMessages.Range(blocks, certs);
    }

    /**
     * Admits a follower's batch on the node's admission pool (each sender's transactions in order, senders in
     * parallel), not on the Ratis thread that received it: the follower's client waits for the answer. At
     * most {@link #MAX_QUEUED_FORWARDS} batches wait for the pool; beyond that a batch is admitted on the
     * thread that received it, as before, so that a peer sending forwards faster than this node admits them
     * is slowed down rather than queued without bound.
     */
    private CompletableFuture<Message> submitForwarded(byte[] bytes) {
        List<byte[]> raws = SubmitRequest.decode(bytes);
        return offload(forwardsQueued, admission, () -> admitForwarded(raws));
    }

    /**
     * Runs {@code work} on {@code pool} while a permit of {@code queued} is free (released when it ends), on
     * the calling thread otherwise: a bounded queue whose overflow slows the caller down.
     */
    static <T> CompletableFuture<T> offload(java.util.concurrent.Semaphore queued, java.util.concurrent.Executor pool,
            java.util.function.Supplier<T> work) {
        if (!queued.tryAcquire()) {
            return CompletableFuture.completedFuture(work.get());
        }
        try {
            return CompletableFuture.supplyAsync(work, pool).whenComplete((m, e) -> queued.release());
        } catch (RuntimeException e) { // the pool is shut down: the node is closing
            queued.release();
            throw e;
        }
    }

    private Message admitForwarded(List<byte[]> raws) {
        @Nullable Transaction[] txs = new Transaction[raws.size()];
        SubmitRequest.Answer[] answers = new SubmitRequest.Answer[raws.size()];
        for (int i = 0; i < txs.length; i++) {
            try {
                txs[i] = Transaction.decode(raws.get(i));
            } catch (RuntimeException ex) {
                answers[i] = new SubmitRequest.Answer(Rejection.Reason.MALFORMED.name(), "not a transaction: "
                        + ex.getMessage());
            }
        }
        @Nullable Submission[] admitted = BatchAdmission.admit(admission, txs, chain::submit);
        for (int i = 0; i < txs.length; i++) {
            Submission s = admitted[i];
            if (s != null) {
                answers[i] = forwardedAnswer(s);
            }
        }
        return Message.valueOf(org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(
                SubmitRequest.encodeAnswers(java.util.Arrays.asList(answers))));
    }

    /**
     * The leader's answer to one forwarded transaction. The very transaction committed already is not a
     * refusal but {@code DUPLICATE}: a follower's hand-over can reach the leader after the transaction went
     * in by another way (the Raft client sends a request again when leadership moves, and the new leader may
     * be the follower itself, which proposed it from its own pool), and the follower must keep the submission
     * it accepted rather than answer its client with a replay of its own transaction.
     */
    private SubmitRequest.Answer forwardedAnswer(Submission s) {
        if (s.accepted()) {
            return new SubmitRequest.Answer("", "");
        }
        if (s.rejection().reason() == Rejection.Reason.REPLAYED) {
            // where it is, not its receipt: a replayed forward costs one index read, never a block's decoding
            Optional<org.energychain.ledger.store.TxLocation> at = chain.store().locate(Hex.decode(s.txId()));
            if (at.isPresent()) {
                return new SubmitRequest.Answer(Rejection.Reason.DUPLICATE.name(), "transaction " + s.txId()
                        + " is committed already, at height " + at.get().height());
            }
        }
        return new SubmitRequest.Answer(s.rejection().reason().name(), s.rejection().message());
    }

    // ---- snapshots: the chain store is the state; a snapshot marks which log index it covers ----------------

    /** What a snapshot file holds: the chain height the store had at that log index. */
    record SnapshotMark(long term, long index, long height) {
    }

    private final org.apache.ratis.statemachine.impl.SimpleStateMachineStorage storage =
            new org.apache.ratis.statemachine.impl.SimpleStateMachineStorage();
    private volatile java.util.function.Function<byte[], byte[]> leaderQuery;

    /** How this node asks its chain's leader a read-only question (set once its Raft client exists). */
    void onLeaderQuery(java.util.function.Function<byte[], byte[]> q) {
        this.leaderQuery = q;
    }

    @Override
    public void initialize(org.apache.ratis.server.RaftServer server, org.apache.ratis.protocol.RaftGroupId groupId,
            org.apache.ratis.server.storage.RaftStorage raftStorage) throws java.io.IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        reinitialize();
    }

    /**
     * Starts applying after the latest snapshot: the chain store holds at least what it covers (the store
     * commits, synced, before an entry counts as applied).
     */
    @Override
    public void reinitialize() throws java.io.IOException {
        SnapshotMark m = latestMark();
        if (m != null) {
            if (chain.store().height() < m.height()) {
                throw new java.io.IOException("chain " + chain.id() + ": the snapshot at log index " + m.index()
                        + " covers height " + m.height() + " but the store is at " + chain.store().height());
            }
            updateLastAppliedTermIndex(TermIndex.valueOf(m.term(), m.index()));
        }
    }

    @Override
    public org.apache.ratis.statemachine.StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    private SnapshotMark latestMark() {
        var info = storage.getLatestSnapshot();
        if (info == null) {
            return null;
        }
        try {
            byte[] b = java.nio.file.Files.readAllBytes(info.getFile().getPath());
            if (b.length != 8) {
                throw new IllegalStateException("snapshot file " + info.getFile().getPath() + " is damaged");
            }
            return new SnapshotMark(info.getTerm(), info.getIndex(), java.nio.ByteBuffer.wrap(b).getLong());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public long takeSnapshot() throws java.io.IOException {
        TermIndex ti = getLastAppliedTermIndex();
        if (ti == null || ti.getIndex() < 0) {
            return -1;
        }
        java.io.File f = storage.getSnapshotFile(ti.getTerm(), ti.getIndex());
        java.nio.file.Path tmp = f.toPath().resolveSibling(f.getName() + ".tmp");
        java.nio.file.Files.write(tmp, java.nio.ByteBuffer.allocate(8).putLong(chain.store().height()).array());
        java.nio.file.Files.move(tmp, f.toPath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var md5 = org.apache.ratis.util.MD5FileUtil.computeAndSaveMd5ForFile(f);
        storage.updateLatestSnapshot(new org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo(
                new org.apache.ratis.server.storage.FileInfo(f.toPath(), md5), ti));
        LOG.info("chain={} snapshot at log index {} (height {})", chain.id(), ti.getIndex(), chain.store().height());
        return ti.getIndex();
    }

    /**
     * This node is so far behind that the leader no longer has the log it needs: it fetches the blocks from
     * the leader, re-validates and re-executes each (trusting nothing it is sent), checks and keeps their
     * certificates, and reports the leader's snapshot as installed once it holds at least what it covers.
     */
    @Override
    public CompletableFuture<TermIndex> notifyInstallSnapshotFromLeader(
            org.apache.ratis.proto.RaftProtos.RoleInfoProto roleInfo, TermIndex firstTermIndexInLog) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SyncMessages.State state = SyncMessages.decodeState(leaderQuery.apply(SyncMessages.info()));
                if (state.snapshotIndex() < 0) {
                    return null;
                }
                catchUpTo(Math.max(state.snapshotHeight(), 0));
                SnapshotMark installed = new SnapshotMark(state.snapshotTerm(), state.snapshotIndex(),
                        chain.store().height());
                writeMark(installed);
                LOG.info("chain={} caught up from the leader to height {} (its snapshot at log index {})", chain.id(),
                        chain.store().height(), state.snapshotIndex());
                return TermIndex.valueOf(state.snapshotTerm(), state.snapshotIndex());
            } catch (Exception e) {
                LOG.error("chain={} catching up from the leader failed", chain.id(), e);
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private void writeMark(SnapshotMark m) throws java.io.IOException {
        java.io.File f = storage.getSnapshotFile(m.term(), m.index());
        java.nio.file.Files.write(f.toPath(), java.nio.ByteBuffer.allocate(8).putLong(m.height()).array());
        var md5 = org.apache.ratis.util.MD5FileUtil.computeAndSaveMd5ForFile(f);
        storage.updateLatestSnapshot(new org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo(
                new org.apache.ratis.server.storage.FileInfo(f.toPath(), md5), TermIndex.valueOf(m.term(), m.index())));
    }

    /** Fetches, re-validates and imports blocks from the leader until this node's height reaches {@code target}. */
    private void catchUpTo(long target) throws InvalidBlockException {
        while (chain.store().height() < target) {
            long from = chain.store().height() + 1;
            SyncMessages.Range range = SyncMessages.decodeRange(leaderQuery.apply(
                    SyncMessages.blocks(from, SyncMessages.MAX_BLOCKS)));
            if (range.blocks().isEmpty()) {
                throw new IllegalStateException("the leader sent no block from " + from + " (its target was " + target
                        + ")");
            }
            for (int i = 0; i < range.blocks().size(); i++) {
                Block b = Block.decode(range.blocks().get(i), width);
                ExecutedBlock e = chain.validate(b);
                chain.importBlock(e);
                checkEarlyCertificates();
                fetchedBlocks.incrementAndGet();
                if (changesRoster(b)) {
                    rosterListener.run();
                }
                byte[] raw = range.certificates().get(i);
                if (raw.length > 0) {
                    FinalityCertificate c = FinalityCertificate.decode(raw, width);
                    if (c.problem(genesis, chain.rosterAt(b.height())).isEmpty()
                            && c.target().equals(VoteTarget.of(b.header(), hash))) {
                        chain.store().putCertificate(b.height(), raw);
                        synchronized (tally) {
                            votes.skipTo(b.height());
                        }
                        finality.finalised(b.height(), c);
                    } else {
                        LOG.warn("chain={} height={} the certificate sent with the block does not hold; not kept",
                                chain.id(), b.height());
                    }
                }
            }
        }
    }

    /**
     * Ratis shut this node's group down on its own (not the node closing): the node no longer follows the chain
     * until it is restarted, so an operator must hear of it.
     */
    @Override
    public void notifyServerShutdown(org.apache.ratis.proto.RaftProtos.RoleInfoProto roleInfo, boolean allServer) {
        if (!allServer) {
            LOG.error("chain={} Raft shut this node's group down (as {}); the node no longer follows the chain until"
                    + " it is restarted", chain.id(), roleInfo.getRole());
        }
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
        leaderListener.run();
    }

    @Override
    public void notifyLeaderReady() {
        leaderListener.run();
    }
}
