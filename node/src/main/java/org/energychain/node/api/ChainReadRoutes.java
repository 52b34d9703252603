package org.energychain.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Nonces;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.store.TxLocation;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.config.NodeConfig;

/**
 * The API's reads of a chain (its list, health, status, blocks, transactions, receipts, nonces, contract
 * queries and the block event stream), apart from the server's plumbing (TLS, authentication, errors)
 * and from submissions.
 */
final class ChainReadRoutes {
    private final Node node;
    private final NodeConfig.Http http;
    private final Map<String, BlockStream> streams;
    /**
     * Each chain's genesis part of its status, made once: a node hosts one genesis per chain id for its whole
     * life, and encoding and hashing it again on every poll (monitors poll many times a second) was nearly
     * half of the route's work. Its nodes are shared by the answers and never changed.
     */
    private final Map<String, ObjectNode> genesisSummaries = new java.util.concurrent.ConcurrentHashMap<>();

    ChainReadRoutes(Node node, NodeConfig.Http http, Map<String, BlockStream> streams) {
        this.node = node;
        this.http = http;
        this.streams = streams;
    }

    /** The node's chains and health, a chain's status and blocks. */
    void registerChains(Routes route) {
        route.route(HandlerType.GET, "/chains", this::listChains);
        route.route(HandlerType.GET, "/health", this::health);
        route.route(HandlerType.GET, "/chains/{chain}/status", this::status);
        route.route(HandlerType.GET, "/chains/{chain}/blocks/{height}", this::blockByHeight);
        route.route(HandlerType.GET, "/chains/{chain}/blocks/by-hash/{hash}", this::blockByHash);
    }

    /** Transactions, receipts, nonces, queries and the event stream. */
    void registerRecords(Routes route) {
        route.route(HandlerType.GET, "/chains/{chain}/transactions/{id}", this::transaction);
        route.route(HandlerType.GET, "/chains/{chain}/receipts/{id}", this::receipt);
        route.route(HandlerType.GET, "/chains/{chain}/members/{member}/nonce", this::nonce);
        route.route(HandlerType.POST, "/chains/{chain}/query", this::query);
        route.route(HandlerType.GET, "/chains/{chain}/events", this::events);
    }

    private void listChains(Context ctx) {
        ObjectNode out = JsonViews.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("chains");
        for (HostedChain c : node.chains()) {
            ObjectNode n = list.addObject().put("id", c.id()).put("private", c.genesis().isPrivate())
                    .put("genesis", Hex.encode(c.genesis().hash())).put("node", c.member());
            if (!c.genesis().isPrivate()) {
                n.put("height", c.chain().store().height());
            }
        }
        ctx.json(out);
    }

    /**
     * 200 when every chain of the node commits, 503 when one is halted. Public chains are named with the
     * reason; a private chain is only counted, so that nobody learns of its activity.
     */
    private void health(Context ctx) {
        ObjectNode out = JsonViews.MAPPER.createObjectNode();
        ArrayNode halted = out.putArray("halted");
        int privateHalted = 0;
        for (HostedChain c : node.chains()) {
            org.energychain.ledger.ChainHealth h = c.chain().health();
            if (h.isOk()) {
                continue;
            }
            if (c.genesis().isPrivate()) {
                privateHalted++;
            } else {
                halted.add(JsonViews.health(h).put("chain", c.id()));
            }
        }
        boolean ok = halted.isEmpty() && privateHalted == 0;
        out.put("status", ok ? "ok" : "halted").put("privateChainsHalted", privateHalted);
        ctx.status(ok ? 200 : 503).json(out);
    }

    private void status(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        ObjectNode n = JsonViews.MAPPER.createObjectNode();
        n.setAll(genesisSummaries.computeIfAbsent(c.id(), id -> JsonViews.genesisSummary(c.genesis())));
        long height = c.chain().store().height();
        n.put("height", height).put("pending", c.chain().pending()).put("nodeMember", c.member());
        n.set("health", JsonViews.health(c.chain().health()));
        n.put("finalHeight", c.replicated().map(r -> r.finalHeight()).orElse(height));
        c.replicated().ifPresent(r -> {
            ObjectNode net = n.putObject("network");
            net.put("node", r.self()).put("leader", r.leader().orElse(null)).put("isLeader", r.isLeader())
                    .put("term", r.term()).put("finalHeight", r.finalHeight())
                    .put("finalityLag", Math.max(0, height - r.finalHeight())).put("refusedBlocks", r.refusedBlocks())
                    .put("fetchedBlocks", r.fetchedBlocks()).put("resentTransactions", r.resent().transactions())
                    .put("resendRoundsDeferred", r.resent().deferredRounds())
                    .put("signaturesVerifiedAhead", r.verifiedAhead().signatures())
                    .put("blocksVerifiedAhead", r.verifiedAhead().blocks());
            // the roster in force (the genesis one, or as the validators contract changed it)
            org.energychain.ledger.genesis.Roster roster = c.chain().rosterNext();
            ArrayNode peers = net.putArray("peers");
            for (org.energychain.ledger.genesis.NodeInfo p : roster.nodes()) {
                peers.addObject().put("node", p.id()).put("org", p.org()).put("address", p.address())
                        .put("validator", roster.validator(p.id()).isPresent());
            }
            net.put("raftVoters", String.join(",", r.raftVoters()));
        });
        if (height > 0) {
            Block b = c.chain().store().block(height).orElseThrow();
            n.put("lastBlockHash", Hex.encode(b.header().hash(hash(c)))).put("lastBlockTime", b.header().time().toString());
        }
        ctx.json(n);
    }

    private void blockByHeight(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        String h = ctx.pathParam("height");
        long height = h.equals("latest") ? c.chain().store().height() : parseLong(h, "height");
        Block b = c.chain().store().block(height).orElseThrow(() -> new ApiError(404, "NOT_FOUND", "chain " + c.id()
                + " has no block " + h + " (height " + c.chain().store().height() + ")"));
        String accept = ctx.header("Accept");
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(SubmissionRoutes.BINARY)) {
            // the block's canonical encoding, for clients that decode it themselves (no JSON of every transaction)
            ctx.header("EC-Final", Boolean.toString(isFinal(c, b.height()))).contentType(SubmissionRoutes.BINARY).result(b.encode());
            return;
        }
        ctx.json(withFinality(c, JsonViews.block(b, hash(c)), b.height()));
    }

    /** Adds {@code final} and, when stored, the finality certificate (hex of its encoding) to a block view. */
    private static ObjectNode withFinality(HostedChain c, ObjectNode view, long height) {
        java.util.Optional<byte[]> cert = c.chain().store().certificate(height);
        view.put("final", isFinal(c, height));
        cert.ifPresent(x -> view.put("certificate", Hex.encode(x)));
        return view;
    }

    /** Whether the block at {@code height} is final on this node (a chain that is not replicated: always). */
    private static boolean isFinal(HostedChain c, long height) {
        return c.replicated().map(r -> r.finalHeight() >= height).orElse(true);
    }

        private void blockByHash(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        byte[] h = ApiServer.hex(ctx.pathParam("hash"), "hash");
        Block b = c.chain().store().blockByHash(h).orElseThrow(() -> new ApiError(404, "NOT_FOUND", "chain " + c.id()
                + " has no block with hash " + ctx.pathParam("hash")));
        ctx.json(JsonViews.block(b, hash(c)));
    }

    private void transaction(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        byte[] id = ApiServer.hex(ctx.pathParam("id"), "transaction id");
        TxLocation loc = c.chain().store().locate(id).orElseThrow(() -> new ApiError(404, "NOT_FOUND",
                "no committed transaction " + ctx.pathParam("id") + " on chain " + c.id()));
        Block b = c.chain().store().block(loc.height()).orElseThrow();
        ObjectNode n = JsonViews.transaction(b.transactions().get(loc.index()), hash(c));
        n.put("height", loc.height()).put("index", loc.index())
                .put("tx", Hex.encode(b.transactions().get(loc.index()).encode()));
        n.set("result", JsonViews.result(b.results().get(loc.index())));
        ctx.json(n);
    }

    private void receipt(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        byte[] id = ApiServer.hex(ctx.pathParam("id"), "transaction id");
        Receipt r = c.chain().receipt(id).orElseThrow(() -> new ApiError(404, "NOT_FOUND",
                "no receipt for " + ctx.pathParam("id") + " on chain " + c.id() + " (unknown or not committed yet)"));
        ObjectNode view = JsonViews.receipt(r, blockHash(c, r.height()));
        view.put("final", isFinal(c, r.height()));
        ctx.json(view);
    }

    private void nonce(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        String member = ctx.pathParam("member");
        if (c.genesis().member(member).isEmpty()) {
            throw new ApiError(404, "NOT_FOUND", member + " is not a member of chain " + c.id());
        }
        ctx.json(JsonViews.MAPPER.createObjectNode().put("member", member)
                .put("next", Nonces.next(c.chain().store(), member)));
    }

    private void query(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        JsonNode body = jsonBody(ctx);
        String contract = ApiServer.text(body, "contract");
        String method = ApiServer.text(body, "method");
        byte[] args = body.hasNonNull("args") ? ApiServer.hex(ApiServer.text(body, "args"), "args") : new byte[0];
        Member caller = ctx.attribute(ApiServer.CALLER);
        boolean anonymous = caller == null;
        if (anonymous) {
            caller = new Member("anonymous", Set.of(), new org.energychain.crypto.sign.PublicKey(
                    c.genesis().cryptoSuite().signatures().name(), new byte[0]));
        }
        Optional<Rejection> r = c.checkQuery(contract, method, caller);
        if (r.isPresent()) {
            if (anonymous && r.get().reason() == Rejection.Reason.UNAUTHORISED) {
                throw new ApiError(401, "UNAUTHENTICATED", r.get().message() + "; sign the request as a member");
            }
            throw new ApiError(ApiServer.statusOf(r.get().reason()), r.get().reason().name(), r.get().message());
        }
        try {
            byte[] result = c.chain().query(contract, method, args, caller);
            ctx.json(JsonViews.MAPPER.createObjectNode().put("result", Hex.encode(result))
                    .put("height", c.chain().store().height()));
        } catch (ContractException e) {
            ctx.status(422).json(JsonViews.error("CONTRACT_REJECTED", e.getMessage()).put("code", e.code()));
        }
    }

    private void events(Context ctx) {
        HostedChain c = ApiServer.chainOf(node, ctx);
        long from = ctx.queryParam("from") != null ? parseLong(ctx.queryParam("from"), "from")
                : ctx.header("Last-Event-ID") != null ? parseLong(ctx.header("Last-Event-ID"), "Last-Event-ID") + 1
                : c.chain().store().height() + 1;
        streams.get(c.id()).subscribe(ctx, from);
    }

    private static HashFunction hash(HostedChain c) {
        return c.genesis().cryptoSuite().hash();
    }

    private static byte[] blockHash(HostedChain c, long height) {
        return c.chain().store().block(height).map(b -> b.header().hash(hash(c))).orElse(null);
    }

    private static long parseLong(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "MALFORMED", what + " must be a whole number, got '" + s + "'");
        }
    }

    private JsonNode jsonBody(Context ctx) {
        return ApiServer.jsonObject(RequestBody.of(ctx, http.maxBodyBytes()));
    }
}
