package org.energychain.network;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chain as this node replicates it: its Raft group, state machine, client and orderer, and what the
 * node's API shows of it (leader, finality). Submissions that reach a follower are forwarded to the leader
 * ({@link #forward}); the follower keeps them too, so a new leader can propose them.
 */
public final class ReplicatedChain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedChain.class);

    private final Chain chain;
    private final RaftGroup group;
    private final ChainStateMachine machine;
    private final Object finalised = new Object();
    private volatile long finalHeight;
    private volatile RaftServer.Division division;
    private volatile RaftClient client;
    private volatile ReplicatedOrderer orderer;

    ReplicatedChain(Chain chain, RaftGroup group, NetworkSettings s) {
        this.chain = chain;
        this.group = group;
        this.finalHeight = chain.store().certifiedHeight();
        this.machine = new ChainStateMachine(chain, s.nodeId(), s.consensusKey(), s.clock(), s.maxClockSkew(),
                this::onFinal);
    }

    void bind(RaftServer.Division division, RaftClient client) {
        this.division = division;
        this.client = client;
        machine.onVote(entry -> client.async().send(Message.valueOf(ByteString.copyFrom(entry)))
                .whenComplete((r, e) -> {
                    if (e != null || (r != null && !r.isSuccess())) {
                        LOG.warn("chain={} vote not appended: {}", chain.id(), e != null ? e.getMessage()
                                : r.getException());
                    }
                }));
        this.orderer = new ReplicatedOrderer(chain, client, machine.guard(), this::leadingAndCaughtUp);
        machine.onLeaderChange(orderer::wake);
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

    public String lastRefusal() {
        return machine.lastRejection();
    }

    private void onFinal(long height, FinalityCertificate cert) {
        synchronized (finalised) {
            finalHeight = Math.max(finalHeight, height);
            finalised.notifyAll();
        }
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

    @Override
    public void close() {
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
