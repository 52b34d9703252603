package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.energychain.node.api.JsonViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node's served OpenAPI description with the console mounted: valid OpenAPI, exactly the routes Javalin
 * holds (the console's among them), and the session and CSRF requirements it states for each console route
 * are the ones the route enforces.
 */
class ConsoleOpenApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ConsoleNode node;
    static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(node.url("/openapi.json"))).GET(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertThat(parsed.getMessages()).as("the served description is valid OpenAPI").isEmpty();
        doc = JsonViews.MAPPER.readTree(r.body());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theServedDescriptionListsExactlyTheRoutesTheServerRegisteredTheConsolesIncluded() {
        List<String> registered = node.api.routes().stream().map(r -> r.method() + " " + r.openApiPath()).toList();
        assertThat(registered).contains("POST /console/api/login", "GET /console/{path}",
                "GET /chains/{chain}/catalog/listings");
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void everyReferenceInTheDescriptionResolves() {
        List<String> refs = new ArrayList<>();
        refs(doc, refs);
        assertThat(refs).contains("#/components/responses/Error").allSatisfy(ref -> assertThat(
                doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse());
    }

    @Test
    void aConsoleRouteNeedsASessionExactlyWhenTheDescriptionSaysSo() throws Exception {
        int checked = 0;
        for (Map.Entry<String, JsonNode> op : operations().entrySet()) {
            if (!op.getKey().contains(" /console/api/")) {
                continue;
            }
            HttpResponse<String> r = call(op.getKey(), null);
            if (requires(op.getValue(), "consoleSession")) {
                assertThat(r.statusCode()).as(op.getKey() + " without a session: " + r.body()).isEqualTo(401);
                assertThat(r.body()).contains("NOT_LOGGED_IN");
            } else {
                assertThat(r.body()).as(op.getKey() + " is described as open to anyone").doesNotContain("NOT_LOGGED_IN");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aConsoleWriteNeedsTheCsrfTokenExactlyWhenTheDescriptionSaysSo() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(node.url("/console/api/login")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + ConsoleNode.PASSWORD + "\"}")), null);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        int writes = 0;
        for (Map.Entry<String, JsonNode> op : operations().entrySet()) {
            boolean csrf = requires(op.getValue(), "consoleCsrf");
            if (!op.getKey().contains(" /console/api/") || op.getKey().startsWith("GET ") && !csrf) {
                continue;
            }
            HttpResponse<String> r = call(op.getKey(), cookie);
            if (csrf) {
                assertThat(requires(op.getValue(), "consoleSession")).as(op.getKey() + ": the token is the session's")
                        .isTrue();
                assertThat(r.statusCode()).as(op.getKey() + " without the token: " + r.body()).isEqualTo(403);
                assertThat(r.body()).contains("BAD_CSRF_TOKEN");
                writes++;
            } else {
                assertThat(r.body()).as(op.getKey() + " is described as needing no token").doesNotContain("BAD_CSRF_TOKEN");
            }
        }
        assertThat(writes).as("logout, acknowledge, purchase, receive, accept at least").isGreaterThanOrEqualTo(5);
    }

    /** The operation "METHOD /path" with its path parameters filled in, sent with {@code cookie} if any. */
    private static HttpResponse<String> call(String operation, String cookie) throws Exception {
        String[] mp = operation.split(" ", 2);
        String path = mp[1].replace("{chain}", "trading").replace("{trade}", "00").replace("{height}", "1")
                .replace("{path}", "index.html");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url(path)));
        b.method(mp[0], mp[0].equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return send(b, cookie);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b, String cookie) throws Exception {
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether every security requirement of the operation names {@code scheme} (none: open to anyone). */
    private static boolean requires(JsonNode op, String scheme) {
        JsonNode security = op.path("security");
        if (security.isEmpty()) {
            return false;
        }
        for (JsonNode alternative : security) {
            if (!alternative.has(scheme)) {
                return false;
            }
        }
        return true;
    }

    /** Every operation of the description by "METHOD /path". */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new java.util.LinkedHashMap<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            if (m.getValue().has("responses")) {
                ops.put(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), m.getValue());
            }
        }));
        return ops;
    }

    private static void refs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(f -> {
                if (f.getKey().equals("$ref")) {
                    out.add(f.getValue().asText());
                } else {
                    refs(f.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(e -> refs(e, out));
        }
    }
}
