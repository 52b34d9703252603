package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
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
import org.energychain.node.TestNet;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI description against what the server really registered: a real OpenAPI 3 parser reads
 * it, every reference in it resolves, and its operations are exactly the routes Javalin holds, the modules'
 * (trading's, found on the class path as {@code energychain node} finds them) included.
 */
class OpenApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestNet net;

    @BeforeAll
    static void start() {
        net = new TestNet();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void theServedDescriptionIsValidOpenApiAndListsExactlyTheRoutesTheServerRegistered() throws Exception {
        String served = served(net.api);
        assertValidOpenApi(served);
        List<String> registered = registered(net.api);
        assertThat(registered).as("the modules' routes are mounted").contains("GET /chains/{chain}/catalog/listings",
                "GET /chains/{chain}/market/deliveries/{trade}").contains("GET /metrics");
        assertThat(documented(JsonViews.MAPPER.readTree(served))).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void aServerWithoutModulesOrMetricsDescribesNoneOfTheirRoutes() throws Exception {
        try (ApiServer bare = new ApiServer(net.node, NodeConfig.Http.DEFAULT.withPort(0), false).start()) {
            String served = served(bare);
            assertValidOpenApi(served);
            List<String> documented = documented(JsonViews.MAPPER.readTree(served));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(registered(bare))
                    .noneMatch(op -> op.contains("/catalog/") || op.contains("/market/") || op.endsWith("/metrics"));
        }
    }

    @Test
    void aRouteAModuleAddsWithoutDescribingItIsFoundMissingFromTheDescription() throws Exception {
        NodeRoutes undescribed = new NodeRoutes() {
            @Override
            public void register(Routes routes) {
                routes.route(HandlerType.GET, "/chains/{chain}/extra", ctx -> ctx.result("extra"));
            }

            @Override
            public OpenApiPart openApi() {
                return part("{\"paths\":{}}");
            }
        };
        try (ApiServer server = new ApiServer(net.node, NodeConfig.Http.DEFAULT.withPort(0), true,
                List.of(undescribed)).start()) {
            List<String> registered = new ArrayList<>(registered(server));
            registered.removeAll(documented(JsonViews.MAPPER.readTree(served(server))));
            assertThat(registered).containsExactly("GET /chains/{chain}/extra");
        }
    }

    @Test
    void theParserFindsADescriptionThatIsNotOpenApi() throws Exception {
        ObjectNode doc = (ObjectNode) JsonViews.MAPPER.readTree(served(net.api));
        ((ObjectNode) doc.at("/paths/~1chains/get")).remove("responses");
        assertThat(parse(JsonViews.MAPPER.writeValueAsString(doc)).getMessages()).isNotEmpty();
    }

    @Test
    void aModuleMayNotDescribeAnOperationTheNodeOrAnotherModuleDescribes() {
        OpenApiPart catalog;
        try (NodeRoutes r = new org.energychain.node.trading.CatalogRouteProvider().open(net.node, null)) {
            catalog = r.openApi();
        }
        assertThatThrownBy(() -> OpenApiDocument.assemble(OpenApiDocument.nodeOwn(), List.of(catalog, catalog)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("org/energychain/node/trading/catalog-openapi.json describes GET /chains/{chain}/catalog/"
                        + "listings, which org/energychain/node/trading/catalog-openapi.json describes already");
        OpenApiPart chains = part("{\"paths\":{\"/chains\":{\"get\":{\"summary\":\"mine\",\"responses\":{\"200\":"
                + "{\"description\":\"OK\"}}}}}}");
        assertThatThrownBy(() -> OpenApiDocument.assemble(OpenApiDocument.nodeOwn(), List.of(chains)))
                .hasMessage("test describes GET /chains, which org/energychain/node/api/openapi.json describes already");
    }

    @Test
    void aComponentDefinedTwiceIsKeptOnceIfEqualAndRefusedIfNot() {
        String error = "{\"paths\":{},\"components\":{\"schemas\":{\"Error\":" + OpenApiDocument.nodeOwn()
                .at("/components/schemas/Error") + "}}}";
        assertThat(OpenApiDocument.assemble(OpenApiDocument.nodeOwn(), List.of(part(error))).at("/components/schemas"))
                .hasSameSizeAs(OpenApiDocument.nodeOwn().at("/components/schemas"));
        assertThatThrownBy(() -> OpenApiDocument.assemble(OpenApiDocument.nodeOwn(), List.of(part(
                "{\"paths\":{},\"components\":{\"schemas\":{\"Error\":{\"type\":\"string\"}}}}"))))
                .hasMessage("test defines components.schemas.Error otherwise than the node's description or another "
                        + "module's does");
    }

    @Test
    void aPartOfTheWrongShapeIsRefusedSayingWhere() {
        assertThatThrownBy(() -> part("{\"paths\":{\"/x\":{\"get\":{\"summary\":\"x\"}}}}"))
                .hasMessage("test: paths./x.get needs its responses");
        assertThatThrownBy(() -> part("{\"paths\":{\"/x\":{\"GET\":{}}}}"))
                .hasMessageStartingWith("test: paths./x.GET is neither an HTTP method in lower case");
        assertThatThrownBy(() -> part("{\"paths\":{\"x\":{}}}")).hasMessage("test: paths.x a path must start with /");
        assertThatThrownBy(() -> part("{\"paths\":{},\"info\":{}}"))
                .hasMessageStartingWith("test: info is not part of a module's OpenAPI part");
        assertThatThrownBy(() -> part("{\"components\":{}}")).hasMessage("test: paths must be an object");
        assertThatThrownBy(() -> OpenApiPart.resource(OpenApiTest.class, "missing-openapi.json"))
                .hasMessageStartingWith("org/energychain/node/api/missing-openapi.json is missing from the class path");
        assertThatThrownBy(() -> OpenApiPart.resource(OpenApiTest.class, "broken-openapi.json"))
                .hasMessageStartingWith("org/energychain/node/api/broken-openapi.json:4:7: not JSON:");
    }

    private static OpenApiPart part(String json) {
        try {
            return OpenApiPart.of("test", JsonViews.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String served(ApiServer server) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/openapi.json"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return r.body();
    }

    static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    /** Read by the swagger parser without a message, OpenAPI 3.0, and every {@code $ref} in it resolving. */
    static void assertValidOpenApi(String json) throws Exception {
        SwaggerParseResult r = parse(json);
        assertThat(r.getMessages()).isEmpty();
        assertThat(r.getOpenAPI().getOpenapi()).startsWith("3.0.");
        JsonNode doc = JsonViews.MAPPER.readTree(json);
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(doc.at(ref.substring(1)).isMissingNode())
                .as("%s resolves", ref).isFalse());
    }

    private static void collectRefs(JsonNode n, List<String> refs) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> f : n.properties()) {
                if (f.getKey().equals("$ref")) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            }
        } else if (n.isArray()) {
            n.forEach(e -> collectRefs(e, refs));
        }
    }

    /** "METHOD /path" of every operation in the description. */
    static List<String> documented(JsonNode doc) {
        List<String> ops = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (OpenApiPart.METHODS.contains(m)) {
                ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        return ops;
    }

    /** "METHOD /path" of every route Javalin holds, with the path as OpenAPI writes it. */
    static List<String> registered(ApiServer server) {
        return server.routes().stream().map(r -> r.method() + " " + r.openApiPath()).toList();
    }
}
