package org.energychain.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.energychain.crypto.Hex;
import org.energychain.ledger.exec.BatchAdmission;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.SubmissionRoute;
import org.energychain.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submission endpoints (docs/api.md, "Submitting"): one transaction as JSON ({@code {"tx": hex}}) or
 * as its raw canonical encoding ({@code application/octet-stream}), and batches of up to
 * {@link TransactionBatch#MAX_TRANSACTIONS} in one binary request, so that HTTP and JSON are not what
 * limits a client. Every transaction goes through the node's {@link org.energychain.node.SubmissionRoute}.
 *
 * <p>A batch is admitted on the node's cores: its transactions are decoded in parallel, then each
 * sender's transactions are submitted in their order (nonces) while different senders' are submitted in
 * parallel, so that signature verification, the bulk of admission, runs on every core and once per
 * transaction. Each transaction gets its own answer; one bad transaction never fails the others.
 */
final class SubmissionRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionRoutes.class);
    static final String BINARY = "application/octet-stream";

    private final Node node;
    private final NodeConfig.Http http;
    private final ForkJoinPool admission;

    /** @param admission the bounded pool that admits batches (one thread per core) */
    SubmissionRoutes(Node node, NodeConfig.Http http, ForkJoinPool admission) {
        this.node = node;
        this.http = http;
        this.admission = admission;
    }

    void register(Routes r) {
        r.route(HandlerType.POST, "/chains/{chain}/transactions", this::submit);
        r.route(HandlerType.POST, "/chains/{chain}/transactions/batch", this::submitBatch);
    }

    private HostedChain chain(Context ctx) {
        String id = ctx.pathParam("chain");
        return node.chain(id).orElseThrow(() -> new ApiError(404, "UNKNOWN_CHAIN", "this node runs no chain " + id));
    }

    private static boolean binary(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(BINARY);
    }

    // ---- one transaction ------------------------------------------------------------------------

    private void submit(Context ctx) {
        HostedChain c = chain(ctx);
        long timeoutMs = waitMillis(ctx);
        byte[] encoded = binary(ctx) ? RequestBody.of(ctx, http.maxBodyBytes()) : hexOfJsonBody(ctx);
        Transaction tx;
        try {
            tx = decode(c, encoded);
        } catch (Refused e) {
            throw new ApiError(ApiServer.statusOf(e.rejection.reason()), e.rejection.reason().name(),
                    e.rejection.message());
        }
        Submission s = node.submissionRoute().submit(c, tx);
        if (!s.accepted()) {
            // rendered here rather than thrown: the answer names the transaction, so that a client that
            // resent it after a failover can look up its receipt when it is REPLAYED because committed
            Rejection r = s.rejection();
            if (r.reason() == Rejection.Reason.MEMPOOL_FULL || r.reason() == Rejection.Reason.UNAVAILABLE) {
                ctx.header("Retry-After", r.reason() == Rejection.Reason.MEMPOOL_FULL ? "1" : "5");
            }
            ctx.status(ApiServer.statusOf(r.reason())).json(JsonViews.error(r.reason().name(), r.message())
                    .put("txId", s.txId()));
            return;
        }
        ctx.header("Location", "/chains/" + c.id() + "/receipts/" + s.txId());
        ObjectNode pending = JsonViews.MAPPER.createObjectNode().put("txId", s.txId()).put("status", "pending");
        if (timeoutMs < 0) {
            ctx.status(202).json(pending);
            return;
        }
        // ?wait=final on a replicated chain: until a certificate covers the block, not only until it is committed
        boolean waitFinal = "final".equals(ctx.queryParam("wait")) && c.replicated().isPresent();
        CompletableFuture<Receipt> answer = waitFinal
                ? s.receipt().copy().thenCompose(r -> c.replicated().orElseThrow().whenFinal(r.height()).thenApply(h -> r))
                : s.receipt().copy();
        ctx.future(() -> answer.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).handle((r, e) -> {
            if (e == null) {
                ObjectNode done = JsonViews.MAPPER.createObjectNode().put("txId", s.txId()).put("status",
                        waitFinal ? "final" : "committed");
                done.set("receipt", JsonViews.receipt(r, blockHash(c, r.height(), new HashMap<>())));
                ctx.status(200).json(done);
            } else if (e instanceof TimeoutException || e.getCause() instanceof TimeoutException) {
                ctx.status(202).json(pending);
            } else {
                ctx.status(503).json(JsonViews.error("UNAVAILABLE", String.valueOf(e.getMessage())));
            }
            return null;
        }));
    }

    private byte[] hexOfJsonBody(Context ctx) {
        return transactionOfJson(RequestBody.of(ctx, http.maxBodyBytes()));
    }

    /** The encoded transaction of a JSON body {@code {"tx": hex}}; 400 {@code MALFORMED} for anything else. */
    static byte[] transactionOfJson(byte[] bytes) {
        JsonNode body;
        try {
            body = JsonViews.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ApiError(400, "MALFORMED", "body is not JSON: " + e.getMessage());
        }
        JsonNode txHex = body == null ? null : body.get("tx");
        if (txHex == null || !txHex.isTextual()) {
            throw new ApiError(400, "MALFORMED", "body must be {\"tx\": \"<hex of the encoded transaction>\"} or, as "
                    + BINARY + ", the encoded transaction");
        }
        try {
            return Hex.decode(txHex.asText());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", "not a transaction: " + e.getMessage());
        }
    }

    /** A transaction refused before it reaches the route (too large, not a transaction). */
    private static final class Refused extends Exception {
        final Rejection rejection;

        Refused(Rejection.Reason reason, String message) {
            super(message, null, false, false);
            this.rejection = new Rejection(reason, message);
        }
    }

    private static Transaction decode(HostedChain c, byte[] encoded) throws Refused {
        int max = c.genesis().limits().maxTxBytes();
        if (encoded.length > max) {
            throw new Refused(Rejection.Reason.OVERSIZED, "transaction of " + encoded.length
                    + " bytes exceeds the chain's limit of " + max);
        }
        try {
            return Transaction.decode(encoded);
        } catch (RuntimeException e) {
            throw new Refused(Rejection.Reason.MALFORMED, "not a transaction: " + e.getMessage());
        }
    }

    // ---- batches --------------------------------------------------------------------------------

    private void submitBatch(Context ctx) {
        HostedChain c = chain(ctx);
        if (!binary(ctx)) {
            throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "a batch is sent as " + BINARY + ": the "
                    + TransactionBatch.TAG + " encoding (docs/api.md), not " + ctx.contentType());
        }
        long timeoutMs = waitMillis(ctx);
        List<byte[]> items;
        try {
            items = TransactionBatch.decode(RequestBody.of(ctx, http.maxBodyBytes()));
        } catch (TransactionBatch.TooManyException e) {
            throw new ApiError(413, "BATCH_TOO_LARGE", e.getMessage());
        } catch (TransactionBatch.FrameException e) {
            throw new ApiError(400, "MALFORMED", e.getMessage());
        }
        Admitted[] answers = admit(c, items);
        if (timeoutMs < 0) {
            ctx.status(200).json(render(c, answers, null));
            return;
        }
        List<CompletableFuture<Receipt>> waiting = new ArrayList<>();
        for (Admitted a : answers) {
            if (a.submission != null && a.submission.accepted()) {
                waiting.add(a.submission.receipt());
            }
        }
        ctx.future(() -> CompletableFuture.allOf(waiting.stream().map(CompletableFuture::copy)
                .toArray(CompletableFuture[]::new)).orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .handle((v, e) -> {
                    ctx.status(200).json(render(c, answers, new HashMap<>()));
                    return null;
                }));
    }

    /** What became of one item of a batch: refused before the route, or the route's submission. */
    private record Admitted(Rejection refused, Submission submission) {
    }

    private Admitted[] admit(HostedChain c, List<byte[]> items) {
        int n = items.size();
        Transaction[] txs = new Transaction[n];
        Admitted[] answers = new Admitted[n];
        admission.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            try {
                txs[i] = decode(c, items.get(i));
            } catch (Refused e) {
                answers[i] = new Admitted(e.rejection, null);
            }
        })).join();
        // admitted (each sender's in order, senders in parallel), then handed over together
        SubmissionRoute route = node.submissionRoute();
        Submission[] admitted = BatchAdmission.admit(admission, txs, tx -> admitOne(route, c, tx));
        Submission[] out = route.handOver(c, txs, admitted);
        for (int i = 0; i < n; i++) {
            if (out[i] != null) {
                answers[i] = new Admitted(null, out[i]);
            }
        }
        return answers;
    }

    private Submission admitOne(SubmissionRoute route, HostedChain c, Transaction tx) {
        try {
            return route.admitOfBatch(c, tx);
        } catch (RuntimeException e) {
            LOG.error("chain={} submitting {} of a batch failed", c.id(), tx, e);
            return new Submission(Hex.encode(tx.id(c.genesis().cryptoSuite().hash())), new Rejection(
                    Rejection.Reason.UNAVAILABLE, "the node could not admit it: " + e), CompletableFuture.failedFuture(e));
        }
    }

    /**
     * The answer to a batch, per transaction in order. With {@code blocks} (after waiting) an accepted
     * transaction whose receipt is there is {@code committed}; one whose wait failed (the chain closed)
     * is rejected as {@code UNAVAILABLE}.
     */
    private static ObjectNode render(HostedChain c, Admitted[] answers, Map<Long, byte[]> blocks) {
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", c.id()).put("count", answers.length);
        ArrayNode results = JsonViews.MAPPER.createArrayNode();
        int accepted = 0;
        int committed = 0;
        for (int i = 0; i < answers.length; i++) {
            Admitted a = answers[i];
            ObjectNode item = results.addObject().put("index", i);
            Rejection refused = a.refused;
            if (refused == null) {
                Submission s = a.submission;
                item.put("txId", s.txId());
                refused = s.rejection();
                CompletableFuture<Receipt> f = s.receipt();
                if (refused == null && blocks != null && f.isDone()) {
                    if (f.isCompletedExceptionally()) {
                        refused = new Rejection(Rejection.Reason.UNAVAILABLE, "admitted, but the chain stopped before "
                                + "it was committed; send it again");
                    } else {
                        Receipt r = f.join();
                        item.put("status", "committed").set("receipt", JsonViews.receipt(r, blockHash(c, r.height(),
                                blocks)));
                        accepted++;
                        committed++;
                        continue;
                    }
                }
            }
            if (refused == null) {
                item.put("status", "pending");
                accepted++;
            } else {
                item.put("status", "rejected").put("error", refused.reason().name()).put("message", refused.message())
                        .put("httpStatus", ApiServer.statusOf(refused.reason()));
            }
        }
        out.put("accepted", accepted).put("rejected", answers.length - accepted).put("committed", committed);
        out.set("results", results);
        return out;
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * How long {@code ?wait=true} (or {@code ?wait=final}) may hold the answer (ms), bounded by the node's wait
     * timeout; -1 without wait.
     */
    private long waitMillis(Context ctx) {
        String wait = ctx.queryParam("wait");
        if (!"true".equals(wait) && !"final".equals(wait)) {
            return -1;
        }
        long timeoutMs = http.waitTimeout().toMillis();
        String asked = ctx.queryParam("timeout-ms");
        if (asked != null) {
            try {
                timeoutMs = Math.max(0, Math.min(timeoutMs, Long.parseLong(asked)));
            } catch (NumberFormatException e) {
                throw new ApiError(400, "MALFORMED", "timeout-ms must be a whole number, got '" + asked + "'");
            }
        }
        return timeoutMs;
    }

    private static byte[] blockHash(HostedChain c, long height, Map<Long, byte[]> known) {
        return known.computeIfAbsent(height, h -> c.chain().store().block(h)
                .map(b -> b.header().hash(c.genesis().cryptoSuite().hash())).orElse(null));
    }
}
