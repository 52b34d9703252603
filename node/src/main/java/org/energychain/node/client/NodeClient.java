package org.energychain.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.api.NodeIdentity;
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
 *
 * <p>This class is the entry point; the work is done by its parts: {@link NodeTransport} (addresses,
 * signing, failover), {@link Submissions} (transactions, nonces, receipts) and {@link TradingRequests}
 * (the catalogue, market deliveries).
 */
public final class NodeClient {
    /** Largest body of one batch request; longer lists go as several (a node takes 8 MiB by default). */
    public static final int MAX_BATCH_BYTES = 4 << 20;

    private final NodeTransport transport;
    private final Submissions submissions;
    private final TradingRequests trading;

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
        this(new NodeTransport(addresses));
    }

    private NodeClient(NodeTransport transport) {
        this.transport = transport;
        this.submissions = new Submissions(transport);
        this.trading = new TradingRequests(transport);
    }

    /** A client that signs its requests as {@code member} with {@code key} (the member's chain key). */
    public NodeClient signedAs(String memberId, PrivateKey privateKey) {
        return new NodeClient(transport.signedAs(memberId, privateKey));
    }

    /** The same client with another request timeout, or another clock for the {@code X-EC-Time} header. */
    public NodeClient with(Duration requestTimeout, Clock requestClock) {
        return new NodeClient(transport.with(requestTimeout, requestClock));
    }

    /**
     * The same client speaking HTTPS to nodes whose certificate is pinned in {@code trust} (a node's
     * {@code tls.crt}, or every node certificate of a genesis), and to no other: the certificate is the
     * node's identity, no authority or host name is consulted.
     */
    public NodeClient trusting(org.energychain.crypto.tls.PinnedTrust trust) {
        return new NodeClient(transport.trusting(trust));
    }

    /** The same client (signer, timeout, clock) talking to {@code address} only: no failover. */
    public NodeClient at(URI address) {
        return new NodeClient(transport.at(address));
    }

    /** The address requests go to first now: the one that answered last. */
    public URI base() {
        return transport.bases.get(transport.current.get());
    }

    /** Every address, in the order they are tried. */
    public List<URI> addresses() {
        return transport.bases;
    }

    public JsonNode chains() {
        return transport.send(new NodeTransport.Call(null, "GET", "/chains", null, null, NodeTransport.JSON));
    }

    /**
     * Who the node this client talks to is on {@code chain} (its genesis hash and member), as that node
     * lists it in {@code GET /chains}; asked once per chain and address. Signed requests are addressed to it.
     */
    public NodeIdentity identity(String chain) {
        return transport.identity(chain);
    }

    // ---- the chain: status, blocks, transactions, queries ------------------------------------------

    public JsonNode status(String chain) {
        return transport.get(chain, chainPath(chain) + "/status");
    }

    public JsonNode block(String chain, long height) {
        return transport.get(chain, chainPath(chain) + "/blocks/" + height);
    }

    /** The block at {@code height}, decoded from its canonical encoding (for checks independent of the JSON view). */
    /** A block as the node stores it: its canonical encoding, fetched as such (no JSON rendering). */
    public org.energychain.ledger.block.Block rawBlock(String chain, long height, int digestLength) {
        return org.energychain.ledger.block.Block.decode(blockBytes(chain, height), digestLength);
    }

    /** The canonical encoding of the block at {@code height} (docs/api.md, {@code Accept: application/octet-stream}). */
    public byte[] blockBytes(String chain, long height) {
        return transport.getBinary(chain, chainPath(chain) + "/blocks/" + height);
    }

    public JsonNode latestBlock(String chain) {
        return transport.get(chain, chainPath(chain) + "/blocks/latest");
    }

    public JsonNode blockByHash(String chain, String hashHex) {
        return transport.get(chain, chainPath(chain) + "/blocks/by-hash/" + hashHex);
    }

    public JsonNode transaction(String chain, String txId) {
        return transport.get(chain, chainPath(chain) + "/transactions/" + txId);
    }

    /** Runs a query method; returns the result bytes. */
    public byte[] query(String chain, String contract, String method, byte[] args) {
        ObjectNode body = NodeTransport.MAPPER.createObjectNode().put("contract", contract).put("method", method)
                .put("args", Hex.encode(args));
        try {
            return Hex.decode(transport.send(new NodeTransport.Call(chain, "POST", chainPath(chain) + "/query", null,
                    NodeTransport.MAPPER.writeValueAsBytes(body), NodeTransport.JSON)).path("result").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- transactions: submissions, nonces, receipts ------------------------------------------------

    /** The receipt, or empty while the transaction is not committed (or unknown). */
    public Optional<JsonNode> receipt(String chain, String txId) {
        return submissions.receipt(chain, txId);
    }

    /** The member's next nonce in committed state (transactions still pending are not counted). */
    public long nextNonce(String chain, String memberId) {
        return submissions.nextNonce(chain, memberId);
    }

    /**
     * Submits one transaction as its raw encoding; with {@code wait} the node holds the answer until the
     * receipt is there or its wait timeout passes. When the request failed over and the next node answers
     * {@code REPLAYED} because the transaction is committed already, the answer is its receipt.
     */
    public SubmitResult submit(String chain, Transaction tx, boolean wait) {
        return submissions.submit(chain, tx, wait);
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
        return submissions.submitBatch(chain, txs, wait);
    }

    /** Polls for the receipt until {@code max} passes. */
    public JsonNode awaitReceipt(String chain, String txId, Duration max) {
        return submissions.awaitReceipt(chain, txId, max);
    }

    // ---- trading: the platform's catalogue, market deliveries ---------------------------------------

    /** A catalogue search on a platform node; {@code params} as in docs/api.md ("Catalogue"). */
    public JsonNode catalogSearch(String chain, java.util.Map<String, String> params) {
        return trading.catalogSearch(chain, params);
    }

    /** The children (with counts) of a directory path on a platform node. */
    public JsonNode catalogTree(String chain, String path) {
        return trading.catalogTree(chain, path);
    }

    /** One listing of the catalogue, by id. */
    public JsonNode catalogListing(String chain, String id) {
        return trading.catalogListing(chain, id);
    }

    /** Asks the platform to rebuild its directory from the chain and compare. */
    public JsonNode catalogVerify(String chain) {
        return trading.catalogVerify(chain);
    }

    /**
     * GETs the sealed package of {@code trade} from a seller's delivery endpoint (as its listing names
     * it), signed as this client's member and addressed to {@code seller} on {@code chain}, whose genesis
     * hash this client takes from its own node. The endpoint must be exactly a delivery path of that chain
     * ({@link DeliveryEndpoint}); a captured request is then good for nothing but this delivery, at the
     * seller's node, once. At most {@code maxBytes} are read (a package's length is known from its trade:
     * {@link DeliveryReceipt}), all within this client's request timeout.
     *
     * @throws IllegalArgumentException when the endpoint is not a delivery path of {@code chain}
     * @throws NodeClientException {@code TOO_LARGE}, {@code TIMEOUT}, {@code UNREACHABLE}, or the seller's refusal
     */
    public byte[] fetchDelivery(String chain, String seller, URI endpoint, String trade, long maxBytes) {
        return trading.fetchDelivery(chain, seller, endpoint, trade, maxBytes);
    }

    /**
     * {@link #fetchDelivery(String, String, URI, String, long)} addressed to {@code seller} (chain, genesis
     * hash and the trade's seller) as the caller knows it: for a node fetching for its own member.
     */
    public byte[] fetchDelivery(NodeIdentity seller, URI endpoint, String trade, long maxBytes) {
        return trading.fetchDelivery(seller, endpoint, trade, maxBytes);
    }

    private static String chainPath(String chain) {
        return NodeTransport.chainPath(chain);
    }
}
