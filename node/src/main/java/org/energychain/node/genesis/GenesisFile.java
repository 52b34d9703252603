package org.energychain.node.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PemKeys;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roles;
import org.energychain.ledger.genesis.Validator;
import org.energychain.node.config.ConfigException;
import org.energychain.node.config.ConfigNode;
import org.jspecify.annotations.Nullable;

/**
 * Genesis files (YAML, or JSON): the text form of a {@link Genesis}. A member's {@code key} is either
 * PEM text or the path of a PEM public key file, relative to the genesis file. The writer always
 * inlines PEM, so a written file stands alone and its hash does not depend on where keys lie. The
 * format is in {@code docs/operations.md}; errors name the file and the field.
 */
public final class GenesisFile {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private GenesisFile() {
    }

    /** Reads and checks a genesis file; its members' roles must be declared by a module on the class path. */
    public static Genesis load(Path file) {
        return load(file, Roles.discovered());
    }

    /** Reads and checks a genesis file whose members may hold only the given roles. */
    public static Genesis load(Path file, Roles known) {
        ConfigNode root = ConfigNode.load(file);
        root.allowOnly("chain", "suite", "private", "time", "members", "nodes", "validators", "contracts", "limits");
        String chain = root.string("chain");
        CryptoSuite suite;
        try {
            suite = CryptoSuites.byName(root.string("suite", CryptoSuites.DEFAULT.name()));
        } catch (IllegalArgumentException e) {
            throw root.error("suite", e.getMessage());
        }
        Instant time;
        try {
            time = Instant.parse(root.string("time"));
        } catch (DateTimeParseException e) {
            throw root.error("time", "must be an ISO-8601 UTC instant like 2026-06-01T00:00:00Z, got '"
                    + root.string("time") + "'");
        }
        List<Member> members = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode m : root.list("members")) {
            members.add(member(m, suite, ids, known));
        }
        if (members.isEmpty()) {
            throw root.error("members", "at least one member is needed");
        }
        List<NodeInfo> nodes = new ArrayList<>();
        Set<String> nodeIds = new HashSet<>();
        for (ConfigNode n : root.list("nodes")) {
            nodes.add(node(n, suite, ids, nodeIds));
        }
        List<Validator> validators = new ArrayList<>();
        for (ConfigNode v : root.list("validators")) {
            v.allowOnly("node", "power");
            String id = v.string("node");
            if (!nodeIds.contains(id)) {
                throw v.error("node", "'" + id + "' is not one of the chain's nodes");
            }
            validators.add(new Validator(id, v.integer("power", 1, 1, Long.MAX_VALUE)));
        }
        if (validators.isEmpty()) {
            throw root.error("validators", "at least one validator is needed");
        }
        ChainLimits limits = limits(root.child("limits"));
        try {
            return new Genesis(chain, suite.name(), root.bool("private", false), time, members, nodes, validators,
                    root.strings("contracts"), limits);
        } catch (IllegalArgumentException e) {
            throw root.error(null, e.getMessage());
        }
    }

    private static Member member(ConfigNode m, CryptoSuite suite, Set<String> ids, Roles known) {
        m.allowOnly("id", "roles", "key");
        String id = m.string("id");
        if (!ids.add(id)) {
            throw m.error("id", "member " + id + " appears twice");
        }
        Set<String> roles = new HashSet<>();
        for (String r : m.strings("roles")) {
            try {
                roles.add(known.require(r));
            } catch (IllegalArgumentException e) {
                throw m.error("roles", e.getMessage());
            }
        }
        PublicKey key = publicKey(m);
        if (suite != null && !key.scheme().equals(suite.signatures().name())) {
            throw m.error("key", "is a " + key.scheme() + " key, but suite " + suite.name() + " signs with "
                    + suite.signatures().name());
        }
        try {
            return new Member(id, roles, key);
        } catch (IllegalArgumentException e) {
            throw m.error("id", e.getMessage());
        }
    }

    private static NodeInfo node(ConfigNode n, @Nullable CryptoSuite suite, Set<String> members, Set<String> ids) {
        n.allowOnly("id", "org", "key", "tls-certificate", "address", "api");
        String id = n.string("id");
        if (!ids.add(id)) {
            throw n.error("id", "node " + id + " appears twice");
        }
        String org = n.string("org");
        if (!members.contains(org)) {
            throw n.error("org", "'" + org + "' is not a member of the chain");
        }
        PublicKey key = publicKey(n);
        if (suite != null && !key.scheme().equals(suite.signatures().name())) {
            throw n.error("key", "is a " + key.scheme() + " key, but suite " + suite.name() + " signs with "
                    + suite.signatures().name());
        }
        byte[] cert = new byte[0];
        String pem = n.string("tls-certificate", "");
        if (!pem.isEmpty()) {
            try {
                cert = PemKeys.certificateFromPem(pem, n.file() + ": " + n.path() + ".tls-certificate");
            } catch (IllegalArgumentException e) {
                throw n.error("tls-certificate", e.getMessage());
            }
        }
        try {
            return new NodeInfo(id, org, key, cert, n.string("address", ""), n.string("api", ""));
        } catch (IllegalArgumentException e) {
            throw n.error("id", e.getMessage());
        }
    }

    private static PublicKey publicKey(ConfigNode m) {
        String text = m.string("key");
        try {
            if (text.contains("-----BEGIN")) {
                return PemKeys.publicKeyFromPem(text, m.file() + ": " + m.path() + ".key");
            }
            return KeyFiles.readPublicKey(m.path("key"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw m.error("key", "no such key file " + m.path("key"));
        } catch (IOException e) {
            throw m.error("key", "cannot read " + m.path("key") + ": " + e);
        } catch (IllegalArgumentException e) {
            throw m.error("key", e.getMessage());
        }
    }

    private static ChainLimits limits(ConfigNode l) {
        l.allowOnly("max-block-txs", "max-block-bytes", "max-tx-bytes", "mempool-max-txs", "block-interval-ms");
        ChainLimits d = ChainLimits.DEFAULT;
        try {
            return new ChainLimits((int) l.integer("max-block-txs", d.maxBlockTxs(), 1, 1_000_000),
                    (int) l.integer("max-block-bytes", d.maxBlockBytes(), 1024, 1 << 30),
                    (int) l.integer("max-tx-bytes", d.maxTxBytes(), 256, 64 << 20),
                    (int) l.integer("mempool-max-txs", d.mempoolMaxTxs(), 1, 10_000_000),
                    Duration.ofMillis(l.integer("block-interval-ms", d.blockInterval().toMillis(), 1, 60_000)));
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw l.error(null, e.getMessage());
        }
    }

    /** The file text of a genesis: a comment with its hash, then the fields, keys as inline PEM. */
    public static String toYaml(Genesis g) {
        ObjectNode root = YAML.createObjectNode();
        root.put("chain", g.chainId()).put("suite", g.suite()).put("private", g.isPrivate())
                .put("time", g.time().toString());
        ArrayNode members = root.putArray("members");
        for (Member m : g.members()) {
            ObjectNode n = members.addObject().put("id", m.id());
            ArrayNode roles = n.putArray("roles");
            m.roles().stream().sorted().forEach(roles::add);
            n.put("key", PemKeys.toPem(m.key()));
        }
        ArrayNode nodes = root.putArray("nodes");
        for (NodeInfo n : g.nodes()) {
            nodeFields(nodes.addObject(), n);
        }
        ArrayNode validators = root.putArray("validators");
        g.validators().forEach(v -> validators.addObject().put("node", v.nodeId()).put("power", v.power()));
        ArrayNode contracts = root.putArray("contracts");
        g.contracts().forEach(contracts::add);
        ChainLimits l = g.limits();
        root.putObject("limits").put("max-block-txs", l.maxBlockTxs()).put("max-block-bytes", l.maxBlockBytes())
                .put("max-tx-bytes", l.maxTxBytes()).put("mempool-max-txs", l.mempoolMaxTxs())
                .put("block-interval-ms", l.blockInterval().toMillis());
        try {
            return "# EnergyChain genesis of chain " + g.chainId() + "; hash " + Hex.encode(g.hash()) + "\n"
                    + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode nodeFields(ObjectNode o, NodeInfo n) {
        o.put("id", n.id()).put("org", n.org()).put("key", PemKeys.toPem(n.consensusKey()));
        if (n.tlsCertificate().length > 0) {
            o.put("tls-certificate", PemKeys.certificateToPem(n.tlsCertificate()));
        }
        if (!n.address().isEmpty()) {
            o.put("address", n.address());
        }
        if (!n.api().isEmpty()) {
            o.put("api", n.api());
        }
        return o;
    }

    /**
     * The text of a node description file: the fields of one entry of a genesis's {@code nodes}, what the
     * validators vote on to add a node ({@code energychain validators propose --add FILE}).
     */
    public static String nodeToYaml(NodeInfo n) {
        try {
            return "# EnergyChain node " + n.id() + " of " + n.org() + ": its entry in a chain's roster\n"
                    + YAML.writeValueAsString(nodeFields(YAML.createObjectNode(), n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a node description file for a chain: its organisation must be a member of {@code g} and its
     * key of the chain's signature scheme.
     *
     * @throws ConfigException naming the file and field that is wrong
     */
    public static NodeInfo loadNode(Path file, Genesis g) {
        ConfigNode root = ConfigNode.load(file);
        Set<String> members = new HashSet<>();
        g.members().forEach(m -> members.add(m.id()));
        return node(root, g.cryptoSuite(), members, new HashSet<>());
    }

    /**
     * Reads a node description file without a chain to check it against (a client proposing the node: the
     * chain's {@code validators} contract checks the organisation and key scheme, and says why it refuses).
     */
    public static NodeInfo loadNode(Path file) {
        ConfigNode root = ConfigNode.load(file);
        return node(root, null, Set.of(root.string("org")), new HashSet<>());
    }

    /** Writes a genesis file (replacing it) and returns the genesis hash. */
    public static byte[] write(Genesis g, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(file, toYaml(g), StandardCharsets.UTF_8);
        return g.hash();
    }
}
