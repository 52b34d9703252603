package org.energychain.supervision.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.Hex;

/**
 * Strict reading of the JSON objects of a proof document: exactly the named fields, each of its type;
 * every {@link IllegalArgumentException} names the field ({@code levels[1].treeSize}).
 */
final class JsonFields {
    /** Longer texts are refused before they are parsed (a reading leaf is about 150 bytes). */
    static final int MAX_TEXT = 16_384;

    private final JsonNode node;
    private final String at;

    private JsonFields(JsonNode node, String at) {
        this.node = node;
        this.at = at;
    }

    /**
     * The object {@code node} (named {@code at}, e.g. {@code "reading."}; a {@code what}, e.g. "a group
     * level"), which must have all of {@code required}, may have {@code optional} and nothing else.
     */
    static JsonFields object(JsonNode node, String at, String what, Set<String> required, Set<String> optional) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException((at.isEmpty() ? "the proof" : at.substring(0, at.length() - 1))
                    + " must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!required.contains(f) && !optional.contains(f)) {
                throw new IllegalArgumentException(at + f + ": " + what + " has no such field (a proof shows only "
                        + "what its leaves and roots bind)");
            }
        }
        for (String f : required) {
            if (!node.has(f)) {
                throw new IllegalArgumentException(at + f + " is missing");
            }
        }
        return new JsonFields(node, at);
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(at + field + " is missing or not a string");
        }
        if (v.asText().length() > MAX_TEXT) {
            throw new IllegalArgumentException(at + field + " is longer than " + MAX_TEXT + " characters");
        }
        return v.asText();
    }

    long integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(at + field + " is missing or not an integer");
        }
        return v.asLong();
    }

    byte[] hex(String field) {
        return hex(text(field), at + field);
    }

    static byte[] hex(String text, String name) {
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    LocalDate date(String field) {
        String s = text(field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + field + ": not a date (YYYY-MM-DD): '" + s + "'", e);
        }
    }

    Instant instant(String field) {
        String s = text(field);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + field + ": not an ISO-8601 instant: '" + s + "'", e);
        }
    }

    BigDecimal decimal(String field) {
        String s = text(field);
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + field + ": not a decimal number: '" + s + "'", e);
        }
    }

    /** An array of at most {@code max} elements. */
    List<JsonNode> array(String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(at + field + " is missing or not an array");
        }
        if (v.size() > max) {
            throw new IllegalArgumentException(at + field + " has " + v.size() + " elements, at most " + max + " allowed");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** The elements of an array of strings. */
    List<String> texts(String field, int max) {
        List<String> out = new ArrayList<>();
        List<JsonNode> a = array(field, max);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual() || a.get(i).asText().length() > MAX_TEXT) {
                throw new IllegalArgumentException(at + field + "[" + i + "] is not a string");
            }
            out.add(a.get(i).asText());
        }
        return out;
    }
}
