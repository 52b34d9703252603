package org.energychain.supervision.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.energychain.crypto.Snippet;

/**
 * A node of a YAML configuration file with typed accessors whose errors name the file and the key
 * path ({@code group.yaml: plants[2].capacity-kw: must be a positive number, got 'abc'}).
 */
final class YamlConfig {
    /** Floats as BigDecimal: a factor or capacity is kept exactly as written. */
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Path file;
    private final String path;
    private final JsonNode node;

    private YamlConfig(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static YamlConfig load(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw new InputException(ProblemKind.CONFIG, file, 0, "file not found");
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new InputException(ProblemKind.CONFIG, file, loc == null ? 0 : Math.max(0, loc.getLineNr()),
                    "not valid YAML: " + Snippet.plain(firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputException(ProblemKind.CONFIG, file, 0, "cannot read: " + e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(ProblemKind.CONFIG, file, 0, "must be a YAML mapping (key: value lines)");
        }
        return new YamlConfig(file, "", root);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * {@code s} as a YAML double-quoted scalar that reads back as {@code s}: quote, backslash and every
     * character YAML does not allow in a stream as written (controls, line breaks, surrogates, U+FFFE/F)
     * escaped.
     */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\ufeff' || c >= '\ufffe') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    Path file() {
        return file;
    }

    InputException error(String key, String message) {
        String where = key == null ? path : qualify(key);
        return new InputException(ProblemKind.CONFIG, file, 0, (where.isEmpty() ? "" : where + ": ") + message);
    }

    private String qualify(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Refuses keys other than {@code allowed}: a misspelt key must not be silently ignored. */
    void allowOnly(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error(Snippet.plain(k), "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        JsonNode v = node.get(key);
        return v == null ? MissingNode.getInstance() : v;
    }

    YamlConfig child(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isObject()) {
            throw error(key, v == null ? "missing" : "must be a mapping");
        }
        return new YamlConfig(file, qualify(key), v);
    }

    java.util.List<YamlConfig> list(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray()) {
            throw error(key, v == null ? "missing" : "must be a list");
        }
        java.util.List<YamlConfig> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = qualify(key) + "[" + i + "]";
            if (!e.isObject()) {
                throw new InputException(ProblemKind.CONFIG, file, 0, p + ": must be a mapping");
            }
            out.add(new YamlConfig(file, p, e));
        }
        return out;
    }

    String string(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(key, "missing");
        }
        if (!v.isValueNode()) {
            throw error(key, "must be a single value");
        }
        return v.asText();
    }

    String string(String key, String dflt) {
        return has(key) ? string(key) : dflt;
    }

    boolean bool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = node.get(key);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText().trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "true": case "yes": case "on": return true;
            case "false": case "no": case "off": return false;
            default: throw error(key, "must be true or false, got " + Snippet.quote(v.asText()));
        }
    }

    int integer(String key, int dflt, int min) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = node.get(key);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < min) {
            throw error(key, "must be a whole number >= " + min + ", got " + Snippet.quote(v.asText()));
        }
        return v.intValue();
    }

    /**
     * A decimal number, exactly as written (a YAML number or a string), within {@link DecimalParser}'s
     * bounds also when written out in plain notation, as the files are written back ({@code 1e3} is read as
     * {@code 1000}; {@code 1e50} is refused).
     */
    java.math.BigDecimal decimal(String key) {
        String s = string(key);
        java.math.BigDecimal v;
        try {
            v = DecimalParser.plain().parse(s);
        } catch (DecimalParser.OutOfBoundsException e) {
            throw error(key, "number " + Snippet.quote(s) + " " + e.getMessage() + " (" + DecimalParser.bounds() + ")");
        } catch (NumberFormatException e) {
            throw error(key, "must be a decimal number such as 0.001, got " + Snippet.quote(s));
        }
        String plain = (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
        try {
            return DecimalParser.plain().parse(plain);
        } catch (DecimalParser.OutOfBoundsException e) {
            throw error(key, "number " + Snippet.quote(s) + " has more than " + DecimalParser.MAX_DIGITS
                    + " digits when written out in full");
        }
    }

    /** A single character; {@code null} when the key is absent or the value is empty (meaning "none"). */
    Character character(String key, Character dflt) {
        if (!has(key)) {
            return dflt;
        }
        String s = string(key);
        if (s.isEmpty() || s.equalsIgnoreCase("none")) {
            return null;
        }
        if (s.equals("\\t") || s.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (s.length() != 1) {
            throw error(key, "must be one character, got " + Snippet.quote(s));
        }
        return s.charAt(0);
    }
}
