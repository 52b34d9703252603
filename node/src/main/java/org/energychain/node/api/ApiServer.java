package org.energychain.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.ledger.exec.BatchAdmission;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.genesis.Member;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of a node (docs/api.md) on Javalin and Jetty 12: chains, blocks, transactions, receipts,
 * queries, a server-sent-events stream of blocks, the OpenAPI description and Prometheus metrics. Reads
 * of a private chain need a request signed by a member and addressed to this node ({@link RequestSigning});
 * submissions need none, as transactions are signed themselves. Every client is bounded in what it can
 * hold of the server (connections per address, time to send a request body, body size, event backlog:
 * {@link NodeConfig.Limits}), and every error is JSON with its reason code. With {@code http.tls} it
 * serves HTTPS only ({@link HttpsConnector}); plain HTTP only on loopback unless explicitly insecure.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String CALLER = "ec.caller";
    /** The node a signed request is addressed to ({@code X-EC-Node}), once its signature is checked. */
    static final String ADDRESSEE = "ec.addressee";
    private static final String JSON = "application/json";
    /** Fresh nonces of signed requests remembered at once; beyond it signed requests wait (503). */
    static final int MAX_FRESH_NONCES = 100_000;

    /**
     * One route as Javalin holds it: method and path template. Javalin and OpenAPI both write a parameter
     * {@code {param}}; a parameter that may span segments, Javalin's {@code <param>}, is {@code {param}} in
     * OpenAPI too ({@link #openApiPath}).
     */
    public record Route(String method, String path) {
        /** The path as the OpenAPI description names it. */
        public String openApiPath() {
            return path.replace('<', '{').replace('>', '}');
        }
    }

    private final Node node;
    private final NodeConfig.Http http;
    private final boolean metrics;
    private final Javalin app;
    private final Map<String, BlockStream> streams = new LinkedHashMap<>();
    private final byte[] openApi;
    private final ReplayGuard replays = new ReplayGuard(MAX_FRESH_NONCES);
    private final ExecutorService eventWriters;
    /** Admits batches of transactions: one worker per core, shared by every batch request. */
    private final ForkJoinPool admission = BatchAdmission.newPool("admission");
    private final ScheduledExecutorService heartbeat;
    private final List<PerAddressConnectionLimit> addressLimits = new ArrayList<>();
    /** Path templates, split at '/', of the routes whose signed requests may be addressed to any member. */
    private final List<String[]> anyAddressee = new ArrayList<>();

    /** A server with the node's own routes only (no module's: see {@link RouteProvider}). */
    public ApiServer(Node node, NodeConfig.Http http, boolean metrics) {
        this(node, http, metrics, List.of());
    }

    /** A server that also mounts the routes of the given modules ({@link RouteProvider#openAll}). */
    public ApiServer(Node node, NodeConfig.Http http, boolean metrics, List<? extends NodeRoutes> extensions) {
        this.node = node;
        this.http = http;
        this.metrics = metrics;
        javax.net.ssl.SSLContext tls = http.tls().map(HttpsConnector::context).orElse(null);
        this.openApi = openApi(metrics, extensions);
        this.eventWriters = Executors.newFixedThreadPool(2, daemon("events-writer"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("events-heartbeat"));
        node.chains().forEach(c -> streams.put(c.id(), new BlockStream(c, http.limits().eventBacklog(),
                eventWriters)));
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = http.maxBodyBytes();
            cfg.jsonMapper(new JavalinJackson(JsonViews.MAPPER, false));
            configureJetty(cfg, tls);
            registerRoutes(cfg.routes, extensions);
        });
    }

    /**
     * Jetty's side of the limits: a bounded worker pool, the idle timeout, Jetty's server-wide connection
     * limit and a per-address one on the connector, the request read deadline, and JSON for the errors
     * Jetty answers itself.
     */
    private void configureJetty(io.javalin.config.JavalinConfig cfg, javax.net.ssl.SSLContext tls) {
        NodeConfig.Limits limits = http.limits();
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), Math.min(8, limits.maxThreads()), 60_000);
        pool.setName("http");
        cfg.jetty.threadPool = pool;
        cfg.jetty.modifyServer(server -> {
            server.insertHandler(new RequestReadDeadline(limits.requestReadTimeout()));
            server.setErrorHandler(new JsonErrorHandler());
        });
        cfg.jetty.addConnector((server, httpConfig) -> {
            httpConfig.setSendServerVersion(false);
            ServerConnector c = tls == null ? new ServerConnector(server, new HttpConnectionFactory(httpConfig))
                    : HttpsConnector.create(server, httpConfig, tls);
            c.setHost(http.host());
            c.setPort(http.port());
            c.setIdleTimeout(limits.idleTimeout().toMillis());
            PerAddressConnectionLimit perAddress = new PerAddressConnectionLimit(limits.maxConnectionsPerAddress());
            addressLimits.add(perAddress);
            c.addBean(perAddress);
            c.addBean(new NetworkConnectionLimit(limits.maxConnections(), c));
            return c;
        });
    }

    private void registerRoutes(RoutesConfig r, List<? extends NodeRoutes> extensions) {
        Routes route = new Routes() {
            @Override
            public void route(HandlerType method, String path, io.javalin.http.Handler handler) {
                r.addHttpHandler(method, path, handler);
            }

            @Override
            public void routeForAnyAddressee(HandlerType method, String path, io.javalin.http.Handler handler) {
                route(method, path, handler);
                anyAddressee.add(path.split("/"));
            }
        };
        r.before(this::authenticate);
        r.exception(ApiError.class, (e, ctx) -> {
            if (e.status() == 503 || e.status() == 429) {
                ctx.header("Retry-After", "1");
            }
            if (e.status() == 408 || e.status() == 413) {
                ctx.header("Connection", "close"); // the rest of the body is not worth reading
            }
            ctx.status(e.status()).json(JsonViews.error(e.code(), e.getMessage()));
        });
        r.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(JsonViews.error(
                ApiError.codeOf(e.getStatus()), e instanceof EndpointNotFound ? "no route " + ctx.method() + " "
                        + ctx.path() : e.getMessage())));
        r.exception(Exception.class, (e, ctx) -> {
            String what;
            try {
                what = ctx.method() + " " + ctx.path();
            } catch (RuntimeException gone) {
                // the exchange was aborted and recycled (an event stream dropped): nothing to answer
                LOG.debug("a request that no longer exists failed: {}", e.toString());
                return;
            }
            LOG.error("{} failed", what, e);
            ctx.status(500).json(JsonViews.error("INTERNAL", "internal error; see the node's log"));
        });
        route.route(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType(JSON).result(openApi));
        if (metrics) {
            route.route(HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(node.metrics().scrape()));
        }
        ChainReadRoutes reads = new ChainReadRoutes(node, http, streams);
        reads.registerChains(route);
        new SubmissionRoutes(node, http, admission).register(route);
        reads.registerRecords(route);
        extensions.forEach(e -> e.register(route));
    }

    /** Every route Javalin holds (what the OpenAPI description must list: the API's tests compare the two). */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> new Route(e.endpoint.method.name(), e.endpoint.path)).toList();
    }

    /** Starts listening on the configured host and port (0: any free port). */
    @SuppressWarnings("FutureReturnValueIgnored") // the beat catches what it throws; shutdownNow in close ends it
    public ApiServer start() {
        app.start();
        long beat = Math.max(500, http.limits().idleTimeout().toMillis() / 2);
        heartbeat.scheduleAtFixedRate(() -> {
            try {
                streams.values().forEach(BlockStream::heartbeat);
            } catch (RuntimeException e) { // a beat that threw would silently cancel every later one
                LOG.warn("event stream heartbeat failed: {}", e.toString());
            }
        }, beat, beat, TimeUnit.MILLISECONDS);
        LOG.info("REST API listening on {}://{}:{} (metrics={})", http.scheme(), http.host(), port(), metrics);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The base URL the server listens on, {@code https://} when it serves TLS. */
    public String url() {
        String host = http.host().contains(":") && !http.host().startsWith("[") ? "[" + http.host() + "]" : http.host();
        return http.scheme() + "://" + host + ":" + port();
    }

    /** Subscribers of a chain's event stream now (for tests and the log). */
    public int eventSubscribers(String chain) {
        BlockStream s = streams.get(chain);
        return s == null ? 0 : s.subscribers();
    }

    /** Connections closed at accept because their address already held the maximum, since the start. */
    public long connectionsRefusedPerAddress() {
        return addressLimits.stream().mapToLong(PerAddressConnectionLimit::refused).sum();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        streams.values().forEach(BlockStream::close);
        app.stop();
        eventWriters.shutdownNow();
        admission.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    // ---- authentication -------------------------------------------------------------------------

    /**
     * Before every request under /chains/{chain}: unknown chain 404; a signed request (any request to a
     * private chain but a submission) is checked from its headers before a byte of its body is read, then
     * its body is read within max-body-bytes and compared with the digest it signed.
     */
    private void authenticate(Context ctx) {
        String[] seg = ctx.path().split("/");
        if (seg.length < 3 || !seg[1].equals("chains")) {
            return;
        }
        String id = URLDecoder.decode(seg[2], StandardCharsets.UTF_8);
        HostedChain c = node.chain(id).orElseThrow(() -> new ApiError(404, "UNKNOWN_CHAIN", "this node runs no chain "
                + id + " (it runs " + node.chains().stream().map(HostedChain::id).toList() + ")"));
        // submissions (one or a batch) carry signed transactions: no request signature
        boolean submission = HandlerType.POST.equals(ctx.method()) && seg.length >= 4 && seg[3].equals("transactions")
                && (seg.length == 4 || seg.length == 5 && seg[4].equals("batch"));
        if (submission || !c.genesis().isPrivate() && !RequestSigning.isSigned(ctx::header)) {
            return;
        }
        RequestSigning.Headers h = RequestSigning.parse(ctx::header, c.id());
        if (!forAnyAddressee(seg) && !h.node().equals(c.member())) {
            throw new ApiError(401, "WRONG_NODE", "the request is addressed to " + h.node() + " on chain " + c.id()
                    + ", but this node is " + c.member() + " there (" + RequestSigning.NODE + ")");
        }
        Duration skew = http.clockSkew();
        Instant now = node.clock().instant();
        Member m = RequestSigning.verify(c.genesis(), ctx.method().name(), ctx.path(), ctx.queryString(), h, now, skew);
        String nonceKey = c.id() + "\n" + m.id() + "\n" + Hex.encode(h.nonce());
        switch (replays.claim(nonceKey, h.time() + skew.toMillis(), now.toEpochMilli())) {
            case REPLAYED -> throw new ApiError(401, "REPLAYED", "this signed request was received before (nonce "
                    + Hex.encode(h.nonce()) + "); sign every request afresh");
            case FULL -> throw new ApiError(503, "BUSY", "too many signed requests within the clock-skew window");
            case FRESH -> {
            }
        }
        byte[] body = RequestBody.of(ctx, http.maxBodyBytes());
        if (!Arrays.equals(HashFunctions.SHA256.hash(body), h.bodyDigest())) {
            throw new ApiError(401, "BAD_SIGNATURE", "the body does not hash to the signed "
                    + RequestSigning.CONTENT_SHA256);
        }
        ctx.attribute(CALLER, m);
        ctx.attribute(ADDRESSEE, h.node());
    }

    /** Whether the path, split at '/', is one of a route registered {@link Routes#routeForAnyAddressee}. */
    private boolean forAnyAddressee(String[] seg) {
        for (String[] t : anyAddressee) {
            if (matches(t, seg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] template, String[] seg) {
        if (template.length != seg.length) {
            return false;
        }
        for (int i = 0; i < seg.length; i++) {
            if (!template[i].startsWith("{") && !template[i].equals(seg[i])) {
                return false;
            }
        }
        return true;
    }

    /** The member who signed the request, once its signature is checked; empty for an unsigned request. */
    public static Optional<Member> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    /** The member a signed request is addressed to ({@link RequestSigning#NODE}); empty for an unsigned one. */
    public static Optional<String> addressee(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ADDRESSEE));
    }

    // ---- handlers -------------------------------------------------------------------------------

    // ---- helpers --------------------------------------------------------------------------------

    /** The hosted chain the request's path names; 404 {@code UNKNOWN_CHAIN} if this node runs none of that id. */
    static HostedChain chainOf(Node node, Context ctx) {
        String id = ctx.pathParam("chain");
        return node.chain(id).orElseThrow(() -> new ApiError(404, "UNKNOWN_CHAIN", "this node runs no chain " + id));
    }

    /** HTTP status of a rejected transaction or call. */
    static int statusOf(Rejection.Reason reason) {
        return switch (reason) {
            case MALFORMED, WRONG_CHAIN, UNKNOWN_CONTRACT, UNKNOWN_METHOD -> 400;
            case UNKNOWN_SENDER, BAD_SIGNATURE, UNAUTHORISED -> 403;
            case REPLAYED, DUPLICATE, NONCE_TOO_FAR, NONCE_GAP -> 409;
            case OVERSIZED -> 413;
            case MEMPOOL_FULL -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** A JSON object body; 400 {@code MALFORMED} for anything else. */
    static JsonNode jsonObject(byte[] body) {
        try {
            JsonNode n = JsonViews.MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "MALFORMED", "body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ApiError(400, "MALFORMED", "body is not JSON: " + e.getMessage());
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new ApiError(400, "MALFORMED", "body needs a text field \"" + field + "\"");
        }
        return v.asText();
    }

    static byte[] hex(String s, String what) {
        try {
            return Hex.decode(s);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", what + ": " + e.getMessage());
        }
    }

    /** The node's own operations (less /metrics when metrics are off) and those of every module mounted. */
    private static byte[] openApi(boolean metrics, List<? extends NodeRoutes> extensions) {
        ObjectNode own = OpenApiDocument.nodeOwn();
        if (!metrics) {
            ((ObjectNode) own.get("paths")).remove("/metrics");
        }
        ObjectNode doc = OpenApiDocument.assemble(own, extensions.stream().map(NodeRoutes::openApi).toList());
        try {
            return JsonViews.MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI description does not serialise", e);
        }
    }
}
