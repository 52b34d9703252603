package org.energychain.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.crypto.sign.SignatureSchemes;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.api.NodeIdentity;
import org.energychain.node.api.RequestSigning;
import org.energychain.node.api.TransactionBatch;

/**
 * A Java client of a node's REST API (docs/api.md) over {@code java.net.http}, given one or several
 * addresses of the nodes of a network. A request goes to the address that answered last; when that node
 * cannot be reached, answers 5xx, or says it is not the leader ({@code NOT_LEADER}), the same request is
 * tried on the next address, in order. That is safe for submissions too: a signed transaction sent again
 * is the same transaction (same id, one receipt).
 *
 * <p>With {@link #signedAs} it signs every read of a chain, as private chains require, addressed to the
 * node it is sent to: the node's identity on a chain (genesis hash, member) comes from that same node's
 * {@code GET /chains}, never from another address, and a request that fails over is signed afresh for
 * the next node. The one exception is a market delivery, addressed to the trade's seller and fetched
 * only from a delivery path of the trading chain ({@link #fetchDelivery}). Refusals are
 * {@link NodeClientException}s carrying the API's status and reason code. Thread-safe.
 */
public final class NodeClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** One connection pool for every client of the process, so that short-lived clients reuse connections. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String JSON = "application/json";
    private static final String BINARY = "application/octet-stream";
    /** Largest body of one batch request; longer lists go as several (a node takes 8 MiB by default). */
    public static final int MAX_BATCH_BYTES = 4 << 20;

    private final List<URI> bases;
    /** Index of the address that answered last; requests start there. Shared with derived clients. */
    private final AtomicInteger current;
    /** Who each address is on each chain, as that address said: key {@code address + " " + chain}. */
    private final Map<String, NodeIdentity> identities;
    private final Duration timeout;
    private final Clock clock;
    private final String member;
    private final PrivateKey key;
    private final SignatureScheme scheme;
    private final HttpClient http;

    /** What a submission returned: the transaction id, {@code pending} or {@code committed}, and the receipt if committed. */
    public record SubmitResult(String txId, String status, JsonNode receipt) {
        public boolean committed() {
            return "committed".equals(status);
        }
    }

    /**
     * The answer for one transaction of a batch: its {@code index} in the list submitted, its id (null
     * when the node could not read it as a transaction), {@code pending}, {@code committed} (with its
     * receipt) or {@code rejected} (with the reason code, message and the HTTP status a single submission
     * would have had).
     */
    public record BatchItem(int index, String txId, String status, String error, String message, int httpStatus,
            JsonNode receipt) {
        public boolean accepted() {
            return !"rejected".equals(status);
        }

        public boolean committed() {
            return "committed".equals(status);
        }
    }

    public NodeClient(URI base) {
        this(List.of(base));
    }

    /** A client of several nodes of one network, tried in this order (see the class comment). */
    public NodeClient(List<URI> addresses) {
        this(normalise(addresses), new AtomicInteger(), new ConcurrentHashMap<>(), Duration.ofSeconds(30),
                Clock.systemUTC(), null, null, HTTP);
    }

    private NodeClient(List<URI> bases, AtomicInteger current, Map<String, NodeIdentity> identities, Duration timeout,
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

    /** A client that signs its requests as {@code member} with {@code key} (the member's chain key). */
    public NodeClient signedAs(String memberId, PrivateKey privateKey) {
        return new NodeClient(bases, current, identities, timeout, clock, memberId, privateKey, http);
    }

    /** The same client with another request timeout, or another clock for the {@code X-EC-Time} header. */
    public NodeClient with(Duration requestTimeout, Clock requestClock) {
        return new NodeClient(bases, current, identities, requestTimeout, requestClock, member, key, http);
    }

    /**
     * The same client speaking HTTPS to nodes whose certificate is pinned in {@code trust} (a node's
     * {@code tls.crt}, or every node certificate of a genesis), and to no other: the certificate is the
     * node's identity, no authority or host name is consulted.
     */
    public NodeClient trusting(org.energychain.crypto.tls.PinnedTrust trust) {
        return new NodeClient(bases, current, identities, timeout, clock, member, key, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .sslContext(org.energychain.crypto.tls.TlsContexts.client(trust)).build());
    }

    /** The same client (signer, timeout, clock) talking to {@code address} only: no failover. */
    public NodeClient at(URI address) {
        return new NodeClient(normalise(List.of(address)), new AtomicInteger(), identities, timeout, clock, member, key,
                http);
    }

    /** The address requests go to first now: the one that answered last. */
    public URI base() {
        return bases.get(current.get());
    }

    /** Every address, in the order they are tried. */
    public List<URI> addresses() {
        return bases;
    }

    public JsonNode chains() {
        return send(new Call(null, "GET", "/chains", null, null, JSON));
    }

    /**
     * Who the node this client talks to is on {@code chain} (its genesis hash and member), as that node
     * lists it in {@code GET /chains}; asked once per chain and address. Signed requests are addressed to it.
     */
    public NodeIdentity identity(String chain) {
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

    public JsonNode status(String chain) {
        return get(chain, chainPath(chain) + "/status");
    }

    public JsonNode block(String chain, long height) {
        return get(chain, chainPath(chain) + "/blocks/" + height);
    }

    /** The block at {@code height}, decoded from its canonical encoding (for checks independent of the JSON view). */
    public org.energychain.ledger.block.Block rawBlock(String chain, long height, int digestLength) {
        JsonNode n = block(chain, height);
        return org.energychain.ledger.block.Block.decode(org.energychain.crypto.Hex.decode(n.path("encoded").asText()),
                digestLength);
    }

    /** A catalogue search on a platform node; {@code params} as in docs/api.md ("Catalogue"). */
    public JsonNode catalogSearch(String chain, java.util.Map<String, String> params) {
        return send(new Call(chain, "GET", chainPath(chain) + "/catalog/listings", queryString(params), null, JSON));
    }

    /** The children (with counts) of a directory path on a platform node. */
    public JsonNode catalogTree(String chain, String path) {
        return send(new Call(chain, "GET", chainPath(chain) + "/catalog/tree",
                queryString(java.util.Map.of("path", path)), null, JSON));
    }

    /** One listing of the catalogue, by id. */
    public JsonNode catalogListing(String chain, String id) {
        return send(new Call(chain, "GET", chainPath(chain) + "/catalog/listing",
                queryString(java.util.Map.of("id", id)), null, JSON));
    }

    /** Asks the platform to rebuild its directory from the chain and compare. */
    public JsonNode catalogVerify(String chain) {
        return get(chain, chainPath(chain) + "/catalog/verify");
    }

    private static String queryString(java.util.Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> {
            if (v != null) {
                b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v));
            }
        });
        return b.length() == 0 ? null : b.toString();
    }

    public JsonNode latestBlock(String chain) {
        return get(chain, chainPath(chain) + "/blocks/latest");
    }

    public JsonNode blockByHash(String chain, String hashHex) {
        return get(chain, chainPath(chain) + "/blocks/by-hash/" + hashHex);
    }

    public JsonNode transaction(String chain, String txId) {
        return get(chain, chainPath(chain) + "/transactions/" + txId);
    }

    /** The receipt, or empty while the transaction is not committed (or unknown). */
    public Optional<JsonNode> receipt(String chain, String txId) {
        try {
            return Optional.of(get(chain, chainPath(chain) + "/receipts/" + txId));
        } catch (NodeClientException e) {
            if (e.status() == 404 && "NOT_FOUND".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The member's next nonce in committed state (transactions still pending are not counted). */
    public long nextNonce(String chain, String memberId) {
        return get(chain, chainPath(chain) + "/members/" + enc(memberId) + "/nonce").path("next").asLong();
    }

    /**
     * Submits one transaction as its raw encoding; with {@code wait} the node holds the answer until the
     * receipt is there or its wait timeout passes. When the request failed over and the next node answers
     * {@code REPLAYED} because the transaction is committed already, the answer is its receipt.
     */
    public SubmitResult submit(String chain, Transaction tx, boolean wait) {
        Call call = new Call(chain, "POST", chainPath(chain) + "/transactions", wait ? "wait=true" : null, tx.encode(),
                BINARY, false);
        JsonNode r = failover((i, k) -> {
            try {
                return sendTo(bases.get(i), call);
            } catch (NodeClientException e) {
                Optional<JsonNode> committed = k > 0 && "REPLAYED".equals(e.code()) && e.txId() != null
                        ? receiptAt(bases.get(i), chain, e.txId()) : Optional.empty();
                if (committed.isEmpty()) {
                    throw e;
                }
                ObjectNode done = MAPPER.createObjectNode().put("txId", e.txId()).put("status", "committed");
                done.set("receipt", committed.get());
                return done;
            }
        }).value();
        return new SubmitResult(r.path("txId").asText(), r.path("status").asText(), r.get("receipt"));
    }

    /** {@link #submitBatch(String, List, boolean)} without waiting for the receipts. */
    public List<BatchItem> submitBatch(String chain, List<Transaction> txs) {
        return submitBatch(chain, txs, false);
    }

    /**
     * Submits transactions in batches ({@code POST .../transactions/batch}, at most
     * {@link TransactionBatch#MAX_TRANSACTIONS} and {@link #MAX_BATCH_BYTES} per request, in order) and
     * answers one {@link BatchItem} per transaction, in order; a refused transaction does not fail the
     * others. With {@code wait} each request waits for its receipts (bounded by the node's wait
     * timeout; those not committed by then are {@code pending}). Transactions a node refuses as
     * {@code UNAVAILABLE} or {@code NOT_LEADER} are sent again, in order, to the next address.
     */
    public List<BatchItem> submitBatch(String chain, List<Transaction> txs, boolean wait) {
        List<BatchItem> out = new ArrayList<>(txs.size());
        int from = 0;
        while (from < txs.size()) {
            int to = from;
            long bytes = 0;
            while (to < txs.size() && to - from < TransactionBatch.MAX_TRANSACTIONS
                    && (to == from || bytes + 4 + txs.get(to).size() <= MAX_BATCH_BYTES)) {
                bytes += 4 + txs.get(to).size();
                to++;
            }
            for (BatchItem it : submitChunk(chain, txs.subList(from, to), wait)) {
                out.add(new BatchItem(from + it.index(), it.txId(), it.status(), it.error(), it.message(),
                        it.httpStatus(), it.receipt()));
            }
            from = to;
        }
        return out;
    }

    private List<BatchItem> submitChunk(String chain, List<Transaction> txs, boolean wait) {
        BatchItem[] out = new BatchItem[txs.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            todo.add(i);
        }
        int first = current.get();
        for (int round = 0; round < bases.size() && !todo.isEmpty(); round++) {
            List<Integer> sending = todo;
            byte[] body = TransactionBatch.encode(sending.stream().map(txs::get).toList());
            Call call = new Call(chain, "POST", chainPath(chain) + "/transactions/batch", wait ? "wait=true" : null,
                    body, BINARY, false);
            Answer<JsonNode> a = failover(first, (i, k) -> sendTo(bases.get(i), call));
            JsonNode results = a.value().path("results");
            if (!results.isArray() || results.size() != sending.size()) {
                throw new NodeClientException(0, "BAD_RESPONSE", "the node at " + bases.get(a.address()) + " answered "
                        + results.size() + " results for a batch of " + sending.size());
            }
            boolean resent = round > 0 || a.attempt() > 0;
            todo = new ArrayList<>();
            for (int j = 0; j < sending.size(); j++) {
                int index = sending.get(j);
                BatchItem it = item(index, results.get(j));
                if (resent && "REPLAYED".equals(it.error()) && it.txId() != null) {
                    Optional<JsonNode> r = receiptAt(bases.get(a.address()), chain, it.txId());
                    if (r.isPresent()) {
                        it = new BatchItem(index, it.txId(), "committed", null, null, 0, r.get());
                    }
                }
                out[index] = it;
                if (bases.size() > 1 && ("UNAVAILABLE".equals(it.error()) || "NOT_LEADER".equals(it.error()))) {
                    todo.add(index);
                }
            }
            first = (a.address() + 1) % bases.size();
        }
        return Arrays.asList(out);
    }

    private static BatchItem item(int index, JsonNode n) {
        return new BatchItem(index, n.path("txId").isTextual() ? n.path("txId").asText() : null,
                n.path("status").asText(), n.path("error").isTextual() ? n.path("error").asText() : null,
                n.path("message").isTextual() ? n.path("message").asText() : null, n.path("httpStatus").asInt(0),
                n.get("receipt"));
    }

    /** The receipt as one address has it, or empty (not committed there, or not readable). */
    private Optional<JsonNode> receiptAt(URI base, String chain, String txId) {
        try {
            return Optional.of(sendTo(base, new Call(chain, "GET", chainPath(chain) + "/receipts/" + txId, null, null,
                    JSON)));
        } catch (NodeClientException e) {
            return Optional.empty();
        }
    }

    /** Polls for the receipt until {@code max} passes. */
    public JsonNode awaitReceipt(String chain, String txId, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long pause = 20;
        while (true) {
            Optional<JsonNode> r = receipt(chain, txId);
            if (r.isPresent()) {
                return r.get();
            }
            if (System.nanoTime() > deadline) {
                throw new NodeClientException(0, "TIMEOUT", "no receipt for " + txId + " on chain " + chain + " within "
                        + max.toMillis() + " ms");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NodeClientException(0, "INTERRUPTED", "interrupted while waiting for " + txId);
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    /** Runs a query method; returns the result bytes. */
    public byte[] query(String chain, String contract, String method, byte[] args) {
        ObjectNode body = MAPPER.createObjectNode().put("contract", contract).put("method", method)
                .put("args", Hex.encode(args));
        try {
            return Hex.decode(send(new Call(chain, "POST", chainPath(chain) + "/query", null,
                    MAPPER.writeValueAsBytes(body), JSON)).path("result").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String chainPath(String chain) {
        return "/chains/" + enc(chain);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode get(String chain, String path) {
        return send(new Call(chain, "GET", path, null, null, JSON));
    }

    // ---- sending and failing over -----------------------------------------------------------------

    /**
     * One request as it is sent to whichever address is tried: {@code chain} (null: none) is the chain
     * it reads, for which it is signed when this client signs and {@code signed} is set.
     */
    private record Call(String chain, String method, String path, String query, byte[] body, String contentType,
            boolean signed) {
        Call(String chain, String method, String path, String query, byte[] body, String contentType) {
            this(chain, method, path, query, body, contentType, true);
        }
    }

    /** What one address answered: its index, how many addresses failed before it, and the value. */
    private record Answer<T>(int address, int attempt, T value) {
    }

    /** One try at the address with this index, the {@code attempt}-th address tried for this request. */
    @FunctionalInterface
    private interface Attempt<T> {
        T at(int address, int attempt);
    }

    private JsonNode send(Call call) {
        return failover((i, k) -> sendTo(bases.get(i), call)).value();
    }

    private <T> Answer<T> failover(Attempt<T> attempt) {
        return failover(current.get(), attempt);
    }

    /**
     * Tries the addresses from {@code first} on, in order, until one gives a definitive answer (a value,
     * or a refusal that another node would repeat); remembers it as the address to start from next time.
     */
    private <T> Answer<T> failover(int first, Attempt<T> attempt) {
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
    private JsonNode sendTo(URI base, Call call) {
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
            throw new NodeClientException(resp.statusCode(), json.path("error").asText("HTTP_" + resp.statusCode()),
                    json.path("message").asText("HTTP " + resp.statusCode()),
                    json.path("txId").isTextual() ? json.path("txId").asText() : null);
        }
        return json;
    }

    /**
     * GETs the sealed package of {@code trade} from a seller's delivery endpoint (as its listing names
     * it), signed as this client's member and addressed to {@code seller} on {@code chain}, whose genesis
     * hash this client takes from its own node. The endpoint must be exactly a delivery path of that chain
     * ({@link DeliveryEndpoint}); a captured request is then good for nothing but this delivery, at the
     * seller's node, once.
     *
     * @throws IllegalArgumentException when the endpoint is not a delivery path of {@code chain}
     */
    public byte[] fetchDelivery(String chain, String seller, URI endpoint, String trade) {
        if (key == null) {
            throw new IllegalStateException("fetching a delivery needs a signing client (signedAs)");
        }
        URI uri = DeliveryEndpoint.resolve(endpoint, chain, trade);
        NodeIdentity target = identity(chain).withNode(seller);
        HttpResponse<byte[]> resp = exchange("GET", uri, null, null, BINARY + ", " + JSON, target);
        if (resp.statusCode() >= 300) {
            JsonNode json;
            try {
                json = MAPPER.readTree(resp.body());
            } catch (IOException | RuntimeException e) {
                json = MAPPER.createObjectNode();
            }
            throw new NodeClientException(resp.statusCode(), json.path("error").asText("HTTP_" + resp.statusCode()),
                    json.path("message").asText("HTTP " + resp.statusCode() + " from " + uri));
        }
        return resp.body();
    }

    /**
     * Sends one request. A connection that fails after it was made, before any answer (a kept-alive
     * connection the node closed as it was reused: "received no bytes", a reset), is tried once more on a
     * new one, signed afresh: every request of this client may be repeated (reads, queries, signed
     * transactions). A node that cannot be connected to, or does not answer in time, is not retried here.
     */
    private HttpResponse<byte[]> exchange(String method, URI uri, byte[] body, String contentType, String accept,
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
