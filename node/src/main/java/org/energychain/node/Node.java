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
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.order.SoloOrderer;
import org.energychain.ledger.store.ChainStore;
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
    private final SubmissionRoute submissions;
    private boolean started;

    private Node(Map<String, HostedChain> chains, ChainStoreFactory stores, NodeMetrics metrics, Clock clock,
            SubmissionRoute submissions) {
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
        Builder b = builder().contracts(contracts).stores(stores).clock(clock);
        for (NodeConfig.ChainConfig c : config.chains()) {
            Genesis g = GenesisFile.load(c.genesis());
            b.chain(g, c.member(), readKey(c.key(), "the key of member " + c.member()), c.node(),
                    readKey(c.nodeKey(), "the consensus key of node " + c.node()));
        }
        return b.build();
    }

    private static PrivateKey readKey(java.nio.file.Path file, String what) throws IOException {
        try {
            return KeyFiles.readPrivateKey(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file, "", "no such key file (" + what + ")");
        }
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

    @Override
    public synchronized void close() {
        for (HostedChain c : chains.values()) {
            c.orderer().close();
            c.chain().close();
            LOG.info("chain={} height={} stopped", c.id(), c.chain().store().height());
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
        private SubmissionRoute submissions = SubmissionRoute.LOCAL;

        /**
         * Runs {@code genesis}'s chain as {@code member} (transaction key {@code key}) on node {@code node},
         * which signs the blocks it proposes with its consensus key {@code nodeKey}.
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

        /** Where the API's submissions are admitted (default {@link SubmissionRoute#LOCAL}). */
        public Builder submissionRoute(SubmissionRoute route) {
            submissions = java.util.Objects.requireNonNull(route, "route");
            return this;
        }

        public Node build() {
            NodeMetrics metrics = new NodeMetrics();
            Map<String, HostedChain> chains = new LinkedHashMap<>();
            try {
                for (Entry e : entries) {
                    Genesis g = e.genesis();
                    if (chains.containsKey(g.chainId())) {
                        throw new IllegalArgumentException("chain " + g.chainId() + " is configured twice");
                    }
                    checkIdentity(e);
                    ChainStore store = stores.forChain(g);
                    Chain chain;
                    try {
                        chain = new Chain(g, store, contracts, e.node(), e.nodeKey(), clock);
                    } catch (RuntimeException ex) {
                        store.close();
                        throw ex;
                    }
                    metrics.register(chain);
                    chains.put(g.chainId(), new HostedChain(chain, new SoloOrderer(chain), e.member(), metrics,
                            new org.energychain.ledger.exec.Admission(g, contracts)));
                    LOG.info("chain={} genesis={} suite={} members={} validators={} store height={}", g.chainId(),
                            Hex.encode(g.hash()), g.suite(), g.members().size(), g.validators().size(), store.height());
                }
            } catch (RuntimeException ex) {
                chains.values().forEach(c -> c.chain().close());
                throw ex;
            }
            return new Node(chains, stores, metrics, clock, submissions);
        }

        private static void checkIdentity(Entry e) {
            Genesis g = e.genesis();
            Member m = g.member(e.member()).orElseThrow(() -> new IllegalArgumentException("chain " + g.chainId()
                    + ": this node's member " + e.member() + " is not a member of the chain"));
            PublicKey derived = g.cryptoSuite().signatures().publicKeyOf(e.key());
            if (!derived.equals(m.key())) {
                throw new IllegalArgumentException("chain " + g.chainId() + ": the private key given for "
                        + e.member() + " does not match its public key in the genesis");
            }
            NodeInfo n = g.node(e.node()).orElseThrow(() -> new IllegalArgumentException("chain " + g.chainId()
                    + ": node " + e.node() + " is not one of the chain's nodes " + g.nodes().stream()
                    .map(NodeInfo::id).toList()));
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
