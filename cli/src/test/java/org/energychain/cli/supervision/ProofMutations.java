package org.energychain.cli.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every single-field change of a proof document: each field and array element of its JSON tree is
 * dropped and replaced by values of its own kind (a flipped nibble, a byte more or less, the next day, a
 * different number, another tree or side) and of other kinds; each array has neighbours swapped and
 * elements duplicated; each object gets a field it does not have. Changes of {@code reading.value} to
 * an equal number are left out (they may verify).
 */
final class ProofMutations {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern HEX = Pattern.compile("([0-9a-f]{2})+");

    /** One changed copy of the document and what was changed. */
    record Mutation(String what, JsonNode doc) {
        @Override
        public String toString() {
            return what;
        }
    }

    private final JsonNode original;
    private final List<Mutation> out = new ArrayList<>();

    private ProofMutations(JsonNode original) {
        this.original = original;
    }

    static List<Mutation> of(JsonNode doc) {
        ProofMutations m = new ProofMutations(doc);
        m.walk(doc, new ArrayList<>());
        return m.out;
    }

    private void walk(JsonNode node, List<Object> path) {
        if (node.isObject()) {
            add(path, "add field 'note'", n -> ((ObjectNode) n).put("note", "checked by the regulator"));
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                List<Object> child = append(path, e.getKey());
                add(path, "drop " + name(child), n -> ((ObjectNode) n).remove(e.getKey()));
                replacements(e.getValue(), child);
                walk(e.getValue(), child);
            }
        } else if (node.isArray()) {
            int size = node.size();
            add(path, "empty " + name(path), n -> ((ArrayNode) n).removeAll());
            for (int i = 0; i < size; i++) {
                int at = i;
                List<Object> child = append(path, i);
                add(path, "drop " + name(child), n -> ((ArrayNode) n).remove(at));
                add(path, "duplicate " + name(child), n -> ((ArrayNode) n).insert(at, n.get(at).deepCopy()));
                if (i + 1 < size) {
                    add(path, "swap " + name(child) + " with the next", n -> {
                        ArrayNode a = (ArrayNode) n;
                        JsonNode x = a.get(at);
                        a.set(at, a.get(at + 1));
                        a.set(at + 1, x);
                    });
                }
                replacements(node.get(i), child);
                walk(node.get(i), child);
            }
        }
    }

    /** The node at {@code path} replaced by values of its kind and of other kinds. */
    private void replacements(JsonNode value, List<Object> path) {
        List<JsonNode> values = new ArrayList<>();
        if (value.isTextual()) {
            sameKindTexts(value.asText(), path, values);
            values.add(F.numberNode(0));
        } else if (value.isIntegralNumber()) {
            long v = value.asLong();
            for (long w : new long[] {v + 1, v - 1, 0, -1, v + 1000, Long.MAX_VALUE, Long.MIN_VALUE}) {
                if (w != v) {
                    values.add(F.numberNode(w));
                }
            }
            values.add(F.numberNode(v + 0.5));
            values.add(F.textNode(Long.toString(v)));
        }
        if (!value.isContainerNode()) {
            values.add(F.nullNode());
            values.add(F.objectNode());
            values.add(F.arrayNode());
        } else {
            values.add(F.textNode("x"));
        }
        for (JsonNode v : values) {
            add(parent(path), "set " + name(path) + " to " + abbreviate(v.toString()), n -> set(n, last(path), v));
        }
    }

    private static void sameKindTexts(String s, List<Object> path, List<JsonNode> values) {
        String field = path.get(path.size() - 1) instanceof String f ? f : (String) path.get(path.size() - 2);
        if (HEX.matcher(s).matches()) {
            values.add(text(flip(s, 0)));
            values.add(text(flip(s, s.length() - 1)));
            values.add(text(s.substring(0, s.length() - 2)));
            values.add(text(s + "00"));
            values.add(text("00" + s));
        }
        if (field.equals("value")) {
            BigDecimal v = new BigDecimal(s);
            for (BigDecimal w : new BigDecimal[] {v.add(BigDecimal.ONE), v.add(new BigDecimal("0.001")), v.negate(),
                    BigDecimal.ZERO, v.movePointRight(1)}) {
                if (w.compareTo(v) != 0) {
                    values.add(text(w.toPlainString()));
                }
            }
        } else {
            values.add(text(s + "x"));
            values.add(text(s.isEmpty() ? "x" : s.substring(0, s.length() - 1)));
        }
        values.add(text(""));
        try {
            LocalDate d = LocalDate.parse(s);
            values.add(text(d.plusDays(1).toString()));
            values.add(text(d.minusDays(1).toString()));
        } catch (RuntimeException notADate) {
            // not a date
        }
        try {
            Instant t = Instant.parse(s);
            values.add(text(t.plusSeconds(1).toString()));
            values.add(text(t.plusSeconds(86_400).toString()));
        } catch (RuntimeException notAnInstant) {
            // not an instant
        }
        for (List<String> kind : List.of(List.of("day", "period", "group"), List.of("left", "right"),
                List.of("SHA-256", "SM3"), List.of("kW", "kWh", "MW", "MWh"))) {
            if (kind.contains(s)) {
                kind.stream().filter(k -> !k.equals(s)).forEach(k -> values.add(text(k)));
            }
        }
    }

    private static String flip(String hex, int at) {
        char c = hex.charAt(at);
        char f = Character.forDigit(Character.digit(c, 16) ^ 1, 16);
        return hex.substring(0, at) + f + hex.substring(at + 1);
    }

    private interface Change {
        void apply(JsonNode target);
    }

    /** A copy of the document with {@code change} applied to the node at {@code path}. */
    private void add(List<Object> path, String what, Change change) {
        JsonNode copy = original.deepCopy();
        JsonNode target = copy;
        for (Object step : path) {
            target = step instanceof String s ? target.get(s) : target.get((Integer) step);
        }
        change.apply(target);
        out.add(new Mutation(what, copy));
    }

    private static void set(JsonNode parent, Object key, JsonNode value) {
        if (key instanceof String s) {
            ((ObjectNode) parent).set(s, value);
        } else {
            ((ArrayNode) parent).set((Integer) key, value);
        }
    }

    private static TextNode text(String s) {
        return F.textNode(s);
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    private static List<Object> parent(List<Object> path) {
        return path.subList(0, path.size() - 1);
    }

    private static Object last(List<Object> path) {
        return path.get(path.size() - 1);
    }

    static String name(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(step);
            }
        }
        return sb.isEmpty() ? "the document" : sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 18) + "…" + s.substring(s.length() - 18);
    }
}
