package org.energychain.node.config;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.energychain.crypto.tls.TlsFiles;

/**
 * A node's configuration, immutable and checked: where its data lives, where its REST API listens, who
 * it is on each chain (the organisation's member id and, optionally, its transaction key file, and the node
 * id and consensus key file it signs blocks with when it is a validator), which genesis files it runs,
 * whether it exposes metrics, and, on a node of a consortium network, where it listens for its peers and
 * the TLS key and certificate it shows them ({@link Network}).
 * Read from YAML by {@link #load(Path)}; {@link #describe()} gives the effective values for the log
 * (key file paths, never key contents).
 *
 * @param dataDir directory of the chain stores (created if missing)
 * @param http the REST API's options
 * @param metrics whether {@code GET /metrics} serves Prometheus text
 * @param store the chain store kind: {@code rocksdb} (the default: durable, under {@code dataDir/chains}) or
 *     {@code memory} (tests only: nothing survives a restart; named explicitly or not at all)
 * @param chains the chains to run, in order
 * @param network the replication endpoint of a node of a consortium network; empty for a node that
 *     orders its chains alone
 * @param console the web console's settings ({@code console:} in node.yaml): the operator's password hash
 *
 * <p>Longer than ~400 lines because node.yaml is one document: each section is a small record here, read
 * and checked with the file and field named in every error.
 */
public record NodeConfig(Path dataDir, Http http, boolean metrics, String store, List<ChainConfig> chains,
        Optional<Network> network, Console console) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NodeConfig.class);
    public static final int DEFAULT_PORT = 8645;

    /**
     * @param host interface to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} for all)
     * @param port TCP port, 0 for any free port
     * @param waitTimeout longest {@code ?wait=true} of a submission
     * @param clockSkew how far {@code X-EC-Time} of a signed request may be from the node's clock
     * @param maxBodyBytes largest request body accepted, whatever its transfer encoding
     * @param limits what one client may hold of the server: connections, time, event backlog
     * @param tls the key and certificate to serve HTTPS with; empty for plain HTTP, which only a loopback
     *     host may serve unless {@code insecure}
     * @param insecure plain HTTP on a host beyond loopback, asked for explicitly (unsafe: requests and
     *     answers travel in clear and anyone on the path can change them)
     */
    public record Http(String host, int port, Duration waitTimeout, Duration clockSkew, long maxBodyBytes,
            Limits limits, Optional<Tls> tls, boolean insecure) {
        public static final Http DEFAULT = new Http("127.0.0.1", DEFAULT_PORT, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 8L << 20, Limits.DEFAULT);

        /** Plain HTTP (a loopback host). */
        public Http(String host, int port, Duration waitTimeout, Duration clockSkew, long maxBodyBytes, Limits limits) {
            this(host, port, waitTimeout, clockSkew, maxBodyBytes, limits, Optional.empty(), false);
        }

        public Http {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http port must be between 0 and 65535, got " + port);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("max-body-bytes must be positive, got " + maxBodyBytes);
            }
            java.util.Objects.requireNonNull(limits, "limits");
            java.util.Objects.requireNonNull(tls, "tls");
            if (tls.isEmpty() && !insecure && !Hosts.isLoopback(host)) {
                throw new IllegalArgumentException("http.host " + host + " is beyond loopback, so the REST API must "
                        + "serve HTTPS there: give http.tls (key and certificate), or set http.insecure: true to serve "
                        + "plain HTTP anyway (unsafe)");
            }
        }

        public Http withPort(int p) {
            return new Http(host, p, waitTimeout, clockSkew, maxBodyBytes, limits, tls, insecure);
        }

        public Http withLimits(Limits l) {
            return new Http(host, port, waitTimeout, clockSkew, maxBodyBytes, l, tls, insecure);
        }

        public Http withMaxBodyBytes(long max) {
            return new Http(host, port, waitTimeout, clockSkew, max, limits, tls, insecure);
        }

        /** The same options serving HTTPS with {@code t}. */
        public Http withTls(Tls t) {
            return new Http(host, port, waitTimeout, clockSkew, maxBodyBytes, limits, Optional.of(t), insecure);
        }

        /** {@code https} when the API serves TLS, else {@code http}. */
        public String scheme() {
            return tls.isPresent() ? "https" : "http";
        }
    }

    /**
     * A TLS key and certificate: PKCS#8 PEM of the private key (ECDSA P-256 as {@code genesis network}
     * makes it, or RSA) and PEM of its certificate. Checked at load to exist, parse and belong together.
     */
    public record Tls(Path key, Path certificate) {
        public Tls {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * The replication endpoint of a node of a consortium network: where it listens for its peers ({@code
     * listenHost} without brackets, also for IPv6; {@link #listen()} is the {@code host:port} text, which
     * must be its {@code address} in every genesis it hosts), the TLS key and certificate it shows them in
     * mutual TLS (the certificate must be the one pinned for it in every genesis it hosts), and how far a
     * leader's block time may be from this node's clock.
     */
    public record Network(String listenHost, int listenPort, Path tlsKey, Path tlsCertificate, Duration maxClockSkew,
            long snapshotEvery, long logSegmentBytes) {
        public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(2);
        /** Raft log entries between snapshots (a node behind further catches up by fetching blocks). */
        public static final long DEFAULT_SNAPSHOT_EVERY = 10_000;
        /** Size of a Raft log segment file (the log is dropped before a snapshot a segment at a time). */
        public static final long DEFAULT_LOG_SEGMENT_BYTES = 32L << 20;

        public Network(String listenHost, int listenPort, Path tlsKey, Path tlsCertificate, Duration maxClockSkew) {
            this(listenHost, listenPort, tlsKey, tlsCertificate, maxClockSkew, DEFAULT_SNAPSHOT_EVERY,
                    DEFAULT_LOG_SEGMENT_BYTES);
        }

        public Network {
            if (listenHost == null || listenHost.isBlank()) {
                throw new IllegalArgumentException("network listen host is empty");
            }
            if (listenPort < 1 || listenPort > 65535) {
                throw new IllegalArgumentException("network listen port must be between 1 and 65535, got " + listenPort);
            }
            java.util.Objects.requireNonNull(tlsKey, "tlsKey");
            java.util.Objects.requireNonNull(tlsCertificate, "tlsCertificate");
            if (maxClockSkew.toMillis() < 1 || maxClockSkew.toMillis() > 600_000) {
                throw new IllegalArgumentException("max-clock-skew-ms must be between 1 and 600000, got "
                        + maxClockSkew.toMillis());
            }
        }

        /** {@code host:port} (an IPv6 host in brackets), as genesis writes a node's address. */
        public String listen() {
            return (listenHost.contains(":") ? "[" + listenHost + "]" : listenHost) + ":" + listenPort;
        }

        /** The TLS files as one value. */
        public Tls tls() {
            return new Tls(tlsKey, tlsCertificate);
        }

        /**
         * Checks this endpoint against a genesis the node hosts as {@code nodeId}: its address there must
         * be {@link #listen()} and its pinned certificate the one in {@link #tlsCertificate()}.
         *
         * @throws ConfigException naming the genesis file, the node and both values
         */
        public void checkHosted(Path genesisFile, org.energychain.ledger.genesis.Genesis genesis, String nodeId) {
            java.util.Optional<org.energychain.ledger.genesis.NodeInfo> inGenesis = genesis.node(nodeId);
            if (inGenesis.isEmpty()) {
                if (!genesis.contracts().contains(org.energychain.ledger.governance.ValidatorsContract.NAME)) {
                    throw new ConfigException(genesisFile, "nodes", "node " + nodeId + " is not one of the chain's"
                            + " nodes, and the chain runs no validators contract through which it could join");
                }
                return; // a node that joins: the validators add it (energychain validators propose)
            }
            org.energychain.ledger.genesis.NodeInfo n = inGenesis.get();
            if (!n.address().equals(listen())) {
                throw new ConfigException(genesisFile, "nodes[" + nodeId + "].address", "is '" + n.address()
                        + "', but this node listens on network.listen " + listen() + "; the node must listen where "
                        + "its genesis says its peers reach it");
            }
            byte[] mine;
            try {
                mine = org.energychain.crypto.tls.Certificates.der(TlsFiles.readCertificates(tlsCertificate).get(0));
            } catch (IOException e) {
                throw new ConfigException(tlsCertificate, "", "cannot read: " + e);
            }
            if (!java.util.Arrays.equals(n.tlsCertificate(), mine)) {
                throw new ConfigException(genesisFile, "nodes[" + nodeId + "].tls-certificate", n.tlsCertificate().length
                        == 0 ? "is missing; a node of a consortium network needs its certificate pinned"
                        : "is not this node's certificate " + tlsCertificate + " (network.tls.certificate): its peers "
                        + "would refuse it");
            }
        }
    }

    /**
     * Bounds on what clients hold of the REST server, so that slow or many connections from one client
     * cannot starve the others (docs/operations.md, "Limits").
     *
     * @param idleTimeout a connection with nothing read or written for this long is closed
     * @param requestReadTimeout longest time to receive a request body, from the moment its headers are in
     * @param maxConnections open connections of the whole server; beyond it no connection is accepted
     * @param maxConnectionsPerAddress open connections of one client address; beyond it new ones are closed
     * @param maxThreads the server's worker threads
     * @param eventBacklog blocks queued for one event-stream subscriber; a subscriber that falls further
     *     behind is dropped (it reconnects with {@code Last-Event-ID}). Queued blocks are shared between
     *     subscribers, rendered once.
     */
    public record Limits(Duration idleTimeout, Duration requestReadTimeout, int maxConnections,
            int maxConnectionsPerAddress, int maxThreads, int eventBacklog) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), Duration.ofSeconds(10), 1000, 64, 200,
                32);

        public Limits {
            if (idleTimeout.isNegative() || idleTimeout.isZero() || requestReadTimeout.isNegative()
                    || requestReadTimeout.isZero()) {
                throw new IllegalArgumentException("http timeouts must be positive");
            }
            if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxThreads < 8 || eventBacklog < 1) {
                throw new IllegalArgumentException("http limits out of range: " + maxConnections + " connections, "
                        + maxConnectionsPerAddress + " per address, " + maxThreads + " threads (at least 8), "
                        + eventBacklog + " blocks of event backlog");
            }
        }
    }

    /**
     * One chain: its genesis file, the member (organisation) this node is on it, with its transaction
     * key file if the node is given it (null: the node holds no key of its organisation, only its own),
     * and the node (one of the chain's genesis nodes, with its consensus key file) it runs as.
     */
    public record ChainConfig(Path genesis, String member, Path key, String node, Path nodeKey) {
    }

    public NodeConfig {
        chains = List.copyOf(chains);
        java.util.Objects.requireNonNull(network, "network");
        java.util.Objects.requireNonNull(console, "console");
    }

    /** A configuration without console settings. */
    public NodeConfig(Path dataDir, Http http, boolean metrics, String store, List<ChainConfig> chains,
            Optional<Network> network) {
        this(dataDir, http, metrics, store, chains, network, Console.NONE);
    }

    /**
     * The web console's settings: the operator's password as a slow hash (the {@code password-hash} text
     * the console's password tool prints; never the password itself; empty: nobody can log in, only the
     * public pages are served), and where the organisation's off-chain store is, if it is a group whose
     * ingested periods the console should show ({@code offchain-db} FILE or {@code offchain-db-url} URL,
     * as the CLI's {@code --db} and {@code --db-url}; empty: the console shows what the chains hold only).
     */
    public record Console(Optional<String> passwordHash,
            Optional<org.energychain.supervision.store.OffChainLocation> offChainStore) {
        public static final Console NONE = new Console(Optional.empty());

        public Console {
            java.util.Objects.requireNonNull(passwordHash, "passwordHash");
            java.util.Objects.requireNonNull(offChainStore, "offChainStore");
        }

        /** A console with no off-chain store. */
        public Console(Optional<String> passwordHash) {
            this(passwordHash, Optional.empty());
        }
    }

    /** A node that orders its chains alone (no {@link Network}). */
    public NodeConfig(Path dataDir, Http http, boolean metrics, String store, List<ChainConfig> chains) {
        this(dataDir, http, metrics, store, chains, Optional.empty());
    }

    /** The same configuration with other REST API options. */
    public NodeConfig withHttp(Http h) {
        return new NodeConfig(dataDir, h, metrics, store, chains, network, console);
    }

    /** Reads and checks a node configuration; relative paths are relative to the file. */
    public static NodeConfig load(Path file) {
        ConfigNode root = ConfigNode.load(file);
        root.allowOnly("data-dir", "http", "metrics", "store", "identity", "node", "network", "chains", "console");
        ConfigNode http = root.child("http");
        http.allowOnly("host", "port", "wait-timeout-ms", "clock-skew-ms", "max-body-bytes", "idle-timeout-ms",
                "request-read-timeout-ms", "max-connections", "max-connections-per-address", "max-threads",
                "event-backlog", "tls", "insecure");
        Limits d = Limits.DEFAULT;
        Limits limits = new Limits(
                Duration.ofMillis(http.integer("idle-timeout-ms", d.idleTimeout().toMillis(), 1_000, 600_000)),
                Duration.ofMillis(http.integer("request-read-timeout-ms", d.requestReadTimeout().toMillis(), 1_000,
                        600_000)),
                (int) http.integer("max-connections", d.maxConnections(), 16, 100_000),
                (int) http.integer("max-connections-per-address", d.maxConnectionsPerAddress(), 1, 100_000),
                (int) http.integer("max-threads", d.maxThreads(), 16, 2_000),
                (int) http.integer("event-backlog", d.eventBacklog(), 1, 100_000));
        Optional<Tls> httpTls = http.has("tls") ? Optional.of(tls(http.child("tls"))) : Optional.empty();
        Http h;
        try {
            h = new Http(http.string("host", Http.DEFAULT.host()),
                    (int) http.integer("port", DEFAULT_PORT, 0, 65535),
                    Duration.ofMillis(http.integer("wait-timeout-ms", Http.DEFAULT.waitTimeout().toMillis(), 0, 120_000)),
                    Duration.ofMillis(http.integer("clock-skew-ms", Http.DEFAULT.clockSkew().toMillis(), 1_000, 600_000)),
                    http.integer("max-body-bytes", Http.DEFAULT.maxBodyBytes(), 1024, 256L << 20), limits, httpTls,
                    http.bool("insecure", false));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw http.error("tls", e.getMessage());
        }
        if (h.insecure() && httpTls.isPresent()) {
            throw http.error("insecure", "true together with http.tls: choose one");
        }
        if (h.insecure() && !Hosts.isLoopback(h.host())) {
            LOG.warn("{}: http.insecure: true serves the REST API in plain HTTP on {}: anyone on the network path can "
                    + "read and change requests and answers", file, h.host());
        }
        Optional<Network> network = root.has("network") ? Optional.of(network(root.child("network")))
                : Optional.empty();
        String store = root.string("store", "rocksdb");
        if (!store.equals("memory") && !store.equals("rocksdb")) {
            throw root.error("store", "must be rocksdb or memory, got '" + store + "'");
        }
        if (store.equals("memory")) {
            LOG.warn("{}: store: memory keeps the chains in memory only; every block is lost when the node stops",
                    file);
        }
        ConfigNode identity = root.child("identity");
        identity.allowOnly("member", "key");  // key: optional, the node needs none of its organisation's keys
        String defaultMember = identity.string("member", null);
        Path defaultKey = identity.has("key") ? identity.path("key") : null;
        ConfigNode nodeId = root.child("node");
        nodeId.allowOnly("id", "key");
        String defaultNode = nodeId.string("id", null);
        Path defaultNodeKey = nodeId.has("key") ? nodeId.path("key") : null;
        List<ChainConfig> chains = new ArrayList<>();
        for (ConfigNode c : root.list("chains")) {
            c.allowOnly("genesis", "member", "key", "node", "node-key");
            String member = c.string("member", defaultMember);
            Path key = c.has("key") ? c.path("key") : defaultKey;
            String node = c.string("node", defaultNode);
            Path nodeKey = c.has("node-key") ? c.path("node-key") : defaultNodeKey;
            if (member == null) {
                throw c.error("member", "missing (and no identity.member to fall back on)");
            }
            if (node == null) {
                throw c.error("node", "missing (and no node.id to fall back on)");
            }
            if (nodeKey == null) {
                throw c.error("node-key", "missing (and no node.key to fall back on)");
            }
            chains.add(new ChainConfig(c.path("genesis"), member, key, node, nodeKey));
        }
        if (chains.isEmpty()) {
            throw root.error("chains", "at least one chain (a genesis file) is needed");
        }
        Path dataDir = root.has("data-dir") ? root.path("data-dir")
                : file.toAbsolutePath().getParent().resolve("data");
        Console console = Console.NONE;
        if (root.has("console")) {
            ConfigNode con = root.child("console");
            con.allowOnly("password-hash", "offchain-db", "offchain-db-url");
            Optional<org.energychain.supervision.store.OffChainLocation> offChain = Optional.empty();
            if (con.has("offchain-db") && con.has("offchain-db-url")) {
                throw con.error("offchain-db-url", "given together with offchain-db: the store is one or the other");
            }
            if (con.has("offchain-db")) {
                offChain = Optional.of(org.energychain.supervision.store.OffChainLocation.sqlite(con.path("offchain-db")));
            } else if (con.has("offchain-db-url")) {
                String url = con.string("offchain-db-url");
                if (!url.startsWith("jdbc:postgresql:") || url.contains("password=")) {
                    throw con.error("offchain-db-url", "must be a jdbc:postgresql: URL without a password (the password "
                            + "comes from " + org.energychain.supervision.store.OffChainLocation.PASSWORD_ENV + ")");
                }
                offChain = Optional.of(org.energychain.supervision.store.OffChainLocation.postgres(url));
            }
            console = new Console(Optional.ofNullable(con.string("password-hash", null)), offChain);
        }
        return new NodeConfig(dataDir, h, root.bool("metrics", true), store, chains, network, console);
    }

    private static Tls tls(ConfigNode t) {
        t.allowOnly("key", "certificate");
        Tls tls = new Tls(t.path("key"), t.path("certificate"));
        checkTls(t, "certificate", () -> TlsFiles.readCertificates(tls.certificate()));
        checkTls(t, "key", () -> TlsFiles.readCredentials(tls.key(), tls.certificate()));
        return tls;
    }

    private interface TlsRead {
        Object read() throws IOException;
    }

    private static void checkTls(ConfigNode t, String field, TlsRead read) {
        try {
            read.read();
        } catch (NoSuchFileException e) {
            throw t.error(field, "no such file " + e.getFile());
        } catch (IOException e) {
            throw t.error(field, "cannot read: " + e);
        } catch (IllegalArgumentException e) {
            throw t.error(field, e.getMessage());
        }
    }

    private static Network network(ConfigNode n) {
        n.allowOnly("listen", "tls", "max-clock-skew-ms", "snapshot-every", "log-segment-bytes");
        String listen = n.string("listen");
        int colon = listen.lastIndexOf(':');
        String host = colon < 0 ? "" : listen.substring(0, colon);
        String port = colon < 0 ? "" : listen.substring(colon + 1);
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535
                || !host.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
            throw n.error("listen", "must be host:port with a port in 1..65535 (the node's address in genesis), got '"
                    + listen + "'");
        }
        if (!n.has("tls")) {
            throw n.error("tls", "missing: a node of a consortium network shows its peers the certificate pinned in "
                    + "genesis (key, certificate)");
        }
        Tls tls = tls(n.child("tls"));
        Duration skew = Duration.ofMillis(n.integer("max-clock-skew-ms", Network.DEFAULT_MAX_CLOCK_SKEW.toMillis(), 1,
                600_000));
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return new Network(bare, Integer.parseInt(port), tls.key(), tls.certificate(), skew,
                n.integer("snapshot-every", Network.DEFAULT_SNAPSHOT_EVERY, 16, 100_000_000),
                n.integer("log-segment-bytes", Network.DEFAULT_LOG_SEGMENT_BYTES, 64 << 10, 1L << 30));
    }

    /** The effective values, for the log: paths of key files, never their contents. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("data-dir=").append(dataDir).append(" store=").append(store).append(" http=").append(http.host())
                .append(':').append(http.port()).append(" wait-timeout=").append(http.waitTimeout().toMillis())
                .append("ms clock-skew=").append(http.clockSkew().toMillis()).append("ms max-body=")
                .append(http.maxBodyBytes()).append(" idle-timeout=").append(http.limits().idleTimeout().toMillis())
                .append("ms request-read-timeout=").append(http.limits().requestReadTimeout().toMillis())
                .append("ms max-connections=").append(http.limits().maxConnections()).append(" per-address=")
                .append(http.limits().maxConnectionsPerAddress()).append(" max-threads=")
                .append(http.limits().maxThreads()).append(" event-backlog=").append(http.limits().eventBacklog())
                .append(" scheme=").append(http.scheme());
        http.tls().ifPresent(t -> b.append(" tls-key-file=").append(t.key()).append(" tls-certificate-file=")
                .append(t.certificate()));
        if (http.insecure()) {
            b.append(" insecure=true");
        }
        b.append(" metrics=").append(metrics);
        console.offChainStore().ifPresent(o -> b.append(" console-offchain-db=").append(o.describe()));
        network.ifPresent(n -> b.append("\n  network listen=").append(n.listen()).append(" tls-key-file=")
                .append(n.tlsKey()).append(" tls-certificate-file=").append(n.tlsCertificate())
                .append(" max-clock-skew=").append(n.maxClockSkew().toMillis()).append("ms"));
        for (ChainConfig c : chains) {
            b.append("\n  chain genesis=").append(c.genesis()).append(" member=").append(c.member());
            if (c.key() != null) {
                b.append(" key-file=").append(c.key());
            }
            b.append(" node=").append(c.node()).append(" node-key-file=").append(c.nodeKey());
        }
        return b.toString();
    }
}
