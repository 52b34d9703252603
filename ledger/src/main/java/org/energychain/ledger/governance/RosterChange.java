package org.energychain.ledger.governance;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;
import org.jspecify.annotations.Nullable;

/**
 * A proposed change of a chain's roster: add a node (a validator with its power, or with power 0 a node
 * that only hosts a replica), or remove one.
 *
 * <p>Encoding (the {@code propose} arguments): tag {@code EC/roster-change/v1}, string op ({@code add} or
 * {@code remove}), string node id; for {@code add} then string org, string key scheme, bytes consensus
 * key, bytes TLS certificate (DER), string address, string api, i64 power.
 */
public record RosterChange(Op op, String nodeId, @Nullable NodeInfo node, long power) {
    public static final String TAG = "EC/roster-change/v1";

    /** What the change does. */
    public enum Op { ADD, REMOVE }

    public RosterChange {
        Objects.requireNonNull(op, "op");
        if (op == Op.REMOVE && node != null) {
            throw new IllegalArgumentException("a removal names a node id only");
        }
        Objects.requireNonNull(nodeId, "nodeId");
        if (op == Op.ADD) {
            Objects.requireNonNull(node, "node");
            if (!node.id().equals(nodeId)) {
                throw new IllegalArgumentException("the node added is " + node.id() + ", not " + nodeId);
            }
            if (power < 0) {
                throw new IllegalArgumentException("power of " + nodeId + " must be 0 or more, not " + power);
            }
        }
    }

    public static RosterChange add(NodeInfo node, long power) {
        return new RosterChange(Op.ADD, node.id(), node, power);
    }

    public static RosterChange remove(String nodeId) {
        return new RosterChange(Op.REMOVE, nodeId, null, 0);
    }

    /**
     * The roster after this change.
     *
     * @throws IllegalArgumentException saying why the change does not apply to {@code r}
     */
    public Roster applyTo(Roster r) {
        if (node != null) {
            if (r.node(nodeId).isPresent()) {
                throw new IllegalArgumentException("node " + nodeId + " already hosts the chain");
            }
            return r.with(node, power);
        }
        if (r.node(nodeId).isEmpty()) {
            throw new IllegalArgumentException("node " + nodeId + " does not host the chain");
        }
        return r.without(nodeId);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(1024).tag(TAG).string(op.name().toLowerCase(java.util.Locale.ROOT))
                .string(nodeId);
        if (node != null) {
            w.string(node.org()).string(node.consensusKey().scheme()).bytes(node.consensusKey().encoded())
                    .bytes(node.tlsCertificate()).string(node.address()).string(node.api()).i64(power);
        }
        return w.toByteArray();
    }

    /** @throws IllegalArgumentException naming what is malformed */
    public static RosterChange decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        String op = r.string("op");
        String id = r.string("node id");
        RosterChange c = switch (op) {
            case "add" -> {
                String org = r.string("org");
                PublicKey key = new PublicKey(r.string("key scheme"), r.bytes("consensus key"));
                NodeInfo n = new NodeInfo(id, org, key, r.bytes("tls certificate"), r.string("address"),
                        r.string("api"));
                yield add(n, r.i64("power"));
            }
            case "remove" -> remove(id);
            default -> throw new IllegalArgumentException("op '" + op + "' is neither add nor remove");
        };
        r.end();
        if (!java.util.Arrays.equals(c.encode(), bytes)) {
            throw new IllegalArgumentException("roster change is not in canonical form");
        }
        return c;
    }

    @Override
    public String toString() {
        return op == Op.ADD ? "add " + node + " with power " + power : "remove node " + nodeId;
    }
}
