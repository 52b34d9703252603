package org.energychain.supervision.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.PlantType;

/**
 * Reads a classification policy from YAML (see the bundled {@code default-classification.yaml}).
 * Unknown keys, classes, measurements and derivations are errors naming the file and the rule.
 */
public final class ClassificationPolicyFile {
    private static final Set<String> KEYS = Set.of("name", "class", "measurements", "plantTypes", "derive",
            "dataType", "mathType");

    private ClassificationPolicyFile() {
    }

    public static ClassificationPolicy load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read classification rules: " + e.getMessage(), e);
        }
    }

    /** The policy shipped with EnergyChain, used when a group names none. */
    public static ClassificationPolicy defaults() {
        String name = "default-classification.yaml";
        try (InputStream in = ClassificationPolicyFile.class.getResourceAsStream(name)) {
            return parse(in, name);
        } catch (IOException e) {
            throw new IllegalStateException("bundled " + name + " is unreadable", e);
        }
    }

    static ClassificationPolicy parse(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.path("rules").isArray()) {
            throw new IllegalArgumentException(source + ": expected a top-level 'rules' list");
        }
        List<ClassificationRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("rules")) {
            String where = source + ": rule " + (i++ + 1) + (r.hasNonNull("name") ? " '" + r.get("name").asText() + "'" : "");
            try {
                r.fieldNames().forEachRemaining(k -> {
                    if (!KEYS.contains(k)) {
                        throw new IllegalArgumentException("unknown key '" + k + "' (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
                    }
                });
                rules.add(new ClassificationRule(required(r, "name"),
                        dataClass(required(r, "class")),
                        list(r, "measurements", Measurement::byCode),
                        list(r, "plantTypes", PlantType::byCode),
                        Derivation.byCode(r.path("derive").asText("none")),
                        r.path("dataType").asText(null), r.path("mathType").asText(null)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return new ClassificationPolicy(rules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode r, String key) {
        if (!r.hasNonNull(key) || r.get(key).asText().isBlank()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return r.get(key).asText();
    }

    private static DataClass dataClass(String s) {
        try {
            return DataClass.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("class must be D1, D2 or D3, got '" + s + "'");
        }
    }

    private static <T> Set<T> list(JsonNode r, String key, Function<String, T> parse) {
        Set<T> out = new LinkedHashSet<>();
        JsonNode n = r.get(key);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        for (JsonNode v : n) {
            if (!v.asText().equals("*")) {
                out.add(parse.apply(v.asText()));
            }
        }
        return out;
    }
}
