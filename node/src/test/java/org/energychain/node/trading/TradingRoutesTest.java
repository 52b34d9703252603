package org.energychain.node.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.api.JsonViews;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.node.config.NodeConfig;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API server names no domain: trading's routes come from the route providers on the class path,
 * and a server built without them does not have them.
 */
class TradingRoutesTest {
    static final CryptoSuite SUITE = CryptoSuites.SHA256_ED25519;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    final KeyPair g1 = SUITE.signatures().generateKeyPair(new SecureRandom());
    final KeyPair plat = SUITE.signatures().generateKeyPair(new SecureRandom());
    final Genesis trading = new Genesis("trading", SUITE.name(), false, T0,
            List.of(new Member("G1", Set.of(SupervisionRoles.GROUP), g1.publicKey()),
                    new Member("PLAT", Set.of(TradingRoles.PLATFORM), plat.publicKey())),
            List.of(NodeInfo.solo("PLAT-node", "PLAT", plat.publicKey())), List.of(new Validator("PLAT-node", 10)),
            List.of("catalog", "market"), new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20)));

    @Test
    void theTradingRouteProvidersAreFoundOnTheClassPath() {
        assertThat(RouteProvider.discovered()).extracting(p -> p.getClass().getName())
                .contains(CatalogRouteProvider.class.getName(), DeliveryRouteProvider.class.getName());
    }

    @Test
    void theDiscoveredProvidersRoutesAreServedAndAServerWithoutThemHasNone() throws Exception {
        Node node = Node.builder().contracts(Node.discoveredContracts()).stores(ChainStoreFactory.inMemory())
                .chain(trading, "PLAT", plat.privateKey()).build();
        try (node) {
            node.start();
            publish(node, listing());
            // opened after the listing committed: the catalogue catches up from the chain store on open
            List<NodeRoutes> extensions = RouteProvider.openAll(RouteProvider.discovered(), node, dir);
            try (ApiServer api = new ApiServer(node, NodeConfig.Http.DEFAULT.withPort(0), false, extensions).start()) {
                assertThat(api.routes()).extracting(ApiServer.Route::path)
                        .contains("/chains/{chain}/catalog/listings", "/chains/{chain}/market/deliveries/{trade}");
                HttpResponse<String> r = get(api, "/chains/trading/catalog/listings?path=wind");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode found = JsonViews.MAPPER.readTree(r.body());
                assertThat(found.get("total").asLong()).isEqualTo(1);
                assertThat(found.at("/listings/0/id").asText()).isEqualTo(listing().id());
                assertThat(found.at("/listings/0/seller").asText()).isEqualTo("G1");
                assertThat(extensions).anySatisfy(e -> assertThat(e.serving(node.chain("trading").orElseThrow()))
                        .contains("its catalogue"));
            } finally {
                extensions.forEach(NodeRoutes::close);
            }
            assertThat(dir.resolve("catalog/trading.directory")).as("the catalogue's snapshot, saved on close").exists();

            try (ApiServer bare = new ApiServer(node, NodeConfig.Http.DEFAULT.withPort(0), false).start()) {
                assertThat(bare.routes()).extracting(ApiServer.Route::path)
                        .noneMatch(p -> p.contains("/catalog/") || p.contains("/market/"));
                HttpResponse<String> r = get(bare, "/chains/trading/catalog/listings");
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(JsonViews.MAPPER.readTree(r.body()).get("error").asText()).isEqualTo("NOT_FOUND");
            }
        }
    }

    static Listing listing() {
        byte[] root = new byte[32];
        root[0] = 1;
        return new Listing("D1/G1/unit-1", "SHA-256", root, 4096, "wind", "generation-profile", "North", "G1",
                "G1-U1", "time-series", "active_power", "kW", T0, T0.plusSeconds(86_400L * 31), 100, "single use",
                "https://g1.example/deliveries");
    }

    private void publish(Node n, Listing l) throws Exception {
        Transaction tx = Transaction.sign("trading", "G1", 0, "catalog", "publish", l.encode(), SUITE.signatures(),
                g1.privateKey());
        Submission s = n.chain("trading").orElseThrow().submit(tx);
        assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
        Receipt r = s.receipt().get(30, TimeUnit.SECONDS);
        assertThat(r.result().code()).isZero();
    }

    private static HttpResponse<String> get(ApiServer api, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
