package org.energychain.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachine;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.energychain.ledger.Chain;
import org.energychain.ledger.exec.BatchAdmission;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's part in the network: one Ratis server hosting one Raft group per replicated chain (the group
 * id is derived from the chain's genesis hash, so another network's chain of the same name never joins
 * it), a client per group for proposals, votes and forwarded submissions, and the chains' state machines
 * and orderers. The validators of a chain are voting members of its group; the other nodes that host it
 * are listeners, which keep a full replica without voting.
 */
public final class NetworkNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkNode.class);
    private static final AtomicLong CALL_IDS = new AtomicLong();

    private final NetworkSettings settings;
    private final RaftServer server;
    private final Map<String, ReplicatedChain> chains;
    /** Admits the transactions followers forward to this node while it leads, for every chain: a thread a core. */
    private final ForkJoinPool admission;

    private NetworkNode(NetworkSettings settings, RaftServer server, Map<String, ReplicatedChain> chains,
            ForkJoinPool admission) {
        this.settings = settings;
        this.server = server;
        this.chains = Collections.unmodifiableMap(chains);
        this.admission = admission;
    }

    /** The Raft group of a chain: derived from its genesis hash. */
    public static RaftGroupId groupId(Genesis g) {
        return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(g.hash()));
    }

    /** The Raft group of a chain as its genesis starts it: its nodes, validators voting, the others listening. */
    public static RaftGroup group(Genesis g) {
        return group(g, g.roster(), null);
    }

    /**
     * The Raft group of a chain with {@code roster}'s nodes; a node {@code joining} that the roster does not
     * hold yet (the validators are to add it) listens until the leader's configuration says otherwise.
     */
    static RaftGroup group(Genesis g, Roster roster, @Nullable RaftPeer joining) {
        List<RaftPeer> peers = new ArrayList<>();
        for (NodeInfo n : roster.nodes()) {
            if (n.address().isEmpty()) {
                throw new IllegalArgumentException("chain " + g.chainId() + ": node " + n.id() + " has no address;"
                        + " a replicated chain needs the replication address of every node that hosts it");
            }
            peers.add(peer(n, roster.validator(n.id()).isPresent()));
        }
        if (joining != null) {
            peers.add(joining);
        }
        return RaftGroup.valueOf(groupId(g), peers);
    }

    /** A node as a Raft peer: voting if it is a validator, else a listener keeping a replica. */
    static RaftPeer peer(NodeInfo n, boolean votes) {
        return RaftPeer.newBuilder().setId(n.id()).setAddress(n.address())
                .setStartupRole(votes ? RaftPeerRole.FOLLOWER : RaftPeerRole.LISTENER).build();
    }

    /** Whether a chain is replicated (its genesis gives its nodes replication addresses), not ordered by one node. */
    public static boolean isReplicated(Genesis g) {
        return g.nodes().stream().anyMatch(n -> !n.address().isEmpty());
    }

    /**
     * Starts the node's Ratis server, joins (or recovers) the group of every chain, and builds each chain's
     * orderer (not started: the caller starts it with the rest of the node).
     *
     * @throws IllegalArgumentException if this node does not host a chain, or its address is not the genesis one
     */
    public static NetworkNode start(NetworkSettings s, List<Chain> replicated) throws IOException {
        // Ratis ends the JVM on some fatal errors (a port it cannot bind): here they are exceptions with a reason
        org.apache.ratis.util.ExitUtils.disableSystemExit();
        for (Chain c : replicated) {
            java.util.Optional<NodeInfo> found = c.rosterNext().node(s.nodeId());
            if (found.isEmpty()) {
                LOG.warn("chain={} node {} is not one of its nodes {} (height {}): it joins as a listener and takes"
                        + " part once the validators add it (energychain validators propose)", c.id(), s.nodeId(),
                        c.rosterNext().nodes().stream().map(NodeInfo::id).toList(), c.store().height());
                continue;
            }
            NodeInfo me = found.get();
            int port = Integer.parseInt(me.address().substring(me.address().lastIndexOf(':') + 1));
            if (port != s.listenPort()) {
                throw new IllegalArgumentException("chain " + c.id() + ": the genesis gives node " + s.nodeId()
                        + " the replication address " + me.address() + ", but it listens on port " + s.listenPort());
            }
        }
        RaftProperties p = properties(s, replicated);
        Parameters params = new Parameters();
        if (s.tls() != null) {
            GrpcTlsConfig tls = new GrpcTlsConfig(s.tls().keyManager(), s.tls().trustManager(), true);
            GrpcConfigKeys.TLS.setConf(params, tls);
            GrpcConfigKeys.Server.setTlsConf(params, tls);
            GrpcConfigKeys.Client.setTlsConf(params, tls);
            GrpcConfigKeys.Admin.setTlsConf(params, tls);
        }
        Map<RaftGroupId, ChainStateMachine> machines = new LinkedHashMap<>();
        Map<String, ReplicatedChain> out = new LinkedHashMap<>();
        ForkJoinPool admission = BatchAdmission.newPool("forwarded-" + s.nodeId());
        for (Chain c : replicated) {
            Roster roster = c.rosterNext();
            @Nullable RaftPeer joining = roster.node(s.nodeId()).isPresent() ? null : RaftPeer.newBuilder().setId(s.nodeId())
                    .setAddress(s.listenHost() + ":" + s.listenPort()).setStartupRole(RaftPeerRole.LISTENER).build();
            ReplicatedChain rc = new ReplicatedChain(c, group(c.genesis(), roster, joining), s, admission);
            machines.put(rc.group().getGroupId(), rc.stateMachine());
            out.put(c.id(), rc);
        }
        StateMachine.Registry registry = gid -> {
            ChainStateMachine m = machines.get(gid);
            if (m == null) {
                throw new IllegalStateException("node " + s.nodeId() + " hosts no chain of Raft group " + gid);
            }
            return m;
        };
        RaftServer server;
        try {
            server = RaftServer.newBuilder().setServerId(RaftPeerId.valueOf(s.nodeId())).setProperties(p)
                    .setParameters(params).setStateMachineRegistry(registry)
                    .setOption(RaftStorage.StartupOption.RECOVER).build();
            server.start();
        } catch (IOException | RuntimeException e) {
            admission.shutdownNow();
            throw e;
        }
        NetworkNode node = new NetworkNode(s, server, out, admission);
        node.repin();
        out.values().forEach(rc -> rc.onRosterChange(node::repin));
        try {
            List<RaftGroupId> existing = new ArrayList<>();
            server.getGroupIds().forEach(existing::add);
            for (ReplicatedChain rc : out.values()) {
                if (!existing.contains(rc.group().getGroupId())) {
                    RaftClientReply r = server.groupManagement(GroupManagementRequest.newAdd(ClientId.randomId(),
                            server.getId(), CALL_IDS.incrementAndGet(), rc.group()));
                    if (!r.isSuccess()) {
                        throw new IOException("chain " + rc.chain().id() + ": cannot create its Raft group: "
                                + r.getException());
                    }
                }
                RaftClient client = RaftClient.newBuilder().setRaftGroup(rc.group()).setProperties(p)
                        .setParameters(params).setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                                20, TimeDuration.valueOf(250, java.util.concurrent.TimeUnit.MILLISECONDS)))
                        .build();
                rc.bind(server.getDivision(rc.group().getGroupId()), client);
                String faults = rc.faults().fromEnvironment(System.getenv(Faults.ENV));
                if (!faults.isEmpty()) {
                    LOG.error("chain={} TEST FAULTS ARE ON ({}={}): this node misbehaves on purpose", rc.chain().id(),
                            Faults.ENV, faults);
                }
                LOG.info("chain={} replicated: group {} with {} nodes ({} validators); this node {} is a {}",
                        rc.chain().id(), rc.group().getGroupId(), rc.group().getPeers().size(),
                        rc.chain().genesis().validators().size(), s.nodeId(),
                        rc.chain().genesis().validator(s.nodeId()).isPresent() ? "validator" : "listener");
            }
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private static RaftProperties properties(NetworkSettings s, List<Chain> chains) {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(p, List.of(s.raftDir().toFile()));
        GrpcConfigKeys.Server.setHost(p, s.listenHost());
        GrpcConfigKeys.Server.setPort(p, s.listenPort());
        // the largest block any hosted chain allows, plus room for the entry's framing
        long maxBlock = chains.stream().mapToLong(c -> c.genesis().limits().maxBlockBytes()).max().orElse(8 << 20);
        long entry = maxBlock + (64 << 10);
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf(entry));
        RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf(entry + 1024));
        GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(entry + (2 << 20)));
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(Math.max(entry, s.logSegmentBytes())));
        RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf(Math.min(4 << 20, s.logSegmentBytes())));
        // Ratis caches log segments on the heap (200 MB by default): applied entries are in the chain store, so
        // the cache only serves followers a little behind; an eighth of the heap keeps old-generation GC away
        long heapEighth = Runtime.getRuntime().maxMemory() / 8;
        RaftServerConfigKeys.Log.setSegmentCacheNumMax(p, 2);
        RaftServerConfigKeys.Log.setSegmentCacheSizeMax(p, SizeInBytes.valueOf(Math.max(2 * entry,
                Math.min(200L << 20, heapEighth))));
        // a loaded machine must not take slow heartbeats for a dead leader
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(1, java.util.concurrent.TimeUnit.SECONDS));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(2, java.util.concurrent.TimeUnit.SECONDS));
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(10, java.util.concurrent.TimeUnit.SECONDS));
        // a leader tries a follower that does not answer again within ~100 ms (Ratis waits up to 5 s once it has
        // failed 30 times): a node restarted before it ever received the group's configuration has none, and if
        // its election timeout (1-2 s) passes before the leader reaches it, Ratis finds it outside its own
        // configuration and shuts its group down for good (LeaderElection: NOT_IN_CONF)
        RaftServerConfigKeys.Log.Appender.setRetryPolicy(p, "1ms,10, 100ms,1000000000");
        // the chain store is the state: a snapshot only marks the log index it covers, so Raft may drop the log
        // before it; a node behind further than that is told so and fetches blocks instead (installSnapshot off)
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, s.snapshotEvery());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(p, false);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgeGap(p, (int) Math.min(Integer.MAX_VALUE, Math.max(1, s.snapshotEvery() / 4)));
        return p;
    }

    /**
     * Pins exactly the TLS certificates of the nodes that host this node's chains now (their rosters, as
     * changed by governance) and of the genesis nodes of chains this node is joining.
     */
    private void repin() {
        if (settings.tls() == null || !(settings.tls().trustManager() instanceof org.energychain.crypto.tls.PinnedTrust t)) {
            return;
        }
        java.util.Map<String, byte[]> certs = new java.util.TreeMap<>();
        for (ReplicatedChain rc : chains.values()) {
            for (NodeInfo n : rc.chain().rosterNext().nodes()) {
                certs.put(org.energychain.crypto.Hex.encode(n.tlsCertificate()), n.tlsCertificate());
            }
        }
        t.repin(certs.values());
    }

    public NetworkSettings settings() {
        return settings;
    }

    /** The replicated chain of that id, if this node hosts it in the network. */
    public java.util.Optional<ReplicatedChain> chain(String id) {
        return java.util.Optional.ofNullable(chains.get(id));
    }

    public java.util.Collection<ReplicatedChain> chains() {
        return chains.values();
    }

    @Override
    public void close() {
        for (ReplicatedChain c : chains.values()) {
            c.close();
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("node {}: closing the Ratis server failed: {}", settings.nodeId(), e.getMessage());
        }
        admission.shutdownNow();
    }
}
