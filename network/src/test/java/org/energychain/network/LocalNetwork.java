package org.energychain.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.TestRoles;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;

/**
 * A chain replicated on n validator nodes in this JVM, each with its own Ratis server on a loopback port
 * below the ephemeral range ({@link FreePorts}, as the multi-process networks) and its own store: the kv
 * contract of the ledger's test kit, member g1 (group) and reg (regulator).
 */
final class LocalNetwork implements AutoCloseable {
    final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    final KeyPair group;
    final KeyPair regulator;
    /** Senders s0..s7 (group role), for loads that must not wait on one sender's nonces. */
    final List<KeyPair> senders = new ArrayList<>();
    final List<KeyPair> nodeKeys = new ArrayList<>();
    final Genesis genesis;
    final ContractRegistry contracts = new ContractRegistry().register(new TestNetwork.KvContract())
            .register(new org.energychain.ledger.governance.ValidatorsContract());
    final Path dir;
    final int[] ports;
    /** The nodes that are not in the genesis (see the constructor's {@code spare}). */
    final List<NodeInfo> spares = new ArrayList<>();
    final NetworkNode[] nodes;
    final Chain[] chains;
    final Function<Integer, ChainStore> stores;
    final org.energychain.ledger.store.rocks.RocksChainStores[] rocks;
    long snapshotEvery = NetworkSettings.SNAPSHOT_EVERY;
    /** Each node's TLS identity (pinned in the genesis); null entries: plain text. */
    final org.energychain.crypto.tls.TlsCredentials[] tls;
    long logSegmentBytes = NetworkSettings.LOG_SEGMENT_BYTES;

    /** @param durable RocksDB stores (one database per node under {@code dir}) instead of memory */
    LocalNetwork(Path dir, int n, boolean durable) throws IOException {
        this(dir, n, durable, false);
    }

    /** @param withTls mutual TLS between the nodes, their certificates pinned in the genesis */
    LocalNetwork(Path dir, int n, boolean durable, boolean withTls) throws IOException {
        this(dir, n, 0, durable, withTls);
    }

    /**
     * @param spare nodes n{@code n}.. of g1 with keys, ports and certificates but not in the genesis: nodes
     *     that join later, once the validators add them
     */
    LocalNetwork(Path dir, int n, int spare, boolean durable, boolean withTls) throws IOException {
        this.dir = dir;
        int all = n + spare;
        this.tls = new org.energychain.crypto.tls.TlsCredentials[all];
        this.rocks = new org.energychain.ledger.store.rocks.RocksChainStores[all];
        SecureRandom rnd = new SecureRandom();
        group = suite.signatures().generateKeyPair(rnd);
        regulator = suite.signatures().generateKeyPair(rnd);
        List<Member> members = new ArrayList<>(List.of(new Member("g1", java.util.Set.of(TestRoles.WRITER), group.publicKey()),
                new Member("reg", java.util.Set.of(TestRoles.READER), regulator.publicKey())));
        for (int i = 0; i < 8; i++) {
            senders.add(suite.signatures().generateKeyPair(rnd));
            members.add(new Member("s" + i, java.util.Set.of(TestRoles.WRITER), senders.get(i).publicKey()));
        }
        ports = new int[all];
        List<NodeInfo> infos = new ArrayList<>();
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < all; i++) {
            nodeKeys.add(suite.signatures().generateKeyPair(rnd));
            ports[i] = FreePorts.pick();
            if (withTls) {
                tls[i] = org.energychain.crypto.tls.SelfSignedCertificates.generate("n" + i, List.of("127.0.0.1"),
                        java.time.Instant.now(), Duration.ofDays(1), rnd);
            }
            NodeInfo info = new NodeInfo("n" + i, i == 0 ? "reg" : "g1", nodeKeys.get(i).publicKey(),
                    withTls ? tls[i].der() : null, "127.0.0.1:" + ports[i], "");
            if (i < n) {
                infos.add(info);
                validators.add(new Validator("n" + i, 1));
            } else {
                spares.add(info);
            }
        }
        genesis = new Genesis("net-chain", suite.name(), false, TestNetwork.T0, members, infos, validators,
                List.of("kv", org.energychain.ledger.governance.ValidatorsContract.NAME),
                new ChainLimits(500, 64 << 10, 4096, 20_000, Duration.ofMillis(50)));
        nodes = new NetworkNode[all];
        chains = new Chain[all];
        this.stores = i -> {
            if (!durable) {
                return new InMemoryChainStore(genesis);
            }
            rocks[i] = org.energychain.ledger.store.rocks.RocksChainStores.open(dir.resolve("chains-n" + i));
            return rocks[i].forChain(genesis);
        };
    }

    LocalNetwork(Path dir, int n) throws IOException {
        this(dir, n, false);
    }

    /** Starts node i (again, after a stop, on the same store when the store is durable). */
    void start(int i) throws IOException {
        chains[i] = new Chain(genesis, stores.apply(i), contracts, "n" + i, nodeKeys.get(i).privateKey(),
                clock);
        NetworkSettings s = new NetworkSettings("n" + i, nodeKeys.get(i).privateKey(), "127.0.0.1", ports[i],
                dir.resolve("raft-n" + i), tlsOf(i), maxSkew, clock, snapshotEvery, logSegmentBytes);
        nodes[i] = NetworkNode.start(s, List.of(chains[i]));
        nodes[i].chain(genesis.chainId()).orElseThrow().orderer().start();
    }

    Duration maxSkew = Duration.ofSeconds(30);
    /** Every node's clock (chain and network): set before starting a node. */
    Clock clock = Clock.systemUTC();

    /** Node i's TLS settings: its own identity, and trust in exactly the certificates the genesis pins. */
    NetworkSettings.Tls tlsOf(int i) {
        if (tls[i] == null) {
            return null;
        }
        List<byte[]> pinned = new ArrayList<>();
        genesis.nodes().forEach(x -> pinned.add(x.tlsCertificate()));
        return new NetworkSettings.Tls(org.energychain.crypto.tls.TlsContexts.keyManager(tls[i]),
                org.energychain.crypto.tls.PinnedTrust.ofDer(pinned, Clock.systemUTC(), "test genesis"));
    }

    void startAll() throws IOException {
        for (int i = 0; i < genesis.nodes().size(); i++) {
            start(i);
        }
    }

    void stop(int i) {
        if (nodes[i] != null) {
            nodes[i].close();
            nodes[i] = null;
        }
        if (chains[i] != null) {
            chains[i].close();
            chains[i] = null;
        }
        if (rocks[i] != null) {
            rocks[i].close();
            rocks[i] = null;
        }
    }

    ReplicatedChain replica(int i) {
        return nodes[i].chain(genesis.chainId()).orElseThrow();
    }

    /** The index of the node that leads, once one does (bounded wait); empty if none within the time. */
    Optional<Integer> awaitLeader(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (int i = 0; i < nodes.length; i++) {
                if (nodes[i] != null && replica(i).isLeader()) {
                    return Optional.of(i);
                }
            }
            Thread.onSpinWait();
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(20);
        }
        return Optional.empty();
    }

    /**
     * Waits (bounded) until node i has applied block {@code height}: each node applies a committed block on
     * its own thread, so another node's receipt says nothing yet of this one's store.
     */
    void awaitApplied(int i, long height, Duration timeout) throws InterruptedException {
        try (var s = chains[i].follow("await-" + height, height - 1, b -> { })) {
            if (!s.awaitDelivered(height, timeout.toMillis())) {
                throw new AssertionError("node " + i + " has not applied block " + height + " within " + timeout);
            }
        }
    }

    /** Waits (bounded) until {@code done} holds; fails naming {@code what} if it does not within {@code timeout}. */
    static void await(String what, Duration timeout, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** A put by sender s{@code sender}. */
    Transaction put(int sender, long nonce, String kv) {
        return Transaction.sign(genesis.chainId(), "s" + sender, nonce, "kv", "put", kv.getBytes(StandardCharsets.UTF_8),
                suite.signatures(), senders.get(sender).privateKey());
    }

    Transaction put(long nonce, String kv) {
        return Transaction.sign(genesis.chainId(), "g1", nonce, "kv", "put", kv.getBytes(StandardCharsets.UTF_8),
                suite.signatures(), group.privateKey());
    }

    /** Submits at node i as the node's API does: admitted here, then handed to the leader. */
    Submission submitAt(int i, Transaction tx) throws IOException {
        Submission s = chains[i].submit(tx);
        if (s.accepted() && !replica(i).isLeader()) {
            replica(i).forward(List.of(tx));
        }
        return s;
    }

    @Override
    public void close() {
        for (int i = 0; i < nodes.length; i++) {
            stop(i);
        }
    }
}
