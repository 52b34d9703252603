package org.energychain.supervision.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.Hex;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.PlantLeaf;
import org.energychain.supervision.tree.ReadingLeaf;

/**
 * The JSON form of a proof, as {@code energychain prove --json} prints it and {@code energychain verify
 * --proof} reads it. {@code levels} is the contract: per tree, bottom up, {@code tree}, {@code leaf}
 * (hex canonical bytes), {@code leafHash}, {@code leafIndex}, {@code treeSize}, {@code path} (hex, RFC
 * 9162 order) and {@code root}. The other fields are a readable view of the leaves; when a verifier is
 * given the view, it must re-encode to the leaf bytes, so editing a value there is detected too.
 */
public final class ProofDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofDocument() {
    }

    public static ObjectNode toJson(ProofChain chain, int digestLength) {
        ObjectNode root = JSON.createObjectNode();
        root.put("hash", chain.hash());
        ProofLevel top = chain.levels().get(chain.levels().size() - 1);
        PlantLeaf plant = PlantLeaf.decode(top.leaf(), digestLength);
        root.put("group", plant.groupId());
        root.put("plant", plant.plantId());
        root.put("periodStart", plant.periodStart().toString());
        root.put("periodEnd", plant.periodEnd().toString());
        for (ProofLevel l : chain.levels()) {
            if (l.tree() == TreeLevel.PERIOD) {
                root.put("day", DayLeaf.decode(l.leaf(), digestLength).day().toString());
            }
        }
        if (chain.levels().get(0).tree() == TreeLevel.DAY) {
            ReadingLeaf r = ReadingLeaf.decode(chain.levels().get(0).leaf());
            ObjectNode reading = root.putObject("reading");
            reading.put("index", chain.levels().get(0).leafIndex());
            reading.put("timestamp", r.timestamp().toString());
            reading.put("measurement", r.measurement());
            reading.put("value", r.value().toPlainString());
            reading.put("unit", r.unit());
            reading.put("salt", Hex.encode(r.salt()));
        }
        root.put("groupRoot", Hex.encode(chain.topRoot()));
        ArrayNode levels = root.putArray("levels");
        for (ProofLevel l : chain.levels()) {
            ObjectNode n = levels.addObject();
            n.put("tree", l.tree().code());
            n.put("leaf", Hex.encode(l.leaf()));
            n.put("leafHash", Hex.encode(l.leafHash()));
            n.put("leafIndex", l.leafIndex());
            n.put("treeSize", l.treeSize());
            ArrayNode path = n.putArray("path");
            l.path().forEach(p -> path.add(Hex.encode(p)));
            n.put("root", Hex.encode(l.root()));
        }
        return root;
    }

    /** Parses the chain; {@link IllegalArgumentException} names the field that is missing or malformed. */
    public static ProofChain chainFromJson(JsonNode doc) {
        String hash = text(doc, "hash", "");
        JsonNode levels = doc.get("levels");
        if (levels == null || !levels.isArray() || levels.isEmpty()) {
            throw new IllegalArgumentException("'levels' must be a non-empty array");
        }
        List<ProofLevel> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : levels) {
            String at = "levels[" + i++ + "].";
            List<byte[]> path = new ArrayList<>();
            JsonNode p = n.get("path");
            if (p == null || !p.isArray()) {
                throw new IllegalArgumentException(at + "path must be an array");
            }
            for (JsonNode h : p) {
                path.add(hex(h.asText(), at + "path"));
            }
            out.add(new ProofLevel(TreeLevel.byCode(text(n, "tree", at)), hex(text(n, "leaf", at), at + "leaf"),
                    hex(text(n, "leafHash", at), at + "leafHash"), number(n, "leafIndex", at), number(n, "treeSize", at),
                    path, hex(text(n, "root", at), at + "root")));
        }
        return new ProofChain(hash, out);
    }

    /**
     * Compares the readable reading view (if any) with the leaf it describes; returns the differences,
     * each naming the field, e.g. {@code reading #4 2026-01-03T01:00:00Z active_power: value is 12.5 in
     * the proof's view but 12.4 in its leaf}.
     */
    public static List<String> viewDifferences(JsonNode doc, ProofChain chain) {
        JsonNode view = doc.get("reading");
        List<String> diffs = new ArrayList<>();
        if (view == null || view.isNull() || chain.levels().get(0).tree() != TreeLevel.DAY) {
            return diffs;
        }
        ReadingLeaf leaf;
        try {
            leaf = ReadingLeaf.decode(chain.levels().get(0).leaf());
        } catch (IllegalArgumentException e) {
            return diffs; // the chain verifier reports the malformed leaf
        }
        String who = "plant " + leaf.plantId() + ", reading #" + chain.levels().get(0).leafIndex() + " "
                + leaf.timestamp() + " " + leaf.measurement();
        compare(diffs, who, "timestamp", view.path("timestamp").asText(), leaf.timestamp().toString(),
                a -> Instant.parse(a).equals(leaf.timestamp()));
        compare(diffs, who, "measurement", view.path("measurement").asText(), leaf.measurement(), a -> a.equals(leaf.measurement()));
        compare(diffs, who, "value", view.path("value").asText(), leaf.value().toPlainString(),
                a -> new BigDecimal(a).compareTo(leaf.value()) == 0);
        compare(diffs, who, "unit", view.path("unit").asText(), leaf.unit(), a -> a.equals(leaf.unit()));
        compare(diffs, who, "salt", view.path("salt").asText(), Hex.encode(leaf.salt()),
                a -> a.equalsIgnoreCase(Hex.encode(leaf.salt())));
        return diffs;
    }

    private static void compare(List<String> diffs, String who, String field, String claimed, String actual,
            java.util.function.Predicate<String> same) {
        boolean ok;
        try {
            ok = same.test(claimed);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            diffs.add(who + ": " + field + " is " + claimed + " in the proof's reading but " + actual + " in its leaf");
        }
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(at + field + " is missing or not a string");
        }
        return v.asText();
    }

    private static long number(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException(at + field + " is missing or not an integer");
        }
        return v.asLong();
    }

    private static byte[] hex(String s, String field) {
        try {
            return Hex.decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
