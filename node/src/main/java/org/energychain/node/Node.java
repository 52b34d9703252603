package org.energychain.node;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.order.Orderer;
import org.energychain.ledger.order.SoloOrderer;
import org.energychain.ledger.store.ChainStore;
import org.energychain.network.NetworkNode;
import org.energychain.network.NetworkSettings;
import org.energychain.network.ReplicatedChain;
import org.energychain.node.config.ConfigException;
import org.energychain.node.config.NodeConfig;
import org.energychain.node.genesis.GenesisFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node: the chains it runs, each a ledger {@link Chain} with a {@link SoloOrderer} over a store from
 * the {@link ChainStoreFactory}, sharing one {@link ContractRegistry}, one {@link Clock} and one set of
 * {@link NodeMetrics}. The chain registry maps chain id to {@link HostedChain}. Built with
 * {@link #builder()} or from a {@link NodeConfig}; {@link #start()} starts the orderers.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Map<String, HostedChain> chains;
    private final ChainStoreFactory stores;
    private final NodeMetrics metrics;
    private final Clock clock;
    private final NetworkNode network;
    private final SubmissionRoute submissions;
    private final NodeConfig.Console console;
    /** What one route provider shares with the others, by type ({@link #share}). */
    private final Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean started;

    private Node(Map<String, HostedChain> chains, ChainStoreFactory stores, NodeMetrics metrics, Clock clock,
            NetworkNode network, SubmissionRoute submissions, NodeConfig.Console console) {
        this.console = console;
        this.network = network;
        this.chains = Collections.unmodifiableMap(chains);
        this.stores = stores;
        this.metrics = metrics;
        this.clock = clock;
        this.submissions = submissions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The contracts found on the class path through {@link ServiceLoader} ({@code META-INF/services}). */
    public static ContractRegistry discoveredContracts() {
        ContractRegistry r = new ContractRegistry();
        ServiceLoader.load(Contract.class).forEach(r::register);
        return r;
    }

    /** Assembles a node from its configuration: reads every genesis file and key file. */
    public static Node fromConfig(NodeConfig config, ContractRegistry contracts, ChainStoreFactory stores,
            Clock clock) throws IOException {
        Builder b = builder().contracts(contracts).stores(stores).clock(clock).console(config.console());
        List<Genesis> all = new ArrayList<>();
        String self = null;
        PrivateKey selfKey = null;
        for (NodeConfig.ChainConfig c : config.chains()) {
            Genesis g = GenesisFile.load(c.genesis());
            config.network().ifPresent(n -> n.checkHosted(c.genesis(), g, c.node()));
            PrivateKey nodeKey = readKey(c.nodeKey(), "the consensus key of node " + c.node());
            b.chain(g, c.member(), c.key() == null ? null : readKey(c.key(), "the key of member " + c.member()),
                    c.node(), nodeKey);
            all.add(g);
            if (org.energychain.network.NetworkNode.isReplicated(g)) {
                if (self != null && !self.equals(c.node())) {
                    throw new ConfigException(c.genesis(), "", "a node runs as one node id on every replicated chain;"
                            + " this chain names " + c.node() + ", another " + self);
                }
                self = c.node();
                selfKey = nodeKey;
            }
        }
        if (self != null) {
            NodeConfig.Network n = config.network().orElseThrow(() -> new ConfigException(config.chains().get(0).genesis(),
                    "", "the chains are replicated (their genesis gives node addresses) but node.yaml has no network:"
                    + " section"));
            b.network(networkSettings(config, n, self, selfKey, all, clock));
        }
        return b.build();
    }

    /**
     * The node's network settings: its TLS identity from node.yaml, and as trust exactly the certificates the
     * genesis files of its chains pin for their nodes.
     */
    private static NetworkSettings networkSettings(NodeConfig config, NodeConfig.Network n, String self,
            PrivateKey consensusKey, List<Genesis> chains, Clock clock) throws IOException {
        org.energychain.crypto.tls.TlsCredentials credentials = org.energychain.crypto.tls.TlsFiles.readCredentials(
                n.tlsKey(), n.tlsCertificate());
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<byte[]> pinned = new ArrayList<>();
        for (Genesis g : chains) {
            for (org.energychain.ledger.genesis.NodeInfo ni : g.nodes()) {
                byte[] der = ni.tlsCertificate();
                if (der.length > 0 && seen.add(Hex.encode(der))) {
                    pinned.add(der);
                }
            }
        }
        org.energychain.crypto.tls.PinnedTrust trust = org.energychain.crypto.tls.PinnedTrust.ofDer(pinned, clock,
                "the genesis files of node " + self);
        return new NetworkSettings(self, consensusKey, n.listenHost(), n.listenPort(), config.dataDir().resolve("raft"),
                new NetworkSettings.Tls(org.energychain.crypto.tls.TlsContexts.keyManager(credentials), trust),
                n.maxClockSkew(), clock, n.snapshotEvery(), n.logSegmentBytes());
    }

    private static PrivateKey readKey(java.nio.file.Path file, String what) throws IOException {
        try {
            return KeyFiles.readPrivateKey(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file, "", "no such key file (" + what + ")");
        }
    }

    /** The web console's settings from the node's configuration (for the console's route provider). */
    public NodeConfig.Console console() {
        return console;
    }

    public Optional<HostedChain> chain(String id) {
        return Optional.ofNullable(chains.get(id));
    }

    /** Every chain, in the order they were configured. */
    public Collection<HostedChain> chains() {
        return chains.values();
    }

    public NodeMetrics metrics() {
        return metrics;
    }

    public Clock clock() {
        return clock;
    }

    /** Where the API's submissions go to be admitted ({@link SubmissionRoute#LOCAL} unless built otherwise). */
    public SubmissionRoute submissionRoute() {
        return submissions;
    }

    /** Starts every chain's orderer. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        for (HostedChain c : chains.values()) {
            c.orderer().start();
            LOG.info("chain={} height={} started: member={} private={} contracts={}", c.id(),
                    c.chain().store().height(), c.member(), c.genesis().isPrivate(), c.genesis().contracts());
        }
    }

    /** The node's part in the consortium network, if it hosts replicated chains. */
    public Optional<NetworkNode> network() {
        return Optional.ofNullable(network);
    }

    /**
     * Shares {@code value}, which one route provider opened for this node, with the others under its type,
     * so that the node keeps one of it: the platform's catalogue indexes, which the console reads too. The
     * provider that shared it takes it back ({@link #unshare}) before it closes it.
     */
    public <T> void share(Class<T> type, T value) {
        shared.put(type, type.cast(value));
    }

    /** Takes back what {@link #share} shared under {@code type}, if it is still {@code value}. */
    public <T> void unshare(Class<T> type, T value) {
        shared.remove(type, value);
    }

    /** What a route provider of this node shares under {@code type}; empty when none does (now). */
    public <T> Optional<T> shared(Class<T> type) {
        return Optional.ofNullable(shared.get(type)).map(type::cast);
    }

    @Override
    public synchronized void close() {
        for (HostedChain c : chains.values()) {
            c.orderer().close();
        }
        if (network != null) {
            network.close();
        }
        for (HostedChain c : chains.values()) {
            long height = c.chain().store().height();
            c.chain().close();
            LOG.info("chain={} height={} stopped", c.id(), height);
        }
        stores.close();
    }

    /** Collects the chains of a node; {@link #build()} checks identities and opens stores. */
    public static final class Builder {
        private record Entry(Genesis genesis, String member, PrivateKey key, String node, PrivateKey nodeKey) {
        }

        private final List<Entry> entries = new ArrayList<>();
        private ContractRegistry contracts = new ContractRegistry();
        private ChainStoreFactory stores = ChainStoreFactory.inMemory();
        private Clock clock = Clock.systemUTC();
        private NetworkSettings network;
        private SubmissionRoute submissions = SubmissionRoute.LOCAL;
        private NodeConfig.Console console = NodeConfig.Console.NONE;

        /**
         * Runs {@code genesis}'s chain as {@code member} (transaction key {@code key}, checked against the
         * genesis; null when the node is not given its organisation's key) on node {@code node}, which signs
         * the blocks it proposes with its consensus key {@code nodeKey}.
         */
        public Builder chain(Genesis genesis, String member, PrivateKey key, String node, PrivateKey nodeKey) {
            entries.add(new Entry(genesis, member, key, node, nodeKey));
            return this;
        }

        /** Runs a chain ordered by this node alone, whose node uses the member's key as its consensus key. */
        public Builder chain(Genesis genesis, String member, PrivateKey key) {
            String node = genesis.validators().get(0).nodeId();
            return chain(genesis, member, key, node, key);
        }

        public Builder contracts(ContractRegistry c) {
            contracts = c;
            return this;
        }

        public Builder stores(ChainStoreFactory s) {
            stores = s;
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /**
         * The node's part in the consortium network: needed when a chain is replicated (its genesis gives
         * its nodes replication addresses).
         */
        public Builder network(NetworkSettings n) {
            network = n;
            return this;
        }

        /** Where the API's submissions are admitted (default {@link SubmissionRoute#LOCAL}). */
        public Builder submissionRoute(SubmissionRoute route) {
            submissions = java.util.Objects.requireNonNull(route, "route");
            return this;
        }

        /** The web console's settings (default: none, nobody can log in to the console). */
        public Builder console(NodeConfig.Console c) {
            console = java.util.Objects.requireNonNull(c, "console");
            return this;
        }

        public Node build() {
            NodeMetrics metrics = new NodeMetrics();
            Map<String, Chain> built = new LinkedHashMap<>();
            Map<String, Entry> byChain = new LinkedHashMap<>();
            List<Chain> replicated = new ArrayList<>();
            NetworkNode net = null;
            try {
                for (Entry e : entries) {
                    Genesis g = e.genesis();
                    if (built.containsKey(g.chainId())) {
                        throw new IllegalArgumentException("chain " + g.chainId() + " is configured twice");
                    }
                    checkIdentity(e);
                    boolean isReplicated = NetworkNode.isReplicated(g);
                    if (isReplicated && network == null) {
                        throw new IllegalArgumentException("chain " + g.chainId() + " is replicated (its genesis gives"
                                + " its nodes replication addresses), but this node has no network configuration");
                    }
                    if (isReplicated && !network.nodeId().equals(e.node())) {
                        throw new IllegalArgumentException("chain " + g.chainId() + ": the node runs as " + e.node()
                                + " on it, but its network identity is " + network.nodeId());
                    }
                    // on a replicated chain the roster may make this node a validator later (governance)
                    boolean proposes = isReplicated || g.validator(e.node()).isPresent();
                    if (!isReplicated && !proposes) {
                        throw new IllegalArgumentException("chain " + g.chainId() + " is ordered by one node alone, and "
                                + e.node() + " is not its validator");
                    }
                    ChainStore store = stores.forChain(g);
                    Chain chain;
                    try {
                        chain = new Chain(g, store, contracts, proposes ? e.node() : null, proposes ? e.nodeKey() : null,
                                clock);
                        checkNode(e, chain.rosterNext());
                    } catch (RuntimeException ex) {
                        store.close();
                        throw ex;
                    }
                    built.put(g.chainId(), chain);
                    byChain.put(g.chainId(), e);
                    if (isReplicated) {
                        replicated.add(chain);
                    }
                    LOG.info("chain={} genesis={} suite={} members={} nodes={} validators={} store height={}{}",
                            g.chainId(), Hex.encode(g.hash()), g.suite(), g.members().size(), g.nodes().size(),
                            g.validators().size(), store.height(), isReplicated ? " replicated" : " ordered alone");
                }
                if (!replicated.isEmpty()) {
                    net = NetworkNode.start(network, replicated);
                }
                Map<String, HostedChain> chains = new LinkedHashMap<>();
                for (Map.Entry<String, Chain> c : built.entrySet()) {
                    Chain chain = c.getValue();
                    ReplicatedChain rc = net == null ? null : net.chain(c.getKey()).orElse(null);
                    Orderer orderer = rc != null ? rc.orderer() : new SoloOrderer(chain);
                    metrics.register(chain);
                    chains.put(c.getKey(), new HostedChain(chain, orderer, byChain.get(c.getKey()).member(), metrics,
                            new org.energychain.ledger.exec.Admission(chain.genesis(), contracts), rc,
                            byChain.get(c.getKey()).key()));
                }
                return new Node(chains, stores, metrics, clock, net, submissions, console);
            } catch (IOException ex) {
                close(net, built);
                throw new java.io.UncheckedIOException("cannot start the node's network part: " + ex.getMessage(), ex);
            } catch (RuntimeException ex) {
                close(net, built);
                throw ex;
            }
        }

        private static void close(NetworkNode net, Map<String, Chain> built) {
            if (net != null) {
                net.close();
            }
            built.values().forEach(Chain::close);
        }

        private static void checkIdentity(Entry e) {
            Genesis g = e.genesis();
            Member m = g.member(e.member()).orElseThrow(() -> new IllegalArgumentException("chain " + g.chainId()
                    + ": this node's member " + e.member() + " is not a member of the chain"));
            if (e.key() != null && !g.cryptoSuite().signatures().publicKeyOf(e.key()).equals(m.key())) {
                throw new IllegalArgumentException("chain " + g.chainId() + ": the private key given for "
                        + e.member() + " does not match its public key in the genesis");
            }
        }

        /**
         * Checks this node against the chain's roster in force (the genesis one, or as governance changed it);
         * a node the roster does not hold yet may run a replicated chain with a validators contract: it joins.
         */
        private static void checkNode(Entry e, org.energychain.ledger.genesis.Roster roster) {
            Genesis g = e.genesis();
            java.util.Optional<NodeInfo> found = roster.node(e.node());
            if (found.isEmpty()) {
                if (NetworkNode.isReplicated(g)
                        && g.contracts().contains(org.energychain.ledger.governance.ValidatorsContract.NAME)) {
                    return;
                }
                throw new IllegalArgumentException("chain " + g.chainId() + ": node " + e.node()
                        + " is not one of the chain's nodes " + roster.nodes().stream().map(NodeInfo::id).toList());
            }
            NodeInfo n = found.get();
            if (!n.org().equals(e.member())) {
                throw new IllegalArgumentException("chain " + g.chainId() + ": node " + e.node() + " belongs to "
                        + n.org() + ", not to this node's member " + e.member());
            }
            if (!g.cryptoSuite().signatures().publicKeyOf(e.nodeKey()).equals(n.consensusKey())) {
                throw new IllegalArgumentException("chain " + g.chainId() + ": the consensus key given for node "
                        + e.node() + " does not match its key in the genesis");
            }
        }
    }
}
