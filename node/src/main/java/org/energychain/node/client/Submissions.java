package org.energychain.node.client;

import static org.energychain.node.client.NodeTransport.BINARY;
import static org.energychain.node.client.NodeTransport.JSON;
import static org.energychain.node.client.NodeTransport.MAPPER;
import static org.energychain.node.client.NodeTransport.chainPath;
import static org.energychain.node.client.NodeTransport.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.api.TransactionBatch;
import org.energychain.node.client.NodeClient.BatchItem;
import org.energychain.node.client.NodeClient.SubmitResult;
import org.energychain.node.client.NodeTransport.Answer;
import org.energychain.node.client.NodeTransport.Call;

/**
 * The transaction part of the client: submitting one transaction or batches (sent again to the next node
 * when one cannot take them, a replay answered with the receipt), nonces and receipts.
 */
final class Submissions {
    private final NodeTransport t;

    Submissions(NodeTransport t) {
        this.t = t;
    }

    /** The receipt, or empty while the transaction is not committed (or unknown). */
    Optional<JsonNode> receipt(String chain, String txId) {
        try {
            return Optional.of(t.get(chain, chainPath(chain) + "/receipts/" + txId));
        } catch (NodeClientException e) {
            if (e.status() == 404 && "NOT_FOUND".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The member's next nonce in committed state (transactions still pending are not counted). */
    long nextNonce(String chain, String memberId) {
        return t.get(chain, chainPath(chain) + "/members/" + enc(memberId) + "/nonce").path("next").asLong();
    }

    /**
     * Submits one transaction as its raw encoding; with {@code wait} the node holds the answer until the
     * receipt is there or its wait timeout passes. When the request failed over and the next node answers
     * {@code REPLAYED} because the transaction is committed already, the answer is its receipt.
     */
    SubmitResult submit(String chain, Transaction tx, boolean wait) {
        Call call = new Call(chain, "POST", chainPath(chain) + "/transactions", wait ? "wait=true" : null, tx.encode(),
                BINARY, false);
        JsonNode r = t.failover((i, k) -> {
            try {
                return t.sendTo(t.bases.get(i), call);
            } catch (NodeClientException e) {
                Optional<JsonNode> committed = k > 0 && "REPLAYED".equals(e.code()) && e.txId() != null
                        ? receiptAt(t.bases.get(i), chain, e.txId()) : Optional.empty();
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

    /**
     * Submits transactions in batches ({@code POST .../transactions/batch}, at most
     * {@link TransactionBatch#MAX_TRANSACTIONS} and {@link NodeClient#MAX_BATCH_BYTES} per request, in order) and
     * answers one {@link BatchItem} per transaction, in order; a refused transaction does not fail the
     * others. With {@code wait} each request waits for its receipts (bounded by the node's wait
     * timeout; those not committed by then are {@code pending}). Transactions a node refuses as
     * {@code UNAVAILABLE} or {@code NOT_LEADER} are sent again, in order, to the next address.
     */
    List<BatchItem> submitBatch(String chain, List<Transaction> txs, boolean wait) {
        List<BatchItem> out = new ArrayList<>(txs.size());
        int from = 0;
        while (from < txs.size()) {
            int to = from;
            long bytes = 0;
            while (to < txs.size() && to - from < TransactionBatch.MAX_TRANSACTIONS
                    && (to == from || bytes + 4 + txs.get(to).size() <= NodeClient.MAX_BATCH_BYTES)) {
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
        int first = t.current.get();
        for (int round = 0; round < t.bases.size() && !todo.isEmpty(); round++) {
            List<Integer> sending = todo;
            byte[] body = TransactionBatch.encode(sending.stream().map(txs::get).toList());
            Call call = new Call(chain, "POST", chainPath(chain) + "/transactions/batch", wait ? "wait=true" : null,
                    body, BINARY, false);
            Answer<JsonNode> a = t.failover(first, (i, k) -> t.sendTo(t.bases.get(i), call));
            JsonNode results = a.value().path("results");
            if (!results.isArray() || results.size() != sending.size()) {
                throw new NodeClientException(0, "BAD_RESPONSE", "the node at " + t.bases.get(a.address()) + " answered "
                        + results.size() + " results for a batch of " + sending.size());
            }
            boolean resent = round > 0 || a.attempt() > 0;
            todo = new ArrayList<>();
            for (int j = 0; j < sending.size(); j++) {
                int index = sending.get(j);
                BatchItem it = item(index, results.get(j));
                if (resent && "REPLAYED".equals(it.error()) && it.txId() != null) {
                    Optional<JsonNode> r = receiptAt(t.bases.get(a.address()), chain, it.txId());
                    if (r.isPresent()) {
                        it = new BatchItem(index, it.txId(), "committed", null, null, 0, r.get());
                    }
                }
                out[index] = it;
                if (t.bases.size() > 1 && ("UNAVAILABLE".equals(it.error()) || "NOT_LEADER".equals(it.error()))) {
                    todo.add(index);
                }
            }
            first = (a.address() + 1) % t.bases.size();
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
            return Optional.of(t.sendTo(base, new Call(chain, "GET", chainPath(chain) + "/receipts/" + txId, null, null,
                    JSON)));
        } catch (NodeClientException e) {
            return Optional.empty();
        }
    }

    /** Polls for the receipt until {@code max} passes. */
    JsonNode awaitReceipt(String chain, String txId, Duration max) {
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
}
