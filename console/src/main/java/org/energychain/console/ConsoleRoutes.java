package org.energychain.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.BlockStream;
import org.energychain.node.api.JsonViews;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.OpenApiPart;
import org.energychain.node.api.Routes;
import org.jspecify.annotations.Nullable;

/**
 * The console's routes on a node's API: its files under {@code /console/}, login, session and logout
 * under {@code /console/api/}, and the read endpoints of its pages. Every {@code /console/api/} route but
 * login and session needs a live session (the HttpOnly, SameSite=Strict cookie); every write also needs
 * the session's CSRF token in {@value #CSRF_HEADER}. The console shows only the chains this node runs, all
 * of which its organisation is a member of.
 */
final class ConsoleRoutes implements NodeRoutes {
    static final String COOKIE = "ec_console";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int MAX_BODY = 16 * 1024;
    static final int RECENT_BLOCKS = 20;
    /** Blocks that may wait for one page on the live stream before it is dropped (it then reconnects). */
    static final int STREAM_BACKLOG = 256;

    private final Node node;
    private final @Nullable ConsolePassword password;
    private final @Nullable String passwordProblem;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final StaticFiles files = new StaticFiles();
    private final NetworkViews views;
    private final RegulatorViews regulator;
    private final BuyerViews buyer;
    private final GridViews grid;
    private final GroupViews group;
    private final Map<String, BlockStream> streams = new LinkedHashMap<>();
    private final ExecutorService writers;
    private final ScheduledExecutorService heartbeat;

    ConsoleRoutes(Node node, Clock clock) {
        this.node = node;
        ConsolePassword p = null;
        String problem = null;
        Optional<String> stored = node.console().passwordHash();
        if (stored.isEmpty()) {
            problem = "no console password is set on this node (console.password-hash in node.yaml)";
        } else {
            p = ConsolePassword.parse(stored.get()); // a hash that does not parse stops the node, saying why
        }
        this.password = p;
        this.passwordProblem = problem;
        this.sessions = new Sessions(clock, Duration.ofMinutes(30), 1_000);
        this.throttle = new LoginThrottle(clock, 5, Duration.ofSeconds(2), Duration.ofMinutes(15));
        this.views = new NetworkViews(node);
        this.regulator = new RegulatorViews(node);
        this.buyer = new BuyerViews(node);
        this.grid = new GridViews(node);
        this.group = new GroupViews(node, buyer);
        this.writers = Executors.newFixedThreadPool(1, daemon("console-events-writer"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("console-events-heartbeat"));
        // the network page shows a block's height, time, size, proposer and hash: the stream sends only those (a
        // full block of 2,000 transactions is about 2 MB of JSON, rendered for every block)
        node.chains().forEach(c -> streams.put(c.id(), new BlockStream(c, STREAM_BACKLOG, writers,
                b -> NetworkViews.header(b, c.genesis().cryptoSuite().hash()).toString())));
        var unused = heartbeat.scheduleAtFixedRate(() -> {
            try {
                streams.values().forEach(BlockStream::heartbeat);
            } catch (RuntimeException e) { // a beat that threw would cancel every later one
                org.slf4j.LoggerFactory.getLogger(ConsoleRoutes.class).warn("console heartbeat: {}", e.toString());
            }
        }, 15, 15, TimeUnit.SECONDS);
    }

    /** The description of these routes ({@code console-openapi.json} beside this class). */
    @Override
    public OpenApiPart openApi() {
        return OpenApiPart.resource(ConsoleRoutes.class, "console-openapi.json");
    }

    @Override
    public void register(Routes routes) {
        routes.route(HandlerType.POST, "/console/api/login", this::login);
        routes.route(HandlerType.GET, "/console/api/session", this::session);
        routes.route(HandlerType.POST, "/console/api/logout", this::logout);
        routes.route(HandlerType.GET, "/console/api/regulator/filings", ctx -> {
            requireSession(ctx);
            ctx.json(regulator.inbox("pending".equals(ctx.queryParam("status"))));
        });
        routes.route(HandlerType.GET, "/console/api/regulator/history", ctx -> {
            requireSession(ctx);
            ctx.json(regulator.history(Optional.ofNullable(ctx.queryParam("chain")).orElse(""),
                    Optional.ofNullable(ctx.queryParam("group")).orElse("")));
        });
        routes.route(HandlerType.POST, "/console/api/regulator/acknowledge", ctx -> {
            requireWrite(ctx);
            ctx.json(regulator.acknowledge(jsonBody(ctx)));
        });
        routes.route(HandlerType.GET, "/console/api/buyer", ctx -> {
            requireSession(ctx);
            ObjectNode out = JsonViews.MAPPER.createObjectNode();
            var ids = out.putArray("chains");
            buyer.chains().forEach(ids::add);
            ctx.json(out);
        });
        routes.route(HandlerType.GET, "/console/api/buyer/{chain}/tree", ctx -> {
            requireSession(ctx);
            ctx.json(buyer.tree(chain(ctx), ctx.queryParam("path")));
        });
        routes.route(HandlerType.GET, "/console/api/buyer/{chain}/search", ctx -> {
            requireSession(ctx);
            Map<String, String> params = new LinkedHashMap<>();
            ctx.queryParamMap().forEach((k, v) -> {
                if (v.size() != 1) {
                    throw new ApiError(400, "MALFORMED", "query parameter " + k + " given " + v.size() + " times");
                }
                params.put(k, v.get(0));
            });
            ctx.json(buyer.search(chain(ctx), params));
        });
        routes.route(HandlerType.GET, "/console/api/buyer/{chain}/listing", ctx -> {
            requireSession(ctx);
            ctx.json(buyer.listing(chain(ctx), Optional.ofNullable(ctx.queryParam("id")).orElse("")));
        });
        routes.route(HandlerType.GET, "/console/api/buyer/{chain}/account", ctx -> {
            requireSession(ctx);
            ctx.json(buyer.account(chain(ctx)));
        });
        routes.route(HandlerType.POST, "/console/api/buyer/{chain}/purchase", ctx -> {
            requireWrite(ctx);
            ctx.json(buyer.purchase(chain(ctx), jsonBody(ctx)));
        });
        routes.route(HandlerType.GET, "/console/api/group", ctx -> {
            requireSession(ctx);
            ctx.json(group.group());
        });
        routes.route(HandlerType.GET, "/console/api/grid", ctx -> {
            requireSession(ctx);
            ctx.json(grid.grid());
        });
        routes.route(HandlerType.POST, "/console/api/buyer/{chain}/trades/{trade}/receive", ctx -> {
            requireWrite(ctx);
            ctx.json(buyer.receive(chain(ctx), ctx.pathParam("trade"), ctx.bodyAsBytes()));
        });
        routes.route(HandlerType.POST, "/console/api/buyer/{chain}/trades/{trade}/fetch", ctx -> {
            requireWrite(ctx);
            ctx.json(buyer.receiveFromSeller(chain(ctx), ctx.pathParam("trade")));
        });
        routes.route(HandlerType.POST, "/console/api/buyer/{chain}/trades/{trade}/accept", ctx -> {
            requireWrite(ctx);
            ctx.json(buyer.accept(chain(ctx), ctx.pathParam("trade")));
        });
        routes.route(HandlerType.POST, "/console/api/buyer/{chain}/trades/{trade}/dispute", ctx -> {
            requireWrite(ctx);
            ctx.json(buyer.dispute(chain(ctx), ctx.pathParam("trade")));
        });
        routes.route(HandlerType.GET, "/console/api/network", ctx -> {
            requireSession(ctx);
            ctx.json(views.network(id -> Optional.ofNullable(streams.get(id)).map(BlockStream::stats)));
        });
        routes.route(HandlerType.GET, "/console/api/chains/{chain}/blocks", ctx -> {
            requireSession(ctx);
            ctx.json(views.recentBlocks(chain(ctx), RECENT_BLOCKS));
        });
        routes.route(HandlerType.GET, "/console/api/chains/{chain}/blocks/{height}", ctx -> {
            requireSession(ctx);
            ctx.json(views.block(chain(ctx), ctx.pathParam("height")));
        });
        routes.route(HandlerType.GET, "/console/api/chains/{chain}/search", ctx -> {
            requireSession(ctx);
            String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim();
            ctx.json(views.search(chain(ctx), q));
        });
        routes.route(HandlerType.GET, "/console/api/chains/{chain}/events", ctx -> {
            requireSession(ctx);
            HostedChain c = chain(ctx);
            BlockStream s = streams.get(c.id());
            if (s == null) {
                throw new ApiError(404, "UNKNOWN_CHAIN", "this node runs no chain " + c.id());
            }
            s.subscribe(ctx, c.chain().store().height() + 1);
        });
        // Javalin treats "/console/" as "/console": both are the network page (the pages use absolute paths)
        routes.route(HandlerType.GET, "/console", ctx -> serve(ctx, "index.html"));
        routes.route(HandlerType.GET, "/console/<path>", ctx -> serve(ctx, ctx.pathParam("path")));
    }

    private void serve(Context ctx, String path) {
        if (path.startsWith("api/") || !files.serve(ctx, path)) {
            throw new ApiError(404, "NOT_FOUND", "the console has no page " + path);
        }
    }

    // ---- login, session, CSRF -------------------------------------------------------------------

    private void login(Context ctx) {
        String address = ctx.ip();
        Optional<Duration> wait = throttle.wait(address);
        if (wait.isPresent()) {
            long s = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(s));
            throw new ApiError(429, "TOO_MANY_ATTEMPTS", "too many wrong passwords from this address; try again in "
                    + s + " s");
        }
        if (password == null) {
            throw new ApiError(403, "NO_PASSWORD", String.valueOf(passwordProblem));
        }
        JsonNode n = jsonBody(ctx);
        if (!n.path("password").isTextual()) {
            throw new ApiError(400, "MALFORMED", "the login request needs a text field \"password\"");
        }
        if (!password.matches(n.get("password").asText())) {
            throttle.failed(address);
            throw new ApiError(401, "WRONG_PASSWORD", "wrong password");
        }
        throttle.succeeded(address);
        Sessions.Session s = sessions.open();
        ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/console; HttpOnly; Secure; SameSite=Strict");
        ctx.json(sessionView(s));
    }

    /** The request's JSON object body, of at most {@value #MAX_BODY} bytes. */
    private static JsonNode jsonBody(Context ctx) {
        String length = ctx.header("Content-Length");
        if (length != null && length.length() > 9) {
            throw new ApiError(413, "TOO_LARGE", "a console request has at most " + MAX_BODY + " bytes");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            throw new ApiError(413, "TOO_LARGE", "a console request has at most " + MAX_BODY + " bytes");
        }
        try {
            JsonNode n = JsonViews.MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "MALFORMED", "the request must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ApiError(400, "MALFORMED", "the request is not JSON: " + e.getMessage());
        }
    }

    private void session(Context ctx) {
        Optional<Sessions.Session> s = current(ctx);
        if (s.isEmpty()) {
            ctx.json(JsonViews.MAPPER.createObjectNode().put("loggedIn", false).put("organisation", views.organisation())
                    .put("passwordSet", password != null));
            return;
        }
        ctx.json(sessionView(s.get()));
    }

    private void logout(Context ctx) {
        Sessions.Session s = requireWrite(ctx);
        sessions.close(s.id());
        ctx.header("Set-Cookie", COOKIE + "=; Path=/console; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        ctx.json(JsonViews.MAPPER.createObjectNode().put("loggedIn", false));
    }

    private ObjectNode sessionView(Sessions.Session s) {
        return JsonViews.MAPPER.createObjectNode().put("loggedIn", true).put("organisation", views.organisation())
                .put("csrf", s.csrf());
    }

    private Optional<Sessions.Session> current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        return id == null || id.isEmpty() || id.length() > 100 ? Optional.empty() : sessions.find(id);
    }

    /** The request's session; 401 when it has none (logged out, expired or never logged in). */
    Sessions.Session requireSession(Context ctx) {
        return current(ctx).orElseThrow(() -> new ApiError(401, "NOT_LOGGED_IN",
                "log in to the console first (or the session has expired)"));
    }

    /** The session of a write, whose {@value #CSRF_HEADER} must be the session's token; 403 otherwise. */
    Sessions.Session requireWrite(Context ctx) {
        Sessions.Session s = requireSession(ctx);
        String token = ctx.header(CSRF_HEADER);
        if (token == null || !Sessions.csrfMatches(s, token)) {
            throw new ApiError(403, "BAD_CSRF_TOKEN", "the request does not carry this session's CSRF token ("
                    + CSRF_HEADER + "); reload the console");
        }
        return s;
    }

    private HostedChain chain(Context ctx) {
        String id = ctx.pathParam("chain");
        return node.chain(id).orElseThrow(() -> new ApiError(404, "UNKNOWN_CHAIN", "this node runs no chain " + id));
    }

    /** How the console's live stream of {@code chain} is doing (for tests). */
    Optional<BlockStream.Stats> streamStats(String chain) {
        return Optional.ofNullable(streams.get(chain)).map(BlockStream::stats);
    }

    /** The buyer's views (for tests). */
    BuyerViews buyer() {
        return buyer;
    }

    /** Sessions now (for tests). */
    int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        buyer.close();
        heartbeat.shutdownNow();
        streams.values().forEach(BlockStream::close);
        writers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
