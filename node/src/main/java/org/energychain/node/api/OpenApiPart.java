package org.energychain.node.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * A module's operations in the node's OpenAPI description ({@code GET /openapi.json}, OpenAPI 3.0): the
 * {@code paths} of every route its {@link NodeRoutes} registers (method, summary, parameters, request and
 * response bodies, who may call it), the {@code components} those refer to beyond the node's own, and the
 * {@code tags} that group them. It is written as JSON beside the routes' class, so that a route and its
 * description change together; it may refer to the node's own components ({@code #/components/responses/Error},
 * the signed-request parameters {@code Member} .. {@code Signature} and the {@code ecSignature} scheme).
 */
public final class OpenApiPart {
    private static final Set<String> TOP_LEVEL = Set.of("tags", "paths", "components");
    /** The fixed fields of an OpenAPI 3.0 path item. */
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> PATH_ITEM_FIELDS = Set.of("summary", "description", "parameters", "servers");
    private static final Set<String> COMPONENTS = Set.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks");

    private final String source;
    private final ObjectNode json;

    private OpenApiPart(String source, ObjectNode json) {
        this.source = source;
        this.json = json;
    }

    /**
     * The part in resource {@code name} beside {@code owner}, e.g. {@code resource(CatalogRoutes.class,
     * "catalog-openapi.json")}. A missing, malformed or misshapen resource is a fault of the module: an
     * {@link IllegalStateException} naming the resource (and the line, for JSON that does not parse).
     */
    public static OpenApiPart resource(Class<?> owner, String name) {
        String source = owner.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(source + " is missing from the class path (the OpenAPI part of "
                        + owner.getName() + ")");
            }
            return of(source, JsonViews.MAPPER.readTree(in));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalStateException(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    /** The part {@code json}, read from {@code source} (named in every error); checked for its shape. */
    public static OpenApiPart of(String source, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw fault(source, "", "must be a JSON object with paths, components and tags");
        }
        json.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                throw fault(source, f, "is not part of a module's OpenAPI part (only " + TOP_LEVEL + ")");
            }
        });
        ObjectNode paths = object(source, json, "paths");
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            String where = "paths." + p.getKey();
            if (!p.getKey().startsWith("/")) {
                throw fault(source, where, "a path must start with /");
            }
            if (!p.getValue().isObject()) {
                throw fault(source, where, "must be an object (a path item)");
            }
            for (Map.Entry<String, JsonNode> f : p.getValue().properties()) {
                if (METHODS.contains(f.getKey())) {
                    operation(source, where + "." + f.getKey(), f.getValue());
                } else if (!PATH_ITEM_FIELDS.contains(f.getKey())) {
                    throw fault(source, where + "." + f.getKey(), "is neither an HTTP method in lower case "
                            + METHODS + " nor a field of a path item");
                }
            }
        }
        if (json.has("components")) {
            ObjectNode components = object(source, json, "components");
            components.fieldNames().forEachRemaining(kind -> {
                if (!COMPONENTS.contains(kind)) {
                    throw fault(source, "components." + kind, "is not a kind of component " + COMPONENTS);
                }
                object(source, components, kind);
            });
        }
        if (json.has("tags")) {
            JsonNode tags = json.get("tags");
            if (!tags.isArray()) {
                throw fault(source, "tags", "must be an array of {name, description}");
            }
            tags.forEach(t -> {
                if (!t.path("name").isTextual()) {
                    throw fault(source, "tags", "every tag needs a text name");
                }
            });
        }
        return new OpenApiPart(source, json.deepCopy());
    }

    private static void operation(String source, String where, JsonNode op) {
        if (!op.isObject()) {
            throw fault(source, where, "must be an object (an operation)");
        }
        if (!op.path("summary").isTextual() || op.get("summary").asText().isBlank()) {
            throw fault(source, where, "needs a summary");
        }
        if (!op.path("responses").isObject() || op.get("responses").isEmpty()) {
            throw fault(source, where, "needs its responses");
        }
    }

    private static ObjectNode object(String source, JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw fault(source, field, "must be an object");
        }
        return (ObjectNode) n;
    }

    private static IllegalStateException fault(String source, String where, String what) {
        return new IllegalStateException(source + ": " + (where.isEmpty() ? "" : where + " ") + what);
    }

    /** Where the part was read from (a resource path), to name in errors. */
    public String source() {
        return source;
    }

    /** The part as JSON (a copy). */
    ObjectNode json() {
        return json.deepCopy();
    }
}
