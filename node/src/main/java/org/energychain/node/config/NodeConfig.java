package org.energychain.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's configuration, immutable and checked: where its data lives, where its REST API listens, who
 * it is on each chain (the organisation's member id and transaction key file, and the node id and
 * consensus key file it signs blocks with when it is a validator), which genesis files it runs, and
 * whether it exposes metrics.
 * Read from YAML by {@link #load(Path)}; {@link #describe()} gives the effective values for the log
 * (key file paths, never key contents).
 *
 * @param dataDir directory of the chain stores (created if missing)
 * @param http the REST API's options
 * @param metrics whether {@code GET /metrics} serves Prometheus text
 * @param store the chain store kind: {@code rocksdb} (the default: durable, under {@code dataDir/chains}) or
 *     {@code memory} (tests only: nothing survives a restart; named explicitly or not at all)
 * @param chains the chains to run, in order
 */
public record NodeConfig(Path dataDir, Http http, boolean metrics, String store, List<ChainConfig> chains) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NodeConfig.class);
    public static final int DEFAULT_PORT = 8645;

    /**
     * @param host interface to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} for all)
     * @param port TCP port, 0 for any free port
     * @param waitTimeout longest {@code ?wait=true} of a submission
     * @param clockSkew how far {@code X-EC-Time} of a signed request may be from the node's clock
     * @param maxBodyBytes largest request body accepted, whatever its transfer encoding
     * @param limits what one client may hold of the server: connections, time, event backlog
     */
    public record Http(String host, int port, Duration waitTimeout, Duration clockSkew, long maxBodyBytes,
            Limits limits) {
        public static final Http DEFAULT = new Http("127.0.0.1", DEFAULT_PORT, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 8L << 20, Limits.DEFAULT);

        public Http {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("http port must be between 0 and 65535, got " + port);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("max-body-bytes must be positive, got " + maxBodyBytes);
            }
            java.util.Objects.requireNonNull(limits, "limits");
        }

        public Http withPort(int p) {
            return new Http(host, p, waitTimeout, clockSkew, maxBodyBytes, limits);
        }

        public Http withLimits(Limits l) {
            return new Http(host, port, waitTimeout, clockSkew, maxBodyBytes, l);
        }

        public Http withMaxBodyBytes(long max) {
            return new Http(host, port, waitTimeout, clockSkew, max, limits);
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
     * One chain: its genesis file, the member (organisation, with its transaction key file) this node is
     * on it, and the node (one of the chain's genesis nodes, with its consensus key file) it runs as.
     */
    public record ChainConfig(Path genesis, String member, Path key, String node, Path nodeKey) {
    }

    public NodeConfig {
        chains = List.copyOf(chains);
    }

    /** Reads and checks a node configuration; relative paths are relative to the file. */
    public static NodeConfig load(Path file) {
        ConfigNode root = ConfigNode.load(file);
        root.allowOnly("data-dir", "http", "metrics", "store", "identity", "node", "chains");
        ConfigNode http = root.child("http");
        http.allowOnly("host", "port", "wait-timeout-ms", "clock-skew-ms", "max-body-bytes", "idle-timeout-ms",
                "request-read-timeout-ms", "max-connections", "max-connections-per-address", "max-threads",
                "event-backlog");
        Limits d = Limits.DEFAULT;
        Limits limits = new Limits(
                Duration.ofMillis(http.integer("idle-timeout-ms", d.idleTimeout().toMillis(), 1_000, 600_000)),
                Duration.ofMillis(http.integer("request-read-timeout-ms", d.requestReadTimeout().toMillis(), 1_000,
                        600_000)),
                (int) http.integer("max-connections", d.maxConnections(), 16, 100_000),
                (int) http.integer("max-connections-per-address", d.maxConnectionsPerAddress(), 1, 100_000),
                (int) http.integer("max-threads", d.maxThreads(), 16, 2_000),
                (int) http.integer("event-backlog", d.eventBacklog(), 1, 100_000));
        Http h = new Http(http.string("host", Http.DEFAULT.host()),
                (int) http.integer("port", DEFAULT_PORT, 0, 65535),
                Duration.ofMillis(http.integer("wait-timeout-ms", Http.DEFAULT.waitTimeout().toMillis(), 0, 120_000)),
                Duration.ofMillis(http.integer("clock-skew-ms", Http.DEFAULT.clockSkew().toMillis(), 1_000, 600_000)),
                http.integer("max-body-bytes", Http.DEFAULT.maxBodyBytes(), 1024, 256L << 20), limits);
        String store = root.string("store", "rocksdb");
        if (!store.equals("memory") && !store.equals("rocksdb")) {
            throw root.error("store", "must be rocksdb or memory, got '" + store + "'");
        }
        if (store.equals("memory")) {
            LOG.warn("{}: store: memory keeps the chains in memory only; every block is lost when the node stops",
                    file);
        }
        ConfigNode identity = root.child("identity");
        identity.allowOnly("member", "key");
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
            if (key == null) {
                throw c.error("key", "missing (and no identity.key to fall back on)");
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
        return new NodeConfig(dataDir, h, root.bool("metrics", true), store, chains);
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
                .append(" metrics=").append(metrics);
        for (ChainConfig c : chains) {
            b.append("\n  chain genesis=").append(c.genesis()).append(" member=").append(c.member())
                    .append(" key-file=").append(c.key()).append(" node=").append(c.node()).append(" node-key-file=")
                    .append(c.nodeKey());
        }
        return b.toString();
    }
}
