package org.energychain.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of a YAML (or JSON, which is YAML too) configuration file with typed accessors whose errors
 * name the file and the key path. Unknown keys are refused, so a misspelt key is never silently ignored.
 */
public final class ConfigNode {
    private static final YAMLMapper MAPPER = new YAMLMapper();

    private final Path file;
    private final String path;
    private final JsonNode node;

    private ConfigNode(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Reads a file whose top level must be a mapping. */
    public static ConfigNode load(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "", "file not found");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file, "", "not valid YAML (line " + line + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot read: " + e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file, "", "must be a mapping (key: value lines)");
        }
        return new ConfigNode(file, "", root);
    }

    public Path file() {
        return file;
    }

    /** The dotted path of this node (empty at the top). */
    public String path() {
        return path;
    }

    public ConfigException error(String key, String message) {
        return new ConfigException(file, key == null ? path : qualify(key), message);
    }

    private String qualify(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public void allowOnly(String... allowed) {
        Set<String> set = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!set.contains(k)) {
                throw error(k, "unknown key (allowed: " + String.join(", ", new TreeSet<>(set)) + ")");
            }
        }
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    public String string(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(key, "missing");
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw error(key, "must be a non-empty text");
        }
        return v.asText().trim();
    }

    public String string(String key, String dflt) {
        return has(key) ? string(key) : dflt;
    }

    public boolean bool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw error(key, "must be true or false, got '" + v.asText() + "'");
        }
        return v.booleanValue();
    }

    /** A whole number in {@code [min, max]}. */
    public long integer(String key, long dflt, long min, long max) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = node.get(key);
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw error(key, "must be a whole number, got '" + v.asText() + "'");
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    /** A nested mapping, or an empty one when absent. */
    public ConfigNode child(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return new ConfigNode(file, qualify(key), MAPPER.createObjectNode());
        }
        if (!v.isObject()) {
            throw error(key, "must be a mapping");
        }
        return new ConfigNode(file, qualify(key), v);
    }

    /** The elements of a list of mappings (empty when absent). */
    public List<ConfigNode> list(String key) {
        JsonNode v = node.get(key);
        List<ConfigNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw error(key, "must be a list");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw error(key + "[" + i + "]", "must be a mapping");
            }
            out.add(new ConfigNode(file, qualify(key) + "[" + i + "]", v.get(i)));
        }
        return out;
    }

    /** A list of texts (empty when absent); a single text counts as a list of one. */
    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText().trim());
            return out;
        }
        if (!v.isArray()) {
            throw error(key, "must be a list of texts");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode() || v.get(i).asText().isBlank()) {
                throw error(key + "[" + i + "]", "must be a non-empty text");
            }
            out.add(v.get(i).asText().trim());
        }
        return out;
    }

    /** A path, relative to the directory of this file unless absolute. */
    public Path path(String key) {
        Path p = Path.of(string(key));
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? p : dir.resolve(p).normalize();
    }
}
