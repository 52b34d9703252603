package org.energychain.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI description a node serves: its own operations ({@code openapi.json} beside this class) and
 * the {@link OpenApiPart} of each module whose routes it mounts. An operation (method and path), a
 * component or a tag that two sources define differently is a fault of the modules, refused with both
 * sources named; the same component defined identically twice is kept once.
 */
final class OpenApiDocument {
    static final String NODE_SOURCE = "org/energychain/node/api/openapi.json";

    private OpenApiDocument() {
    }

    /** The node's own operations (all of them: the caller drops those of routes it does not mount). */
    static ObjectNode nodeOwn() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException(NODE_SOURCE + " is missing from the class path");
            }
            JsonNode n = JsonViews.MAPPER.readTree(in);
            if (n == null || !n.isObject() || !n.path("paths").isObject()) {
                throw new IllegalStateException(NODE_SOURCE + " is not an OpenAPI document with paths");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new IllegalStateException(NODE_SOURCE + ": " + e.getMessage(), e);
        }
    }

    /** {@code base} (the node's own document, named {@link #NODE_SOURCE} in errors) with every part merged in. */
    static ObjectNode assemble(ObjectNode base, List<OpenApiPart> parts) {
        ObjectNode doc = base.deepCopy();
        Map<String, String> sources = new HashMap<>();
        ObjectNode paths = (ObjectNode) doc.get("paths");
        paths.properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (OpenApiPart.METHODS.contains(m)) {
                sources.put(operation(m, p.getKey()), NODE_SOURCE);
            }
        }));
        for (OpenApiPart part : parts) {
            ObjectNode json = part.json();
            mergePaths(paths, json.path("paths"), part.source(), sources);
            if (json.has("components")) {
                mergeComponents(doc.withObjectProperty("components"), (ObjectNode) json.get("components"),
                        part.source());
            }
            if (json.has("tags")) {
                mergeTags(doc.withArrayProperty("tags"), json.get("tags"), part.source());
            }
        }
        return doc;
    }

    private static void mergePaths(ObjectNode paths, JsonNode add, String source, Map<String, String> sources) {
        add.properties().forEach(p -> {
            ObjectNode item = paths.withObjectProperty(p.getKey());
            p.getValue().properties().forEach(f -> {
                JsonNode had = item.get(f.getKey());
                if (OpenApiPart.METHODS.contains(f.getKey())) {
                    String op = operation(f.getKey(), p.getKey());
                    if (had != null) {
                        throw new IllegalStateException(source + " describes " + op + ", which " + sources.get(op)
                                + " describes already");
                    }
                    sources.put(op, source);
                } else if (had != null && !had.equals(f.getValue())) {
                    throw new IllegalStateException(source + " gives path " + p.getKey() + " another " + f.getKey()
                            + " than the node's description or another module's does");
                }
                item.set(f.getKey(), f.getValue());
            });
        });
    }

    private static void mergeComponents(ObjectNode components, ObjectNode add, String source) {
        add.properties().forEach(kind -> {
            ObjectNode into = components.withObjectProperty(kind.getKey());
            kind.getValue().properties().forEach(c -> {
                JsonNode had = into.get(c.getKey());
                if (had != null && !had.equals(c.getValue())) {
                    throw new IllegalStateException(source + " defines components." + kind.getKey() + "." + c.getKey()
                            + " otherwise than the node's description or another module's does");
                }
                into.set(c.getKey(), c.getValue());
            });
        });
    }

    private static void mergeTags(ArrayNode tags, JsonNode add, String source) {
        for (JsonNode t : add) {
            JsonNode had = null;
            for (JsonNode existing : tags) {
                if (existing.path("name").equals(t.get("name"))) {
                    had = existing;
                }
            }
            if (had == null) {
                tags.add(t);
            } else if (!had.equals(t)) {
                throw new IllegalStateException(source + " describes tag " + t.get("name").asText()
                        + " otherwise than the node's description or another module's does");
            }
        }
    }

    private static String operation(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
