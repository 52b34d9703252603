package org.energychain.supervision.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.InclusionProof;
import org.energychain.crypto.merkle.InclusionProof.Side;

/**
 * A proof as a person receives it: the chain of inclusion proofs ({@code levels}, the contract) and the
 * readable {@link ProofView} ({@code group}, {@code plant}, {@code periodStart}, {@code periodEnd},
 * {@code day}, {@code reading}, {@code groupRoot}). The JSON form is what {@code energychain prove --json}
 * prints and every verifier reads (docs/cli.md). Parsing is strict: a field that is not part of the
 * format, or a view field that is missing, is bad input; {@link ProofChainVerifier} then requires each
 * view field to be what the leaves encode.
 *
 * <p>The group level carries no {@code leafIndex} or {@code treeSize}: {@code Hash_G} commits to
 * neither (an RFC 9162 root does not bind the tree size, and the plant's position follows from it), so
 * the level lists the {@code sides} of its path hashes instead, which is what the root does bind.
 */
public record ProofDocument(ProofChain chain, ProofView view) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("hash", "group", "plant", "periodStart", "periodEnd", "day",
            "groupRoot", "levels");
    private static final Set<String> READING = Set.of("index", "timestamp", "measurement", "value", "unit", "salt");
    private static final Set<String> LEVEL = Set.of("tree", "leaf", "leafHash", "leafIndex", "treeSize", "path", "root");
    private static final Set<String> GROUP_LEVEL = Set.of("tree", "leaf", "leafHash", "path", "sides", "root");
    /** day, period, group; more levels are refused before anything is hashed. */
    private static final int MAX_LEVELS = 3;
    private static final int MAX_PATH = 64;

    /** The document of a chain, its view read from its leaves. */
    public static ProofDocument of(ProofChain chain) {
        return new ProofDocument(chain, ProofView.of(chain));
    }

    /** The JSON form (docs/cli.md, {@code prove --json}). */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("hash", chain.hash());
        root.put("group", view.group());
        root.put("plant", view.plant());
        root.put("periodStart", view.periodStart().toString());
        root.put("periodEnd", view.periodEnd().toString());
        if (view.day() != null) {
            root.put("day", view.day().toString());
        }
        if (view.reading() != null) {
            ProofView.Reading r = view.reading();
            ObjectNode reading = root.putObject("reading");
            reading.put("index", r.index());
            reading.put("timestamp", r.timestamp().toString());
            reading.put("measurement", r.measurement());
            reading.put("value", r.value().toPlainString());
            reading.put("unit", r.unit());
            reading.put("salt", Hex.encode(r.salt()));
        }
        root.put("groupRoot", Hex.encode(view.groupRoot()));
        ArrayNode levels = root.putArray("levels");
        for (ProofLevel l : chain.levels()) {
            ObjectNode n = levels.addObject();
            n.put("tree", l.tree().code());
            n.put("leaf", Hex.encode(l.leaf()));
            n.put("leafHash", Hex.encode(l.leafHash()));
            if (l.tree() != TreeLevel.GROUP) {
                n.put("leafIndex", l.leafIndex());
                n.put("treeSize", l.treeSize());
            }
            ArrayNode path = n.putArray("path");
            l.path().forEach(p -> path.add(Hex.encode(p)));
            if (l.tree() == TreeLevel.GROUP) {
                ArrayNode sides = n.putArray("sides");
                new InclusionProof(l.leafIndex(), l.treeSize(), l.path()).sides()
                        .forEach(s -> sides.add(s.name().toLowerCase(Locale.ROOT)));
            }
            n.put("root", Hex.encode(l.root()));
        }
        return root;
    }

    /**
     * Reads a document strictly; {@link IllegalArgumentException} names the field that is missing,
     * malformed or not part of the format. Whether the fields agree with the leaves is for
     * {@link ProofChainVerifier}.
     */
    public static ProofDocument parse(JsonNode doc) {
        JsonFields top = JsonFields.object(doc, "", "a proof", TOP, Set.of("reading"));
        String hash = top.text("hash");
        List<JsonNode> levelNodes = top.array("levels", MAX_LEVELS);
        if (levelNodes.isEmpty()) {
            throw new IllegalArgumentException("levels must not be empty");
        }
        List<ProofLevel> levels = new ArrayList<>();
        for (int i = 0; i < levelNodes.size(); i++) {
            levels.add(level(levelNodes.get(i), "levels[" + i + "]."));
        }
        ProofView.Reading reading = null;
        if (top.has("reading")) {
            JsonFields r = JsonFields.object(top.get("reading"), "reading.", "a reading", READING, Set.of());
            reading = new ProofView.Reading(r.integer("index"), r.instant("timestamp"), r.text("measurement"),
                    r.decimal("value"), r.text("unit"), r.hex("salt"));
        }
        ProofView view = new ProofView(top.text("group"), top.text("plant"), top.date("periodStart"),
                top.date("periodEnd"), top.date("day"), reading, top.hex("groupRoot"));
        return new ProofDocument(new ProofChain(hash, levels), view);
    }

    private static ProofLevel level(JsonNode node, String at) {
        if (node == null || !node.isObject() || !node.path("tree").isTextual()) {
            throw new IllegalArgumentException(at + "tree is missing or not a string");
        }
        TreeLevel tree;
        try {
            tree = TreeLevel.byCode(node.get("tree").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "tree: " + e.getMessage(), e);
        }
        boolean group = tree == TreeLevel.GROUP;
        JsonFields f = JsonFields.object(node, at, "a " + tree.code() + " level", group ? GROUP_LEVEL : LEVEL,
                Set.of());
        List<byte[]> path = new ArrayList<>();
        List<String> hashes = f.texts("path", MAX_PATH);
        for (int i = 0; i < hashes.size(); i++) {
            path.add(JsonFields.hex(hashes.get(i), at + "path[" + i + "]"));
        }
        long leafIndex;
        long treeSize;
        if (group) {
            List<Side> sides = new ArrayList<>();
            for (String s : f.texts("sides", MAX_PATH)) {
                sides.add(switch (s) {
                    case "left" -> Side.LEFT;
                    case "right" -> Side.RIGHT;
                    default -> throw new IllegalArgumentException(at + "sides: '" + s + "' is neither left nor right");
                });
            }
            InclusionProof p;
            try {
                p = InclusionProof.fromSides(sides, path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "sides: " + e.getMessage(), e);
            }
            leafIndex = p.leafIndex();
            treeSize = p.treeSize();
        } else {
            leafIndex = f.integer("leafIndex");
            treeSize = f.integer("treeSize");
        }
        return new ProofLevel(tree, f.hex("leaf"), f.hex("leafHash"), leafIndex, treeSize, path, f.hex("root"));
    }
}
