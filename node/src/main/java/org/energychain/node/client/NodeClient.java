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
import java.util.Optional;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.crypto.sign.SignatureSchemes;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.api.NodeIdentity;
import org.energychain.node.api.RequestSigning;

/**
 * A Java client of a node's REST API (docs/api.md) over {@code java.net.http}. With {@link #signedAs} it
 * signs every request to a chain, as private chains require, addressed to the node it was created for:
 * the node's identity on a chain (genesis hash, member) comes from that node's {@code GET /chains}, and a
 * request is only ever signed for this client's own base URL, except a market delivery, which is
 * addressed to the trade's seller and fetched only from a delivery path of the trading chain
 * ({@link #fetchDelivery}). Refusals are {@link NodeClientException}s carrying the API's status and
 * reason code. Thread-safe.
 */
public final class NodeClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** One connection pool for every client of the process, so that short-lived clients reuse connections. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final java.util.Map<String, NodeIdentity> identities = new java.util.concurrent.ConcurrentHashMap<>();
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

    public NodeClient(URI base) {
        this(base, Duration.ofSeconds(30), Clock.systemUTC(), null, null, HTTP);
    }

    private NodeClient(URI base, Duration timeout, Clock clock, String member, PrivateKey key, HttpClient http) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.timeout = timeout;
        this.clock = clock;
        this.member = member;
        this.key = key;
        this.scheme = key == null ? null : SignatureSchemes.byName(key.scheme());
        this.http = http;
    }

    /** A client that signs its requests as {@code member} with {@code key} (the member's chain key). */
    public NodeClient signedAs(String memberId, PrivateKey privateKey) {
        return new NodeClient(base, timeout, clock, memberId, privateKey, http);
    }

    /** The same client with another request timeout, or another clock for the {@code X-EC-Time} header. */
    public NodeClient with(Duration requestTimeout, Clock requestClock) {
        return new NodeClient(base, requestTimeout, requestClock, member, key, http);
    }

    /**
     * The same client speaking HTTPS to nodes whose certificate is pinned in {@code trust} (a node's
     * {@code tls.crt}, or every node certificate of a genesis), and to no other: the certificate is the
     * node's identity, no authority or host name is consulted.
     */
    public NodeClient trusting(org.energychain.crypto.tls.PinnedTrust trust) {
        return new NodeClient(base, timeout, clock, member, key, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .sslContext(org.energychain.crypto.tls.TlsContexts.client(trust)).build());
    }

    public URI base() {
        return base;
    }

    public JsonNode chains() {
        return send(null, "GET", "/chains", null, null);
    }

    /**
     * Who this client's node is on {@code chain} (its genesis hash and member), as the node lists it in
     * {@code GET /chains}; asked once per chain. Signed requests are addressed to it.
     */
    public NodeIdentity identity(String chain) {
        NodeIdentity known = identities.get(chain);
        if (known != null) {
            return known;
        }
        for (JsonNode c : chains().path("chains")) {
            if (c.path("id").asText().equals(chain)) {
                if (!c.path("genesis").isTextual() || !c.path("node").isTextual()) {
                    throw new NodeClientException(0, "BAD_RESPONSE", "the node at " + base
                            + " does not say who it is on chain " + chain + " (genesis, node in GET /chains)");
                }
                NodeIdentity id = new NodeIdentity(chain, c.path("genesis").asText(), c.path("node").asText());
                identities.put(chain, id);
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
        return send(chain, "GET", chainPath(chain) + "/catalog/listings", queryString(params), null);
    }

    /** The children (with counts) of a directory path on a platform node. */
    public JsonNode catalogTree(String chain, String path) {
        return send(chain, "GET", chainPath(chain) + "/catalog/tree", queryString(java.util.Map.of("path", path)), null);
    }

    /** One listing of the catalogue, by id. */
    public JsonNode catalogListing(String chain, String id) {
        return send(chain, "GET", chainPath(chain) + "/catalog/listing", queryString(java.util.Map.of("id", id)), null);
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

    /** Submits; with {@code wait} the node holds the answer until the receipt is there or its wait timeout passes. */
    public SubmitResult submit(String chain, Transaction tx, boolean wait) {
        ObjectNode body = MAPPER.createObjectNode().put("tx", Hex.encode(tx.encode()));
        JsonNode r = send(chain, "POST", chainPath(chain) + "/transactions", wait ? "wait=true" : null, body);
        return new SubmitResult(r.path("txId").asText(), r.path("status").asText(), r.get("receipt"));
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
        return Hex.decode(send(chain, "POST", chainPath(chain) + "/query", null, body).path("result").asText());
    }

    private static String chainPath(String chain) {
        return "/chains/" + enc(chain);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode get(String chain, String path) {
        return send(chain, "GET", path, null, null);
    }

    /** Sends to this client's node; signed, and addressed to the node's identity on {@code chain}, when signing. */
    private JsonNode send(String chain, String method, String path, String query, JsonNode body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        URI uri = URI.create(base + path + (query == null ? "" : "?" + query));
        NodeIdentity target = key != null && chain != null ? identity(chain) : null;
        HttpResponse<byte[]> resp = exchange(method, uri, body == null ? null : bytes, "application/json", target);
        JsonNode json;
        try {
            json = resp.body().length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(resp.body());
        } catch (IOException e) {
            throw new NodeClientException(resp.statusCode(), "BAD_RESPONSE", "node answered " + resp.statusCode()
                    + " with a body that is not JSON");
        }
        if (resp.statusCode() >= 300) {
            throw new NodeClientException(resp.statusCode(), json.path("error").asText("HTTP_" + resp.statusCode()),
                    json.path("message").asText("HTTP " + resp.statusCode()));
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
        HttpResponse<byte[]> resp = exchange("GET", uri, null, "application/octet-stream, application/json", target);
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

    private HttpResponse<byte[]> exchange(String method, URI uri, byte[] body, String accept, NodeIdentity target) {
        byte[] bytes = body == null ? new byte[0] : body;
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            b.header("Content-Type", "application/json");
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
            throw new NodeClientException(0, "UNREACHABLE", "cannot reach " + uri.getScheme() + "://" + uri.getAuthority()
                    + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeClientException(0, "INTERRUPTED", "interrupted while calling " + uri);
        }
    }
}
