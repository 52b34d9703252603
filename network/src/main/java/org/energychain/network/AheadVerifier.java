package org.energychain.network;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.energychain.ledger.Chain;
import org.energychain.ledger.block.Block;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the transaction signatures of the blocks in this node's Raft log that it has not applied yet,
 * on a thread of its own (and the common pool), so that the thread that applies the log in order finds them
 * verified ({@link Chain#verifyAhead}). Why: under load a follower applies blocks some way behind the log,
 * and verification is most of a block's validation; done in the apply thread, it made that one thread the
 * follower's bottleneck and delayed finality. The total work is the same: every signature is still verified
 * once on this node.
 *
 * <p>It only reads the log: an entry that is replaced (a new leader truncates a follower's uncommitted
 * entries) cost a verification for nothing, never a wrong result, because what it records is the id of the
 * exact signed bytes it verified. It stays at most {@link Chain#verifiedAheadCapacity()} / 2 transactions
 * ahead of the apply thread, and idles on the leader, whose log holds its own blocks.
 */
final class AheadVerifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AheadVerifier.class);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LEADER_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Chain chain;
    private final int width;
    private final RaftServer.Division division;
    private final Thread thread;
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong entries = new AtomicLong();
    private volatile boolean closed;
    /**
     * The blocks verified ahead that this node has not applied yet, as (log index, transactions), oldest
     * first, and their transactions in all: how far ahead the verifier is. Counted from log positions, not
     * from what the chain still holds verified, which can keep outcomes nobody will take (an entry a new
     * leader replaced, a transaction admitted here after it was verified ahead) until they are evicted.
     * Only the verifier's thread uses them.
     */
    private final java.util.ArrayDeque<long[]> unapplied = new java.util.ArrayDeque<>();
    private long txsAhead;
    /** The log index whose block is being verified now, or -1. */
    private long working = -1;

    AheadVerifier(Chain chain, RaftServer.Division division) {
        this.chain = chain;
        this.width = chain.genesis().cryptoSuite().hash().digestLength();
        this.division = division;
        this.thread = new Thread(this::run, "verify-ahead-" + chain.id());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Waits while this verifier is on the entry at {@code index}: the apply thread is about to validate it,
     * and would otherwise verify the same signatures a second time.
     */
    synchronized void awaitEntry(long index) throws InterruptedException {
        while (working == index && !closed) {
            wait(100);
        }
    }

    /** Signatures verified ahead so far. */
    long verifiedSignatures() {
        return verified.get();
    }

    /** Block entries read ahead so far. */
    long blocksRead() {
        return entries.get();
    }

    private void run() {
        long next = 0;
        while (!closed) {
            try {
                next = step(next);
            } catch (RuntimeException | org.apache.ratis.server.raftlog.RaftLogIOException e) {
                // only a head start: whatever fails here, the apply thread verifies itself
                LOG.debug("chain={} verifying ahead at log index {}: {}", chain.id(), next, e.toString());
                next++;
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
    }

    /** Verifies the block at the next index if there is one to verify; the index to look at next. */
    private long step(long next) throws org.apache.ratis.server.raftlog.RaftLogIOException {
        RaftLog log = division.getRaftLog();
        long applied = division.getInfo().getLastAppliedIndex();
        while (!unapplied.isEmpty() && unapplied.peekFirst()[0] <= applied) {
            txsAhead -= unapplied.pollFirst()[1];
        }
        long from = Math.max(Math.max(next, applied + 1), log.getStartIndex());
        TermIndex last = log.getLastEntryTermIndex();
        if (division.getInfo().isLeader()) {
            LockSupport.parkNanos(LEADER_IDLE_NANOS);
            return from;
        }
        // Ratis has no hook for an entry appended on a follower: it is looked for every 2 ms
        if (last == null || from > last.getIndex() || txsAhead >= chain.verifiedAheadCapacity() / 2) {
            LockSupport.parkNanos(IDLE_NANOS);
            return from;
        }
        LogEntryProto e = log.get(from);
        if (e == null || !e.hasStateMachineLogEntry()) {
            return from + 1;
        }
        synchronized (this) {
            working = from;
        }
        try {
            LogEntry entry = LogEntry.decode(e.getStateMachineLogEntry().getLogData().toByteArray());
            if (entry.kind() == LogEntry.Kind.BLOCK) {
                Block b = Block.decode(entry.payload(), width);
                if (b.height() > chain.store().height()) {
                    entries.incrementAndGet();
                    verified.addAndGet(chain.verifyAhead(b));
                    unapplied.addLast(new long[] {from, b.transactions().size()});
                    txsAhead += b.transactions().size();
                }
            }
        } finally {
            synchronized (this) {
                working = -1;
                notifyAll();
            }
        }
        return from + 1;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        thread.interrupt();
    }
}
