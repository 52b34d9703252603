package org.energychain.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.server.RaftServer;
import org.energychain.ledger.Chain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a chain's Raft group in line with the roster its {@code validators} contract put in force: on the
 * leader, after a roster change, a leader change and every few seconds (so that a change a crash
 * interrupted completes), on a thread of its own because a configuration change waits for Raft.
 */
final class RaftMembership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RaftMembership.class);

    private final Chain chain;
    private final RaftServer.Division division;
    private final RaftClient client;
    private final AtomicLong changes = new AtomicLong();
    private final ScheduledExecutorService thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread t = new Thread(r, "membership");
                t.setDaemon(true);
                return t;
            });
    private volatile boolean closed;

    RaftMembership(Chain chain, RaftServer.Division division, RaftClient client) {
        this.chain = chain;
        this.division = division;
        this.client = client;
        var unused = thread.scheduleWithFixedDelay(this::reconcile, 5, 5, TimeUnit.SECONDS);
    }

    /** Checks the group against the roster soon (on the membership thread). */
    void check() {
        if (!closed) {
            thread.execute(this::reconcile);
        }
    }

    /** Configuration changes made. */
    long changes() {
        return changes.get();
    }

    /**
     * On the leader: if the Raft group's members differ from the roster the chain has committed (a
     * {@code validators} change was enacted), asks Raft to change its configuration: validators vote, the
     * other nodes of the roster listen, nodes no longer in it leave. Ratis catches a new member up before
     * the change commits; a removed leader steps down once it has.
     */
    private void reconcile() {
        try {
            RaftServer.Division d = division;
            if (closed || d == null || !d.getInfo().isLeader() || !d.getInfo().isLeaderReady()) {
                return;
            }
            org.apache.ratis.server.RaftConfiguration conf = d.getRaftConf();
            if (!conf.getPreviousPeers().isEmpty()) {
                return; // a change is under way
            }
            org.energychain.ledger.genesis.Roster roster = chain.rosterNext();
            List<org.apache.ratis.protocol.RaftPeer> servers = new ArrayList<>();
            List<org.apache.ratis.protocol.RaftPeer> listeners = new ArrayList<>();
            for (org.energychain.ledger.genesis.NodeInfo n : roster.nodes()) {
                boolean votes = roster.validator(n.id()).isPresent();
                org.apache.ratis.protocol.RaftPeer p = NetworkNode.peer(n, votes);
                (votes ? servers : listeners).add(p);
            }
            if (ids(conf.getCurrentPeers(org.apache.ratis.proto.RaftProtos.RaftPeerRole.FOLLOWER)).equals(ids(servers))
                    && ids(conf.getCurrentPeers(org.apache.ratis.proto.RaftProtos.RaftPeerRole.LISTENER))
                    .equals(ids(listeners))) {
                return;
            }
            LOG.info("chain={} the Raft group follows the roster: voting {}, listening {}", chain.id(), ids(servers),
                    ids(listeners));
            RaftClientReply r = client.admin().setConfiguration(servers, listeners);
            if (r.isSuccess()) {
                changes.incrementAndGet();
            } else {
                LOG.warn("chain={} changing the Raft group failed: {}; tried again", chain.id(), r.getException());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("chain={} changing the Raft group failed: {}; tried again", chain.id(), e.toString());
        }
    }

    static java.util.Set<String> ids(java.util.Collection<org.apache.ratis.protocol.RaftPeer> peers) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        peers.forEach(p -> s.add(p.getId().toString()));
        return s;
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
    }
}
