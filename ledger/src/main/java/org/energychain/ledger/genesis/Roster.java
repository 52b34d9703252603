package org.energychain.ledger.genesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PublicKey;

/**
 * The nodes that host a chain and which of them validate, with their power, as valid from some height on.
 * The genesis gives the first roster; the {@code validators} contract replaces it. Blocks, votes and
 * certificates of a height are checked against the roster of that height, so the history a removed
 * validator signed still verifies, and a node added later is trusted only from where it was added.
 *
 * <p>Encoding (docs/network.md): tag {@code EC/roster/v1}, nodes (i32 n; per node sorted by id: string id,
 * string org, string key scheme, bytes consensus key, bytes TLS certificate, string address, string api),
 * validators (i32 n; string node, i64 power, sorted by node) — the node and validator parts of the genesis
 * encoding.
 */
public record Roster(List<NodeInfo> nodes, List<Validator> validators) {
    public static final String TAG = "EC/roster/v1";

    public Roster {
        nodes = nodes.stream().sorted(Comparator.comparing(NodeInfo::id)).toList();
        validators = validators.stream().sorted(Comparator.comparing(Validator::nodeId)).toList();
        Set<String> ids = new HashSet<>();
        for (NodeInfo n : nodes) {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("node " + n.id() + " appears twice");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Validator v : validators) {
            if (!ids.contains(v.nodeId())) {
                throw new IllegalArgumentException("validator " + v.nodeId() + " is not one of the chain's nodes");
            }
            if (!seen.add(v.nodeId())) {
                throw new IllegalArgumentException("validator " + v.nodeId() + " appears twice");
            }
        }
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("at least one validator is needed");
        }
    }

    /** The roster a genesis starts with. */
    public static Roster of(Genesis g) {
        return new Roster(g.nodes(), g.validators());
    }

    /** The node with this id, if it hosts the chain. */
    public Optional<NodeInfo> node(String id) {
        for (NodeInfo n : nodes) {
            if (n.id().equals(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The validator with this node id, if it is one. */
    public Optional<Validator> validator(String nodeId) {
        for (Validator v : validators) {
            if (v.nodeId().equals(nodeId)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The validators' power in all. */
    public long totalPower() {
        long t = 0;
        for (Validator v : validators) {
            t = Math.addExact(t, v.power());
        }
        return t;
    }

    /** The power of the validators an organisation runs (0 if it runs none). */
    public long powerOf(String org) {
        long p = 0;
        for (Validator v : validators) {
            if (node(v.nodeId()).orElseThrow().org().equals(org)) {
                p = Math.addExact(p, v.power());
            }
        }
        return p;
    }

    /** This roster with {@code node} added, as a validator of {@code power} (0: it hosts and listens only). */
    public Roster with(NodeInfo node, long power) {
        List<NodeInfo> n = new ArrayList<>(nodes);
        n.add(node);
        List<Validator> v = new ArrayList<>(validators);
        if (power > 0) {
            v.add(new Validator(node.id(), power));
        }
        return new Roster(n, v);
    }

    /** This roster without the node {@code id} (as host and as validator). */
    public Roster without(String id) {
        return new Roster(nodes.stream().filter(n -> !n.id().equals(id)).toList(),
                validators.stream().filter(v -> !v.nodeId().equals(id)).toList());
    }

    public byte[] encode() {
        return write(new CanonicalWriter(1024).tag(TAG)).toByteArray();
    }

    /** Writes the nodes and validators (no tag): the part the genesis encoding shares. */
    public CanonicalWriter write(CanonicalWriter w) {
        w.i32(nodes.size());
        for (NodeInfo n : nodes) {
            w.string(n.id()).string(n.org()).string(n.consensusKey().scheme()).bytes(n.consensusKey().encoded())
                    .bytes(n.tlsCertificate()).string(n.address()).string(n.api());
        }
        w.i32(validators.size());
        for (Validator v : validators) {
            w.string(v.nodeId()).i64(v.power());
        }
        return w;
    }

    /** @throws IllegalArgumentException naming what is malformed (strict: re-encodes to the same bytes) */
    public static Roster decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        Roster roster = read(r);
        r.end();
        if (!java.util.Arrays.equals(roster.encode(), bytes)) {
            throw new IllegalArgumentException("roster is not in canonical form");
        }
        return roster;
    }

    /** Reads what {@link #write} wrote. */
    public static Roster read(CanonicalReader r) {
        int nn = r.count("nodes", 24); // id, org, scheme, key, certificate, address, api
        List<NodeInfo> nodes = new ArrayList<>(nn);
        for (int i = 0; i < nn; i++) {
            String id = r.string("node id");
            String org = r.string("node org");
            String scheme = r.string("consensus key scheme");
            PublicKey key = new PublicKey(scheme, r.bytes("consensus key"));
            nodes.add(new NodeInfo(id, org, key, r.bytes("tls certificate"), r.string("address"), r.string("api")));
        }
        int nv = r.count("validators", 12);
        List<Validator> validators = new ArrayList<>(nv);
        for (int i = 0; i < nv; i++) {
            validators.add(new Validator(r.string("validator"), r.i64("power")));
        }
        return new Roster(nodes, validators);
    }
}
