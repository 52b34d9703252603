package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.energychain.node.HostedChain;
import org.energychain.node.api.JsonViews;
import org.energychain.node.trading.PlatformCatalogues;
import org.energychain.trading.directory.CatalogIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a platform node, which serves the trading chain's catalogue, the console's directory is the
 * catalogue's own index (one copy of the directory in memory, not two): the same instance, and so the same
 * counts at the same height as the catalogue's routes after every new publication.
 */
class SharedCatalogueTest {
    static ConsoleNode node;
    static HostedChain chain;
    static BuyerViews buyer;
    static final java.time.Clock CLOCK = java.time.Clock.systemUTC();

    @BeforeAll
    static void start() {
        node = new ConsoleNode(); // the platform PLAT's node of the trading chain
        chain = node.node.chain("trading").orElseThrow();
        buyer = node.extensions.stream().filter(ConsoleRoutes.class::isInstance).map(ConsoleRoutes.class::cast)
                .findFirst().orElseThrow().buyer();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /**
     * Waits until {@code idx} applied the chain's latest block (it follows the chain on its own thread), parking
     * between looks so as not to take the core that thread needs; bounded so a broken index fails the test.
     */
    private static void awaitIndex(CatalogIndex idx) {
        long h = chain.chain().store().height();
        java.time.Instant deadline = CLOCK.instant().plusSeconds(60);
        while (idx.browse("").height() < h) {
            assertThat(CLOCK.instant()).as("the catalogue follows block " + h).isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private static JsonNode catalogueTree(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                node.url("/chains/trading/catalog/tree" + (path.isEmpty() ? "" : "?path=" + path)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonViews.MAPPER.readTree(r.body());
    }

    @Test
    void theConsoleReadsTheCataloguesOwnIndex() throws Exception {
        CatalogIndex platform = node.node.shared(PlatformCatalogues.class).orElseThrow().of("trading").orElseThrow();
        assertThat(buyer.index(chain)).as("one directory on the node, not a console copy").isSameAs(platform);
        for (int n = 1; n <= 3; n++) {
            node.publish(n);
            awaitIndex(platform);
            ObjectNode console = buyer.tree(chain, "wind/generation-profile/North/G1");
            JsonNode routes = catalogueTree("wind/generation-profile/North/G1");
            assertThat(console.path("height").asLong()).isEqualTo(routes.path("height").asLong())
                    .isEqualTo(chain.chain().store().height());
            assertThat(console.path("children")).isEqualTo(routes.path("children")).hasSize(n);
            assertThat(buyer.tree(chain, null).path("children").get(0).path("count").asLong()).isEqualTo(n);
        }
    }
}
