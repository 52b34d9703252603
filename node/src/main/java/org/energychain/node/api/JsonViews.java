package org.energychain.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;

/** JSON renderings of ledger values for the REST API: bytes as lower-case hex, times as ISO-8601 UTC. */
public final class JsonViews {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonViews() {
    }

    public static ObjectNode block(Block b, HashFunction hash) {
        BlockHeader h = b.header();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("chain", h.chainId()).put("height", h.height()).put("hash", Hex.encode(h.hash(hash)))
                .put("previousHash", Hex.encode(h.previousHash())).put("txRoot", Hex.encode(h.txRoot()))
                .put("resultsRoot", Hex.encode(h.resultsRoot())).put("stateRoot", Hex.encode(h.stateRoot()))
                .put("time", h.time().toString()).put("proposer", h.proposer()).put("txCount", h.txCount())
                .put("signature", Hex.encode(b.signature())).put("encoded", Hex.encode(b.encode()));
        ArrayNode txs = n.putArray("transactions");
        for (int i = 0; i < b.transactions().size(); i++) {
            ObjectNode t = transaction(b.transactions().get(i), hash);
            t.set("result", result(b.results().get(i)));
            txs.add(t);
        }
        return n;
    }

    public static ObjectNode transaction(Transaction t, HashFunction hash) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", Hex.encode(t.id(hash))).put("chain", t.chainId()).put("sender", t.sender()).put("nonce", t.nonce())
                .put("contract", t.contract()).put("method", t.method()).put("args", Hex.encode(t.args()))
                .put("signature", Hex.encode(t.signature()));
        return n;
    }

    public static ObjectNode result(TxResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", r.code()).put("ok", r.isOk()).put("message", r.message());
        ArrayNode events = n.putArray("events");
        for (Event e : r.events()) {
            events.addObject().put("type", e.type()).put("data", Hex.encode(e.data()));
        }
        return n;
    }

    public static ObjectNode receipt(Receipt r, byte[] blockHash) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("txId", r.txId()).put("height", r.height()).put("index", r.index());
        if (blockHash != null) {
            n.put("blockHash", Hex.encode(blockHash));
        }
        n.set("result", result(r.result()));
        return n;
    }

    public static ObjectNode genesisSummary(Genesis g) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("chain", g.chainId()).put("suite", g.suite()).put("private", g.isPrivate())
                .put("genesisHash", Hex.encode(g.hash())).put("genesisTime", g.time().toString());
        ArrayNode members = n.putArray("members");
        g.members().forEach(m -> {
            ObjectNode o = members.addObject().put("id", m.id());
            ArrayNode roles = o.putArray("roles");
            m.roles().stream().sorted().forEach(roles::add);
        });
        ArrayNode nodes = n.putArray("nodes");
        g.nodes().forEach(x -> nodes.addObject().put("id", x.id()).put("org", x.org()).put("address", x.address())
                .put("api", x.api()));
        ArrayNode validators = n.putArray("validators");
        g.validators().forEach(v -> validators.addObject().put("node", v.nodeId()).put("power", v.power()));
        ArrayNode contracts = n.putArray("contracts");
        g.contracts().forEach(contracts::add);
        return n;
    }

    /** {@code {"status": "ok"|"halted", "reason", "since"}}. */
    public static ObjectNode health(org.energychain.ledger.ChainHealth h) {
        return MAPPER.createObjectNode().put("status", h.isOk() ? "ok" : "halted").put("reason", h.reason())
                .put("since", h.since().toString());
    }

    public static ObjectNode error(String code, String message) {
        return MAPPER.createObjectNode().put("error", code).put("message", message);
    }
}
