package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.energychain.node.api.JsonViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's live stream of a chain, which the network page follows at whatever rate the chain
 * commits: each event is the block's height, hash, time, proposer and number of transactions (what the
 * page shows; not the whole block, whose JSON is about a kilobyte a transaction), and the network view
 * says how the stream's subscribers are doing (how many, blocks waiting, drops, the backlog limit).
 */
class ConsoleStreamTest {
    static ConsoleNode node;
    static String cookie;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode();
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/console/api/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + ConsoleNode.PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonViews.MAPPER.readTree(r.body());
    }

    private static JsonNode events() throws Exception {
        for (JsonNode c : get("/console/api/network").path("chains")) {
            if (c.path("id").asText().equals("trading")) {
                return c.path("events");
            }
        }
        throw new AssertionError("no chain trading in the console's network view");
    }

    @Test
    void eachEventIsTheBlocksSummaryAndTheNetworkViewCountsTheSubscriber() throws Exception {
        assertThat(events().path("subscribers").asInt()).isZero();
        assertThat(events().path("backlog").asInt()).isEqualTo(ConsoleRoutes.STREAM_BACKLOG);
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(node.url(
                "/console/api/chains/trading/events"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
                try {
                    boolean block = false;
                    for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                        if (l.equals("event: block")) {
                            block = true;
                        } else if (block && l.startsWith("data: ")) {
                            return l.substring("data: ".length());
                        }
                    }
                    throw new AssertionError("the stream ended without a block");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(events().path("subscribers").asInt()).as("the stream counts its subscriber").isOne();
            String txId = node.publish(1);
            JsonNode b = JsonViews.MAPPER.readTree(data.get(30, TimeUnit.SECONDS));
            assertThat(b.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("height", "hash", "time", "proposer", "txCount");
            assertThat(b.path("txCount").asInt()).isOne();
            JsonNode full = get("/console/api/chains/trading/blocks/" + b.path("height").asLong());
            assertThat(full.path("hash").asText()).isEqualTo(b.path("hash").asText());
            assertThat(full.path("transactions").get(0).path("id").asText()).isEqualTo(txId);
            JsonNode ev = events();
            assertThat(ev.path("dropped").asLong()).isZero();
            assertThat(ev.path("queuedPeak").asInt()).isBetween(1, ConsoleRoutes.STREAM_BACKLOG);
        }
    }
}
