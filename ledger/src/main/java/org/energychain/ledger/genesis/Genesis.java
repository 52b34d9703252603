package org.energychain.ledger.genesis;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * What defines a chain and never changes: its id, crypto suite, whether it is private (readable only by
 * its members), its members (organisations) with transaction keys and roles, the nodes that host it
 * (organisation, consensus key, pinned TLS certificate, addresses), which of those nodes are its
 * validators, the contracts it runs, its limits and its start time. Its hash is the previous hash of
 * block 1, so a chain can only be replayed against the genesis it was built on.
 *
 * <p>Encoding (docs/ledger.md): tag {@code EC/genesis/v2}, string chain, string suite, bool private,
 * instant time, members (i32 n; per member sorted by id: string id, i32 roles, string role each (sorted),
 * string key scheme, bytes key), nodes (i32 n; per node sorted by id: string id, string org, string key
 * scheme, bytes consensus key, bytes TLS certificate, string address, string api), validators (i32 n;
 * string node, i64 power, sorted by node), contracts (i32 n; strings, sorted), limits (i32 txs, i32
 * bytes, i32 tx bytes, i32 mempool, i64 interval ms).
 */
public record Genesis(String chainId, String suite, boolean isPrivate, Instant time, List<Member> members,
        List<NodeInfo> nodes, List<Validator> validators, List<String> contracts, ChainLimits limits) {
    public static final String TAG = "EC/genesis/v2";

    public Genesis {
        Objects.requireNonNull(chainId, "chainId");
        if (!chainId.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("chain id '" + chainId + "' must be 1-64 characters of a-z 0-9 . _ -");
        }
        CryptoSuites.byName(suite);
        members = members.stream().sorted(Comparator.comparing(Member::id)).toList();
        nodes = nodes.stream().sorted(Comparator.comparing(NodeInfo::id)).toList();
        validators = validators.stream().sorted(Comparator.comparing(Validator::nodeId)).toList();
        contracts = contracts.stream().sorted().toList();
        Set<String> ids = new HashSet<>();
        for (Member m : members) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("genesis of " + chainId + ": member " + m.id() + " appears twice");
            }
        }
        String scheme = CryptoSuites.byName(suite).signatures().name();
        for (NodeInfo n : nodes) {
            if (!ids.contains(n.org())) {
                throw new IllegalArgumentException("genesis of " + chainId + ": node " + n.id() + " belongs to "
                        + n.org() + ", which is not a member");
            }
            if (!n.consensusKey().scheme().equals(scheme)) {
                throw new IllegalArgumentException("genesis of " + chainId + ": node " + n.id() + " has a "
                        + n.consensusKey().scheme() + " consensus key; the chain signs with " + scheme);
            }
        }
        try {
            new Roster(nodes, validators);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("genesis of " + chainId + ": " + e.getMessage(), e);
        }
        if (new HashSet<>(contracts).size() != contracts.size()) {
            throw new IllegalArgumentException("genesis of " + chainId + ": a contract is listed twice");
        }
        Objects.requireNonNull(limits, "limits");
        if (time.getNano() % 1_000_000 != 0) {
            time = Instant.ofEpochMilli(time.toEpochMilli());
        }
    }

    public CryptoSuite cryptoSuite() {
        return CryptoSuites.byName(suite);
    }

    /** The member with this id: a binary search, as members are kept sorted by id (chains may have thousands). */
    public Optional<Member> member(String id) {
        int lo = 0;
        int hi = members.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Member m = members.get(mid);
            int c = m.id().compareTo(id);
            if (c == 0) {
                return Optional.of(m);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    /** The node with this id, if it hosts the chain from its genesis. */
    public Optional<NodeInfo> node(String id) {
        return roster().node(id);
    }

    /** The validator with this node id, if it is one from the genesis. */
    public Optional<Validator> validator(String nodeId) {
        return roster().validator(nodeId);
    }

    /** The nodes and validators the chain starts with (the {@code validators} contract may change them later). */
    public Roster roster() {
        return new Roster(nodes, validators);
    }

    /** The genesis validators' power in all. */
    public long totalPower() {
        return roster().totalPower();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(1024).tag(TAG).string(chainId).string(suite).bool(isPrivate).instant(time);
        w.i32(members.size());
        for (Member m : members) {
            w.string(m.id());
            List<String> roles = m.roles().stream().sorted().toList();
            w.i32(roles.size());
            roles.forEach(w::string);
            w.string(m.key().scheme()).bytes(m.key().encoded());
        }
        roster().write(w);
        w.i32(contracts.size());
        contracts.forEach(w::string);
        w.i32(limits.maxBlockTxs()).i32(limits.maxBlockBytes()).i32(limits.maxTxBytes()).i32(limits.mempoolMaxTxs())
                .i64(limits.blockInterval().toMillis());
        return w.toByteArray();
    }

    /**
     * Decodes what {@link #encode()} wrote (stores keep the genesis next to the chain so that a reopened
     * chain can be checked against it); strict: the result re-encodes to exactly {@code bytes}.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static Genesis decode(byte[] bytes) {
        org.energychain.crypto.encoding.CanonicalReader r = new org.energychain.crypto.encoding.CanonicalReader(bytes)
                .expectTag(TAG);
        String chainId = r.string("chain");
        String suite = r.string("suite");
        boolean isPrivate = r.bool("private");
        Instant time = r.instant("time");
        int nm = r.count("members", 16); // id, role count, scheme, key
        List<Member> members = new java.util.ArrayList<>(nm);
        for (int i = 0; i < nm; i++) {
            String id = r.string("member id");
            int nr = r.count("roles", 4);
            Set<String> roles = new HashSet<>();
            for (int j = 0; j < nr; j++) {
                roles.add(r.string("role")); // a repeated or unsorted role fails the canonical check below
            }
            String scheme = r.string("key scheme");
            members.add(new Member(id, roles, new org.energychain.crypto.sign.PublicKey(scheme, r.bytes("key"))));
        }
        Roster roster = Roster.read(r);
        int nc = r.count("contracts", 4);
        List<String> contracts = new java.util.ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            contracts.add(r.string("contract"));
        }
        ChainLimits limits = new ChainLimits(r.i32("max block txs"), r.i32("max block bytes"), r.i32("max tx bytes"),
                r.i32("mempool"), java.time.Duration.ofMillis(r.i64("block interval")));
        r.end();
        Genesis g = new Genesis(chainId, suite, isPrivate, time, members, roster.nodes(), roster.validators(), contracts,
                limits);
        if (!java.util.Arrays.equals(g.encode(), bytes)) {
            throw new IllegalArgumentException("genesis of " + chainId + " is not in canonical form");
        }
        return g;
    }

    /** The genesis hash: {@code H(encode())} with the chain's hash. */
    public byte[] hash() {
        return cryptoSuite().hash().hash(encode());
    }
}
