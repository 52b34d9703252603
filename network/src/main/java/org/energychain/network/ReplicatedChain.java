package org.energychain.network;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.energychain.ledger.Chain;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.order.Orderer;
import org.energychain.ledger.tx.Transaction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chain as this node replicates it: its Raft group, state machine, client and orderer, and what the
 * node's API shows of it (leader, finality). Submissions that reach a follower are forwarded to the leader
 * ({@link #forward}); the follower keeps them too, so a new leader can propose them.
 *
 * <p>Longer than ~400 lines because it is what one chain's replica is to the rest of the node (leader,
 * finality, forwarding, resending, votes), each a few lines over the same Raft client and division; the Raft
 * membership follows the roster in {@link RaftMembership}.
 */
public final class ReplicatedChain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedChain.class);

    private final Chain chain;
    private final RaftGroup group;
    private final ChainStateMachine machine;
    private final String self;
    private final Object finalised = new Object();
    private volatile long finalHeight;
    private volatile RaftServer.Division division;
    private volatile RaftClient client;
    private volatile ReplicatedOrderer orderer;
    /** Forwards waiting to be sent to the leader in one request. */
    private final java.util.concurrent.LinkedBlockingQueue<Pending> forwards = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile Thread forwarder;
    private volatile boolean closed;

    /**
     * This validator's votes for heights not final here yet, by height, with whether and when each was last sent.
     * A vote stays until its height is final: a leader that took it may fail before its certificate is in the
     * log, and the next leader needs it again.
     */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, OwnVote> ownVotes =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.concurrent.Semaphore votesWaiting = new java.util.concurrent.Semaphore(0);
    private final java.util.concurrent.atomic.AtomicLong voteSendFailures = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong votesSent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong voteMessages = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.Semaphore certificatesWaiting = new java.util.concurrent.Semaphore(0);
    private final java.util.concurrent.atomic.AtomicLong certificateEntries = new java.util.concurrent.atomic.AtomicLong();
    private volatile Thread voteSender;
    private volatile Thread certifier;
    private volatile java.util.concurrent.ScheduledExecutorService resender;
    /** The commit index at the resender's previous round (only its thread uses it). */
    private long committedAtLastResend = -1;
    private final java.util.concurrent.atomic.AtomicLong resent = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong resendsDeferred = new java.util.concurrent.atomic.AtomicLong();
    private volatile RaftMembership membership;
    private volatile @Nullable AheadVerifier aheadVerifier;
    private volatile Runnable rosterChanged = () -> { };

    /** How long a vote sent to the leader may stay without its height becoming final before it is sent again. */
    static final long RESEND_VOTE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The most of its own votes a validator keeps for heights not final yet. */
    static final int MAX_OWN_VOTES = 1_000;
    /** How many of the latest final heights the certifier looks through for certificates the log lacks. */
    private static final int CERTIFIER_SCAN = 4_096;

    private record OwnVote(byte[] vote, boolean sent, long sentNanos) {
    }

    /**
     * Sends this validator's votes straight to the chain's leader (a read-only request: no log round), lowest
     * height first, every vote waiting when a send starts in one message (up to {@link LogEntry#MAX_VOTES}):
     * while one is in flight the next blocks' votes gather. A vote whose height is not final
     * {@link #RESEND_VOTE_NANOS} after it was sent goes again (a leader counts a vote once). Deliberately
     * blocking rather than Ratis's ordered asynchronous client: once one of its requests runs out of retries
     * (no leader for longer than the retry policy, as after a leader crash on a busy machine) it fails every
     * later request too, and this validator would never vote again.
     */
    private void voteLoop() {
        while (!closed) {
            try {
                votesWaiting.tryAcquire(250, TimeUnit.MILLISECONDS);
                votesWaiting.drainPermits();
                while (!closed && !machine.faults.holdVotes) {
                    ownVotes.headMap(finalHeight, true).clear();
                    long now = System.nanoTime();
                    List<Map.Entry<Long, OwnVote>> batch = new ArrayList<>();
                    for (Map.Entry<Long, OwnVote> e : ownVotes.entrySet()) {
                        if (batch.size() == LogEntry.MAX_VOTES) {
                            break;
                        }
                        if (!e.getValue().sent() || now - e.getValue().sentNanos() > RESEND_VOTE_NANOS) {
                            batch.add(e);
                        }
                    }
                    if (batch.isEmpty()) {
                        break;
                    }
                    if (!sendVotes(batch)) {
                        voteSendFailures.incrementAndGet();
                        break; // again after a pause: the chain has no leader now
                    }
                    long sentAt = System.nanoTime();
                    batch.forEach(e -> ownVotes.replace(e.getKey(), e.getValue(),
                            new OwnVote(e.getValue().vote(), true, sentAt)));
                    votesSent.addAndGet(batch.size());
                    voteMessages.incrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                voteSendFailures.incrementAndGet();
                LOG.warn("chain={} sending votes failed; trying again", chain.id(), e);
            }
        }
    }

    private boolean sendVotes(List<Map.Entry<Long, OwnVote>> votes) {
        Object why;
        byte[] message = VoteMessage.encode(votes.stream().map(e -> e.getValue().vote()).toList());
        try {
            RaftClientReply r = client.io().sendReadOnly(Message.valueOf(ByteString.copyFrom(message)));
            if (r.isSuccess()) {
                VoteMessage.decodeAnswer(r.getMessage().getContent().toByteArray());
                return true;
            }
            why = r.getException();
        } catch (IOException | IllegalArgumentException e) {
            why = e.getMessage();
        }
        LOG.info("chain={} heights {}..{}: votes not taken by a leader yet ({}); they are sent again", chain.id(),
                votes.get(0).getKey(), votes.get(votes.size() - 1).getKey(), why);
        return false;
    }

    /**
     * While this node leads, appends to the log the certificates it holds that the log does not carry yet
     * (those it formed from the votes sent to it, and after an election those it formed as a follower), up to
     * {@link LogEntry#MAX_CERTIFICATES} in one entry: every replica then checks and stores the same
     * certificate, and one that was down learns it by replaying the log.
     */
    private void certifierLoop() {
        while (!closed) {
            try {
                certificatesWaiting.tryAcquire(250, TimeUnit.MILLISECONDS);
                certificatesWaiting.drainPermits();
                if (!isLeader()) {
                    continue;
                }
                List<byte[]> certs = new ArrayList<>();
                // the latest heights only: a certificate makes every block below it final, and the one at the
                // final height is always among them, so a long stretch without certificates cannot stall this
                long to = finalHeight;
                long from = Math.max(machine.loggedCertificateHeight() + 1, to - CERTIFIER_SCAN + 1);
                for (long h = from; h <= to && certs.size() < LogEntry.MAX_CERTIFICATES; h++) {
                    chain.store().certificate(h).ifPresent(certs::add);
                }
                if (certs.isEmpty()) {
                    continue;
                }
                RaftClientReply r = client.io().send(Message.valueOf(ByteString.copyFrom(
                        LogEntry.ofCertificates(certs).encode())));
                if (r.isSuccess()) {
                    certificateEntries.incrementAndGet();
                    certificatesWaiting.release(); // more may be waiting
                } else {
                    LOG.info("chain={} certificates not appended: {}", chain.id(), r.getException());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("chain={} appending certificates failed; trying again", chain.id(), e);
            }
        }
    }

    /** Votes this validator sent its leaders (a vote sent again counts again), and the messages they took. */
    public record VotesSent(long votes, long messages) {
    }

    public VotesSent votesSent() {
        return new VotesSent(votesSent.get(), voteMessages.get());
    }

    /** Certificate entries this node appended to the log as leader. */
    public long certificateEntries() {
        return certificateEntries.get();
    }

    /** Vote messages no leader took at the first try (the chain had no leader); their votes are sent again. */
    public long voteSendFailures() {
        return voteSendFailures.get();
    }

    /** Transactions waiting here are handed to the leader again every two seconds. */
    private void startResender() {
        resender = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reforward-" + chain.id());
            t.setDaemon(true);
            return t;
        });
        var unused = resender.scheduleWithFixedDelay(() -> {
            try {
                reforward();
            } catch (IOException | RuntimeException e) {
                LOG.debug("chain={} handing waiting transactions to the leader again: {}", chain.id(), e.getMessage());
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * On a follower, transactions that have waited here more than three seconds are handed to the leader
     * again: the first hand-over may have gone to a leader that was cut off or gone (the leader keeps one
     * copy of a transaction it has, so this is harmless).
     *
     * <p>Only once this node has applied every entry that was committed at the previous round (two seconds
     * ago): until then what waits here may be in a block committed but not applied here yet. Under load a
     * follower that applies a few seconds behind the leader otherwise hands its whole backlog over again every
     * round, the leader decodes and looks up each of them only to answer that it is committed, and the work
     * makes the follower fall further behind (measured: more transactions handed over again than offered).
     */
    private void reforward() throws IOException {
        RaftServer.Division d = division;
        if (d == null || isLeader() || leader().isEmpty()) {
            return;
        }
        long mustHaveApplied = committedAtLastResend;
        committedAtLastResend = d.getRaftLog().getLastCommittedIndex();
        if (d.getInfo().getLastAppliedIndex() < mustHaveApplied) {
            resendsDeferred.incrementAndGet();
            return;
        }
        List<Transaction> waiting = chain.waitingLongerThan(3_000, SubmitRequest.MAX);
        if (!waiting.isEmpty()) {
            forward(waiting);
            resent.addAndGet(waiting.size());
        }
    }

    /** Transactions handed to the leader again, and rounds that handed none over because this node was behind. */
    public record Resent(long transactions, long deferredRounds) {
    }

    public Resent resent() {
        return new Resent(resent.get(), resendsDeferred.get());
    }

    private record Pending(Transaction tx, java.util.concurrent.CompletableFuture<SubmitRequest.Answer> answer) {
    }

    ReplicatedChain(Chain chain, RaftGroup group, NetworkSettings s, java.util.concurrent.ForkJoinPool admission) {
        this.chain = chain;
        this.group = group;
        this.self = s.nodeId();
        this.finalHeight = chain.store().certifiedHeight();
        this.machine = new ChainStateMachine(chain, s.nodeId(), s.consensusKey(), s.clock(), s.maxClockSkew(),
                this::onFinal, admission);
    }

    void bind(RaftServer.Division division, RaftClient client) {
        this.division = division;
        this.client = client;
        AheadVerifier verifier = new AheadVerifier(chain, division);
        this.aheadVerifier = verifier;
        machine.verifyingAhead(verifier);
        verifier.start();
        machine.onVote((height, entry) -> {
            ownVotes.put(height, new OwnVote(entry, false, 0));
            // while finality stalls (a validator short) only the latest votes are kept: a certificate at a
            // height makes every block below it final, so the older ones would never be needed
            while (ownVotes.size() > MAX_OWN_VOTES) {
                ownVotes.pollFirstEntry();
            }
            votesWaiting.release();
        });
        machine.onCertificate(certificatesWaiting::release);
        Thread v = new Thread(this::voteLoop, "votes-" + chain.id());
        v.setDaemon(true);
        voteSender = v;
        v.start();
        Thread c = new Thread(this::certifierLoop, "certifier-" + chain.id());
        c.setDaemon(true);
        certifier = c;
        c.start();
        startResender();
        machine.onLeaderQuery(q -> {
            try {
                RaftClientReply r = client.io().sendReadOnly(Message.valueOf(ByteString.copyFrom(q)));
                if (!r.isSuccess()) {
                    throw new java.io.UncheckedIOException(new IOException("the leader did not answer: "
                            + r.getException()));
                }
                return r.getMessage().getContent().toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        this.orderer = new ReplicatedOrderer(chain, client, machine.guard(), this::leadingAndCaughtUp, machine.faults);
        this.membership = new RaftMembership(chain, division, client);
        machine.onLeaderChange(() -> {
            orderer.wake();
            certificatesWaiting.release();
            membership.check();
        });
        machine.onRosterChange(() -> {
            rosterChanged.run();
            membership.check();
        });
    }

    /** Told when the chain's roster changed here (the node re-pins its peers' certificates). */
    void onRosterChange(Runnable r) {
        this.rosterChanged = r;
    }

    /** The voting members (validators) of the chain's Raft group as this node knows its configuration. */
    public java.util.Set<String> raftVoters() {
        RaftServer.Division d = division;
        return d == null ? java.util.Set.of()
                : RaftMembership.ids(d.getRaftConf().getCurrentPeers(
                        org.apache.ratis.proto.RaftProtos.RaftPeerRole.FOLLOWER));
    }

    /** Raft configuration changes this node made as leader to follow the chain's roster. */
    public long membershipChanges() {
        RaftMembership m = membership;
        return m == null ? 0 : m.changes();
    }


    /** Test-only fault injection of this node. */
    Faults faults() {
        return machine.faults;
    }

    RaftGroup group() {
        return group;
    }

    ChainStateMachine stateMachine() {
        return machine;
    }

    public Chain chain() {
        return chain;
    }

    /** The chain's orderer on this node: proposes while this node leads. */
    public Orderer orderer() {
        return orderer;
    }

    /** This node's id. */
    public String self() {
        return self;
    }

    /** Whether this node leads the chain's group now. */
    public boolean isLeader() {
        RaftServer.Division d = division;
        return d != null && d.getInfo().isLeader();
    }

    private boolean leadingAndCaughtUp() {
        RaftServer.Division d = division;
        if (d == null || !d.getInfo().isLeader() || !d.getInfo().isLeaderReady()) {
            return false;
        }
        return d.getInfo().getLastAppliedIndex() >= d.getRaftLog().getLastCommittedIndex();
    }

    /** The node that leads the chain's group, as far as this node knows. */
    public Optional<String> leader() {
        RaftServer.Division d = division;
        if (d == null) {
            return Optional.empty();
        }
        RaftPeerId id = d.getInfo().getLeaderId();
        return id == null ? Optional.empty() : Optional.of(id.toString());
    }

    /** The Raft term this node is in. */
    public long term() {
        RaftServer.Division d = division;
        return d == null ? 0 : d.getInfo().getCurrentTerm();
    }

    /** The highest height with a finality certificate here. */
    public long finalHeight() {
        return finalHeight;
    }

    /** Proposed blocks this node refused (invalid), and the last reason. */
    public long refusedBlocks() {
        return machine.rejectedBlocks();
    }

    /** Blocks fetched from the leader and re-executed to catch up from behind its snapshot. */
    /**
     * Transaction signatures this node verified while their block was in its log but not applied yet (a
     * follower under load), and the blocks it read for that.
     */
    public record VerifiedAheadCount(long signatures, long blocks) {
    }

    public VerifiedAheadCount verifiedAhead() {
        AheadVerifier v = aheadVerifier;
        return v == null ? new VerifiedAheadCount(0, 0) : new VerifiedAheadCount(v.verifiedSignatures(), v.blocksRead());
    }

    public long fetchedBlocks() {
        return machine.fetchedBlocks();
    }

    public String lastRefusal() {
        return machine.lastRejection();
    }

    private final java.util.concurrent.ConcurrentSkipListMap<Long, List<java.util.concurrent.CompletableFuture<Long>>>
            finalWaiters = new java.util.concurrent.ConcurrentSkipListMap<>();

    private void onFinal(long height, FinalityCertificate cert) {
        synchronized (finalised) {
            finalHeight = Math.max(finalHeight, height);
            finalised.notifyAll();
        }
        var ready = finalWaiters.headMap(height, true);
        ready.values().forEach(l -> l.forEach(f -> f.complete(height)));
        ready.clear();
    }

    /** Completes (with the certified height) once block {@code height} is final here. */
    public java.util.concurrent.CompletableFuture<Long> whenFinal(long height) {
        java.util.concurrent.CompletableFuture<Long> f = new java.util.concurrent.CompletableFuture<>();
        finalWaiters.computeIfAbsent(height, h -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(f);
        long now = finalHeight;
        if (now >= height) {
            f.complete(now);
        }
        return f;
    }

    /** Waits until block {@code height} is final here, at most {@code timeout}; whether it is. */
    public boolean awaitFinal(long height, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (finalised) {
            while (finalHeight < height) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                finalised.wait(left);
            }
        }
        return true;
    }

    /**
     * Hands transactions to the chain's leader (this node itself if it leads): the leader's answer for each.
     *
     * @throws IOException if no leader answers in time
     */
    public List<SubmitRequest.Answer> forward(List<Transaction> txs) throws IOException {
        List<byte[]> raw = new ArrayList<>(txs.size());
        txs.forEach(t -> raw.add(t.encode()));
        RaftClientReply r = client.io().sendReadOnly(Message.valueOf(ByteString.copyFrom(SubmitRequest.encode(raw))));
        if (!r.isSuccess()) {
            throw new IOException("chain " + chain.id() + ": the leader did not take the transactions: "
                    + r.getException());
        }
        return SubmitRequest.decodeAnswers(r.getMessage().getContent().toByteArray());
    }

    /**
     * Hands a transaction to the leader, batched with others sent at the same time (one request to the
     * leader carries up to {@link SubmitRequest#MAX}); the future fails if no leader answers.
     */
    public java.util.concurrent.CompletableFuture<SubmitRequest.Answer> forwardAsync(Transaction tx) {
        java.util.concurrent.CompletableFuture<SubmitRequest.Answer> f = new java.util.concurrent.CompletableFuture<>();
        if (closed) {
            f.completeExceptionally(new IOException("chain " + chain.id() + " is closed"));
            return f;
        }
        startForwarder();
        forwards.add(new Pending(tx, f));
        return f;
    }

    private synchronized void startForwarder() {
        if (forwarder == null) {
            forwarder = new Thread(this::forwardLoop, "forward-" + chain.id());
            forwarder.setDaemon(true);
            forwarder.start();
        }
    }

    private void forwardLoop() {
        List<Pending> batch = new ArrayList<>();
        while (!closed) {
            try {
                Pending first = forwards.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                forwards.drainTo(batch, SubmitRequest.MAX - 1);
                List<Transaction> txs = new ArrayList<>(batch.size());
                batch.forEach(p -> txs.add(p.tx()));
                try {
                    List<SubmitRequest.Answer> answers = forward(txs);
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).answer().complete(i < answers.size() ? answers.get(i)
                                : new SubmitRequest.Answer("UNAVAILABLE", "the leader gave no answer"));
                    }
                } catch (IOException | RuntimeException e) {
                    batch.forEach(p -> p.answer().completeExceptionally(e));
                }
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (membership != null) {
            membership.close();
        }
        if (resender != null) {
            resender.shutdownNow();
        }
        AheadVerifier verifier = aheadVerifier;
        if (verifier != null) {
            verifier.close();
        }
        Thread f = forwarder;
        if (f != null) {
            f.interrupt();
        }
        Thread v = voteSender;
        if (v != null) {
            v.interrupt();
        }
        Thread c = certifier;
        if (c != null) {
            c.interrupt();
        }
        forwards.forEach(p -> p.answer().completeExceptionally(new IOException("chain " + chain.id() + " closed")));
        if (orderer != null) {
            orderer.close();
        }
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debug("chain={} closing its Raft client: {}", chain.id(), e.getMessage());
            }
        }
    }
}
