package org.energychain.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.crypto.sign.SignatureSchemes;
import org.energychain.node.api.NodeIdentity;
import org.energychain.node.api.RequestSigning;

/**
 * How a {@link NodeClient} reaches the nodes: the addresses and which answered last, the signer, timeout
 * and clock of signed requests, the identities the nodes gave on each chain, and the failover from one
 * address to the next (see {@link NodeClient}). The domain parts of the client (submissions, the
 * catalogue, market deliveries) build their requests on it. Thread-safe.
 */
final class NodeTransport {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** One connection pool for every client of the process, so that short-lived clients reuse connections. */
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String JSON = "application/json";
    static final String BINARY = "application/octet-stream";

    final List<URI> bases;
    /** Index of the address that answered last; requests start there. Shared with derived clients. */
    final AtomicInteger current;
    /** Who each address is on each chain, as that address said: key {@code address + " " + chain}. */
    private final Map<String, NodeIdentity> identities;
    private final Duration timeout;
    private final Clock clock;
    private final String member;
    final PrivateKey key;
    private final SignatureScheme scheme;
    private final HttpClient http;

    /** A transport to several nodes of one network, tried in this order. */
    NodeTransport(List<URI> addresses) {
        this(normalise(addresses), new AtomicInteger(), new ConcurrentHashMap<>(), Duration.ofSeconds(30),
                Clock.systemUTC(), null, null, HTTP);
    }

    private NodeTransport(List<URI> bases, AtomicInteger current, Map<String, NodeIdentity> identities, Duration timeout,
            Clock clock, String member, PrivateKey key, HttpClient http) {
        this.bases = bases;
        this.current = current;
        this.identities = identities;
        this.timeout = timeout;
        this.clock = clock;
        this.member = member;
        this.key = key;
        this.scheme = key == null ? null : SignatureSchemes.byName(key.scheme());
        this.http = http;
    }

    private static List<URI> normalise(List<URI> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a node client needs at least one node address");
        }
        List<URI> out = new ArrayList<>();
        for (URI a : addresses) {
            String b = a.toString();
            URI u = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("not a node address (http(s)://HOST[:PORT]): " + a);
            }
            out.add(u);
        }
        return List.copyOf(out);
    }

    NodeTransport signedAs(String memberId, PrivateKey privateKey) {
        return new NodeTransport(bases, current, identities, timeout, clock, memberId, privateKey, http);
    }

    NodeTransport with(Duration requestTimeout, Clock requestClock) {
        return new NodeTransport(bases, current, identities, requestTimeout, requestClock, member, key, http);
    }

    NodeTransport trusting(org.energychain.crypto.tls.PinnedTrust trust) {
        return new NodeTransport(bases, current, identities, timeout, clock, member, key, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .sslContext(org.energychain.crypto.tls.TlsContexts.client(trust)).build());
    }

    NodeTransport at(URI address) {
        return new NodeTransport(normalise(List.of(address)), new AtomicInteger(), identities, timeout, clock, member,
                key, http);
    }

    NodeIdentity identity(String chain) {
        return failover((i, k) -> identityAt(bases.get(i), chain)).value();
    }

    private NodeIdentity identityAt(URI base, String chain) {
        String cacheKey = base + " " + chain;
        NodeIdentity known = identities.get(cacheKey);
        if (known != null) {
            return known;
        }
        for (JsonNode c : sendTo(base, new Call(null, "GET", "/chains", null, null, JSON)).path("chains")) {
            if (c.path("id").asText().equals(chain)) {
                if (!c.path("genesis").isTextual() || !c.path("node").isTextual()) {
                    throw new NodeClientException(0, "BAD_RESPONSE", "the node at " + base
                            + " does not say who it is on chain " + chain + " (genesis, node in GET /chains)");
                }
                NodeIdentity id = new NodeIdentity(chain, c.path("genesis").asText(), c.path("node").asText());
                identities.put(cacheKey, id);
                return id;
            }
        }
        throw new NodeClientException(404, "UNKNOWN_CHAIN", "the node at " + base + " runs no chain " + chain);
    }

    static String chainPath(String chain) {
        return "/chains/" + enc(chain);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(String chain, String path) {
        return send(new Call(chain, "GET", path, null, null, JSON));
    }

    /**
     * GETs a binary answer ({@value #BINARY}), with failover as for JSON; a refusal (answered in JSON) is a
     * {@link NodeClientException} as elsewhere.
     */
    byte[] getBinary(String chain, String path) {
        return failover((i, k) -> {
            URI base = bases.get(i);
            URI uri = URI.create(base + path);
            NodeIdentity target = key != null && chain != null ? identityAt(base, chain) : null;
            HttpResponse<byte[]> resp = exchange("GET", uri, null, null, BINARY, target);
            if (resp.statusCode() >= 300) {
                JsonNode json;
                try {
                    json = MAPPER.readTree(resp.body());
                } catch (IOException e) {
                    json = MAPPER.createObjectNode();
                }
                throw refusal(resp.statusCode(), json);
            }
            return resp.body();
        }).value();
    }

    static String queryString(java.util.Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            if (v != null) {
                b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v));
            }
        });
        return b.length() == 0 ? null : b.toString();
    }

    // ---- sending and failing over -----------------------------------------------------------------

    /**
     * One request as it is sent to whichever address is tried: {@code chain} (null: none) is the chain
     * it reads, for which it is signed when this client signs and {@code signed} is set.
     */
    record Call(String chain, String method, String path, String query, byte[] body, String contentType,
            boolean signed) {
        Call(String chain, String method, String path, String query, byte[] body, String contentType) {
            this(chain, method, path, query, body, contentType, true);
        }
    }

    /** What one address answered: its index, how many addresses failed before it, and the value. */
    record Answer<T>(int address, int attempt, T value) {
    }

    /** One try at the address with this index, the {@code attempt}-th address tried for this request. */
    @FunctionalInterface
    interface Attempt<T> {
        T at(int address, int attempt);
    }

    JsonNode send(Call call) {
        return failover((i, k) -> sendTo(bases.get(i), call)).value();
    }

    <T> Answer<T> failover(Attempt<T> attempt) {
        return failover(current.get(), attempt);
    }

    /**
     * Tries the addresses from {@code first} on, in order, until one gives a definitive answer (a value,
     * or a refusal that another node would repeat); remembers it as the address to start from next time.
     */
    <T> Answer<T> failover(int first, Attempt<T> attempt) {
        List<String> failures = new ArrayList<>();
        NodeClientException last = null;
        for (int k = 0; k < bases.size(); k++) {
            int i = (first + k) % bases.size();
            try {
                T value = attempt.at(i, k);
                current.set(i);
                return new Answer<>(i, k, value);
            } catch (NodeClientException e) {
                if (!failsOver(e)) {
                    throw e;
                }
                last = e;
                failures.add(bases.get(i) + ": " + (e.status() == 0 ? "" : e.status() + " ") + e.code() + " "
                        + e.getMessage());
            }
        }
        if (bases.size() == 1) {
            throw last;
        }
        throw new NodeClientException(last.status(), last.code(), "no node of " + bases.size() + " answered ("
                + String.join("; ", failures) + ")");
    }

    /**
     * Whether another node may answer what this one could not: it was unreachable (or timed out),
     * failed (5xx), or is not the node that takes the request ({@code NOT_LEADER}). Every other answer
     * is definitive.
     */
    static boolean failsOver(NodeClientException e) {
        return e.status() == 0 && !"INTERRUPTED".equals(e.code()) || e.status() >= 500
                || "NOT_LEADER".equals(e.code());
    }

    /** Sends to one address; signed, and addressed to that address's identity on the chain, when signing. */
    JsonNode sendTo(URI base, Call call) {
        URI uri = URI.create(base + call.path() + (call.query() == null ? "" : "?" + call.query()));
        NodeIdentity target = key != null && call.signed() && call.chain() != null ? identityAt(base, call.chain()) : null;
        HttpResponse<byte[]> resp = exchange(call.method(), uri, call.body(), call.contentType(), JSON, target);
        JsonNode json;
        try {
            json = resp.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(resp.body());
        } catch (IOException e) {
            throw new NodeClientException(resp.statusCode(), resp.statusCode() >= 300 ? "HTTP_" + resp.statusCode()
                    : "BAD_RESPONSE", "node at " + base + " answered " + resp.statusCode() + " with a body that is not JSON");
        }
        if (resp.statusCode() >= 300) {
            throw refusal(resp.statusCode(), json);
        }
        return json;
    }

    /** A node's refusal ({@code {"error","message"[,"txId"]}}) as the exception clients get. */
    static NodeClientException refusal(int status, JsonNode json) {
        return new NodeClientException(status, json.path("error").asText("HTTP_" + status),
                json.path("message").asText("HTTP " + status),
                json.path("txId").isTextual() ? json.path("txId").asText() : null);
    }

    /**
     * Sends one request. A connection that fails after it was made, before any answer (a kept-alive
     * connection the node closed as it was reused: "received no bytes", a reset), is tried once more on a
     * new one, signed afresh: every request of this client may be repeated (reads, queries, signed
     * transactions). A node that cannot be connected to, or does not answer in time, is not retried here.
     */
    HttpResponse<byte[]> exchange(String method, URI uri, byte[] body, String contentType, String accept,
            NodeIdentity target) {
        try {
            return exchangeOnce(method, uri, body, contentType, accept, target);
        } catch (NodeClientException e) {
            if (!(e.getCause() instanceof IOException io) || io instanceof java.net.ConnectException
                    || io instanceof java.net.http.HttpTimeoutException) {
                throw e;
            }
            return exchangeOnce(method, uri, body, contentType, accept, target);
        }
    }

    /**
     * GETs {@code uri} signed for {@code target} and reads at most {@code maxBytes} of the answer, all of it
     * (connection, headers and body) within this transport's timeout: for an address someone else named (a
     * seller's delivery endpoint), whose answer is trusted to be neither small nor quick. Sent once.
     *
     * @throws NodeClientException {@code TOO_LARGE} when the answer is longer, {@code TIMEOUT} when it is not
     *     all there in time, {@code UNREACHABLE} or {@code TLS} when there is no connection
     */
    HttpResponse<byte[]> getBounded(URI uri, String accept, NodeIdentity target, long maxBytes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
        if (key != null) {
            RequestSigning.sign(scheme, key, "GET", uri.getRawPath(), uri.getRawQuery(), target, member,
                    Instant.now(clock).toEpochMilli(), RequestSigning.newNonce(), new byte[0]).forEach(b::header);
        }
        String where = uri.getScheme() + "://" + uri.getRawAuthority();
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(b.build(),
                info -> new BoundedBody(maxBytes, info));
        try {
            return answer.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new NodeClientException(0, "TIMEOUT", where + " did not answer in full within "
                    + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new NodeClientException(0, "INTERRUPTED", "interrupted while calling " + uri);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof java.util.concurrent.CompletionException || cause instanceof IOException
                    && !(cause instanceof BoundedBody.TooLarge)) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof BoundedBody.TooLarge) {
                throw new NodeClientException(0, "TOO_LARGE", where + " sent " + cause.getMessage());
            }
            if (cause instanceof javax.net.ssl.SSLException) {
                throw new NodeClientException(0, "TLS", "no TLS connection to " + where + ": " + cause.getMessage());
            }
            NodeClientException x = new NodeClientException(0, "UNREACHABLE", "cannot reach " + where + ": " + cause);
            x.initCause(cause);
            throw x;
        }
    }

    /**
     * A response body of at most {@code max} bytes, refused as soon as its declared length or what arrived
     * says it is longer, so that nobody holds more than {@code max} bytes of it.
     */
    static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        /** More bytes than allowed. */
        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge(String message) {
                super(message);
            }
        }

        private final long max;
        private final long declared;
        private final java.util.concurrent.CompletableFuture<byte[]> body = new java.util.concurrent.CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        @SuppressWarnings("NullAway.Init") // set in onSubscribe, the first signal
        private java.util.concurrent.Flow.Subscription subscription;

        BoundedBody(long max, HttpResponse.ResponseInfo info) {
            this.max = max;
            this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                s.cancel();
                body.completeExceptionally(new TooLarge(declared + " bytes, more than the " + max + " expected"));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> items) {
            for (java.nio.ByteBuffer item : items) {
                if (body.isDone()) {
                    return;
                }
                if (buffer.size() + (long) item.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge("more than the " + max + " bytes expected"));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }
    }

    private HttpResponse<byte[]> exchangeOnce(String method, URI uri, byte[] body, String contentType, String accept,
            NodeIdentity target) {
        byte[] bytes = body == null ? new byte[0] : body;
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (target != null) {
            RequestSigning.sign(scheme, key, method, uri.getRawPath(), uri.getRawQuery(), target, member,
                    Instant.now(clock).toEpochMilli(), RequestSigning.newNonce(), bytes).forEach(b::header);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (javax.net.ssl.SSLException e) {
            throw new NodeClientException(0, "TLS", "no TLS connection to " + uri.getScheme() + "://"
                    + uri.getAuthority() + ": " + e.getMessage() + (http == HTTP ? " (pin the node's certificate: "
                    + "--tls-cert FILE or ENERGYCHAIN_TLS_CERT)" : ""));
        } catch (IOException e) {
            NodeClientException x = new NodeClientException(0, "UNREACHABLE", "cannot reach " + uri.getScheme() + "://"
                    + uri.getAuthority() + ": " + e);
            x.initCause(e);
            throw x;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeClientException(0, "INTERRUPTED", "interrupted while calling " + uri);
        }
    }
}
