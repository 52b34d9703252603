package org.energychain.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.store.TxLocation;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.BlockStream;
import org.energychain.node.api.JsonViews;

/**
 * What the network page shows of the chains this node runs: each chain's height, final height and
 * finality lag, leader and peers; recent blocks with their transactions and result codes; and a search
 * by block height, block hash or transaction id. Read straight from the node's chains.
 */
final class NetworkViews {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private final Node node;

    NetworkViews(Node node) {
        this.node = node;
    }

    /** The organisation the console acts for: the member this node runs as (one per chain, normally one). */
    String organisation() {
        TreeSet<String> members = new TreeSet<>();
        node.chains().forEach(c -> members.add(c.member()));
        return String.join(", ", members);
    }

    /**
     * Every chain of the node, each with how the console's live stream of it is doing ({@code stats}: its
     * subscribers, the most blocks waiting for one of them now and at most so far, and how many were dropped).
     */
    ObjectNode network(Function<String, Optional<BlockStream.Stats>> stats) {
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("organisation", organisation());
        ArrayNode chains = out.putArray("chains");
        for (HostedChain c : node.chains()) {
            ObjectNode n = chain(c);
            stats.apply(c.id()).ifPresent(s -> n.putObject("events").put("subscribers", s.subscribers())
                    .put("queuedNow", s.queuedNow()).put("queuedPeak", s.queuedPeak()).put("dropped", s.dropped()).put("backlog", s.backlog()));
            chains.add(n);
        }
        return out;
    }

    private static ObjectNode chain(HostedChain c) {
        long height = c.chain().store().height();
        ObjectNode n = JsonViews.MAPPER.createObjectNode().put("id", c.id()).put("private", c.genesis().isPrivate())
                .put("suite", c.genesis().suite()).put("member", c.member()).put("height", height)
                .put("pending", c.chain().pending());
        n.set("health", JsonViews.health(c.chain().health()));
        ArrayNode roles = n.putArray("roles");
        c.genesis().member(c.member()).ifPresent(m -> m.roles().stream().sorted().forEach(roles::add));
        ArrayNode contracts = n.putArray("contracts");
        c.genesis().contracts().forEach(contracts::add);
        if (c.replicated().isPresent()) {
            var r = c.replicated().get();
            n.put("finalHeight", r.finalHeight()).put("finalityLag", Math.max(0, height - r.finalHeight()))
                    .put("leader", r.leader().orElse(null)).put("isLeader", r.isLeader()).put("term", r.term())
                    .put("ordering", "replicated");
        } else {
            n.put("finalHeight", height).put("finalityLag", 0)
                    .put("leader", c.genesis().validators().get(0).nodeId()).put("isLeader", true)
                    .put("ordering", "alone");
        }
        ArrayNode peers = n.putArray("peers");
        for (NodeInfo p : c.genesis().nodes()) {
            peers.addObject().put("node", p.id()).put("org", p.org()).put("address", p.address())
                    .put("validator", c.genesis().validator(p.id()).isPresent());
        }
        if (height > 0) {
            c.chain().store().block(height).ifPresent(b -> n.put("lastBlockTime", b.header().time().toString()));
        }
        return n;
    }

    /** The latest {@code limit} blocks, newest first, each with its transactions' ids, calls and result codes. */
    ObjectNode recentBlocks(HostedChain c, int limit) {
        long height = c.chain().store().height();
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", c.id()).put("height", height);
        ArrayNode blocks = out.putArray("blocks");
        for (long h = height; h >= 1 && h > height - limit; h--) {
            Optional<Block> b = c.chain().store().block(h);
            b.ifPresent(x -> blocks.add(summary(x, hash(c))));
        }
        return out;
    }

    /** One block with its transactions and their results (codes and messages). */
    ObjectNode block(HostedChain c, String heightText) {
        long height;
        try {
            height = Long.parseLong(heightText);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "MALFORMED", "a block height is a whole number, got '" + heightText + "'");
        }
        Block b = c.chain().store().block(height).orElseThrow(() -> new ApiError(404, "NOT_FOUND", "chain " + c.id()
                + " has no block " + height + " (height " + c.chain().store().height() + ")"));
        return full(b, hash(c));
    }

    /**
     * A block height, a block hash or a transaction id (64 hex digits): what it names on chain {@code c},
     * as {@code {"kind": "block"|"transaction", ...}}; 404 when nothing.
     */
    ObjectNode search(HostedChain c, String q) {
        if (q.isEmpty() || q.length() > 100) {
            throw new ApiError(400, "MALFORMED", "search for a block height, a block hash or a transaction id");
        }
        if (q.chars().allMatch(Character::isDigit) && q.length() < 19) {
            ObjectNode n = block(c, q);
            return JsonViews.MAPPER.createObjectNode().put("kind", "block").set("block", n);
        }
        if (!HEX64.matcher(q).matches()) {
            throw new ApiError(400, "MALFORMED", "'" + q + "' is neither a block height nor 64 hex digits of a "
                    + "block hash or transaction id");
        }
        byte[] id = Hex.decode(q.toLowerCase(java.util.Locale.ROOT));
        Optional<TxLocation> loc = c.chain().store().locate(id);
        if (loc.isPresent()) {
            Block b = c.chain().store().block(loc.get().height()).orElseThrow();
            ObjectNode t = JsonViews.transaction(b.transactions().get(loc.get().index()), hash(c));
            t.put("height", loc.get().height()).put("index", loc.get().index());
            t.set("result", JsonViews.result(b.results().get(loc.get().index())));
            return JsonViews.MAPPER.createObjectNode().put("kind", "transaction").set("transaction", t);
        }
        Optional<Block> b = c.chain().store().blockByHash(id);
        if (b.isPresent()) {
            return JsonViews.MAPPER.createObjectNode().put("kind", "block").set("block", full(b.get(), hash(c)));
        }
        throw new ApiError(404, "NOT_FOUND", "chain " + c.id() + " has no block or committed transaction " + q);
    }

    /** What the live stream says of a block: height, hash, time, proposer and number of transactions. */
    static ObjectNode header(Block b, HashFunction hash) {
        return JsonViews.MAPPER.createObjectNode().put("height", b.height())
                .put("hash", Hex.encode(b.header().hash(hash))).put("time", b.header().time().toString())
                .put("proposer", b.header().proposer()).put("txCount", b.header().txCount());
    }

    private static ObjectNode summary(Block b, HashFunction hash) {
        ObjectNode n = header(b, hash);
        ArrayNode txs = n.putArray("transactions");
        for (int i = 0; i < b.transactions().size(); i++) {
            var t = b.transactions().get(i);
            var r = b.results().get(i);
            txs.addObject().put("id", Hex.encode(t.id(hash))).put("sender", t.sender()).put("contract", t.contract())
                    .put("method", t.method()).put("code", r.code()).put("message", r.message());
        }
        return n;
    }

    private static ObjectNode full(Block b, HashFunction hash) {
        ObjectNode n = summary(b, hash);
        n.put("previousHash", Hex.encode(b.header().previousHash()));
        return n;
    }

    private static HashFunction hash(HostedChain c) {
        return c.genesis().cryptoSuite().hash();
    }
}
