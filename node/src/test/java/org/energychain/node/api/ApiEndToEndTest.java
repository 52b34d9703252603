package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.energychain.crypto.Hex;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.TestNet;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiEndToEndTest {
    static TestNet net;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        net = new TestNet();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(net.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(net.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JsonViews.MAPPER.readTree(r.body());
    }

    static String txBody(Transaction tx) {
        return "{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}";
    }

    @Test
    void aSubmittedTransactionGetsAReceiptIsInABlockAndItsStateAnswersQueries() throws Exception {
        NodeClient c = net.client;
        long nonce = c.nextNonce("open", "g1");
        HttpResponse<String> r = post("/chains/open/transactions", txBody(net.tx(net.open, "g1", net.g1, nonce, "put", "a=1")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = json(r).get("txId").asText();
        assertThat(r.headers().firstValue("Location")).contains("/chains/open/receipts/" + id);

        JsonNode receipt = c.awaitReceipt("open", id, Duration.ofSeconds(30));
        assertThat(receipt.at("/result/code").asInt()).isZero();
        assertThat(receipt.at("/result/events/0/type").asText()).isEqualTo("put");
        long height = receipt.get("height").asLong();

        JsonNode block = c.block("open", height);
        assertThat(block.get("hash").asText()).isEqualTo(receipt.get("blockHash").asText());
        assertThat(block.get("transactions").findValuesAsText("id")).contains(id);
        assertThat(c.blockByHash("open", block.get("hash").asText()).get("height").asLong()).isEqualTo(height);
        // the same block as its canonical encoding, without the JSON view
        assertThat(Hex.encode(c.blockBytes("open", height))).isEqualTo(block.get("encoded").asText());
        HttpResponse<byte[]> raw = HTTP.send(HttpRequest.newBuilder(net.uri("/chains/open/blocks/" + height))
                .header("Accept", "application/octet-stream").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/octet-stream"));
        assertThat(raw.headers().firstValue("EC-Final")).contains("true");
        assertThat(c.rawBlock("open", height, 32).header().height()).isEqualTo(height);
        assertThatThrownBy(() -> c.blockBytes("open", 1_000_000))
                .isInstanceOfSatisfying(NodeClientException.class, e -> assertThat(e.status()).isEqualTo(404));
        JsonNode tx = c.transaction("open", id);
        assertThat(tx.get("sender").asText()).isEqualTo("g1");
        assertThat(tx.get("args").asText()).isEqualTo(Hex.encode("a=1".getBytes(StandardCharsets.UTF_8)));
        assertThat(Transaction.decode(Hex.decode(tx.get("tx").asText())).nonce()).isEqualTo(nonce);

        assertThat(new String(c.query("open", "kv", "get", "a".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("1");
        JsonNode status = c.status("open");
        assertThat(status.get("height").asLong()).isGreaterThanOrEqualTo(height);
        // the genesis part, made once per chain, is the chain's own on every poll, beside the live figures
        assertThat(status.get("genesisHash").asText()).isEqualTo(Hex.encode(net.open.hash()));
        assertThat(status.get("members").findValuesAsText("id")).contains("g1", "reg");
        JsonNode again = c.status("open");
        assertThat(again.get("genesisHash")).isEqualTo(status.get("genesisHash"));
        assertThat(again.get("members")).isEqualTo(status.get("members"));
        assertThat(c.signedAs("g1", net.g1.privateKey()).status("priv").get("genesisHash").asText())
                .isEqualTo(Hex.encode(net.priv.hash()));
        assertThat(c.nextNonce("open", "g1")).isEqualTo(nonce + 1);
        assertThat(c.chains().get("chains").findValuesAsText("id")).containsExactly("open", "priv");
    }

    @Test
    void waitTrueAnswersWithTheReceiptAndAFailedCallIsCommittedWithItsCode() throws Exception {
        NodeClient c = net.client.signedAs("reg", net.reg.privateKey());
        long nonce = c.nextNonce("open", "reg");
        NodeClient.SubmitResult s = c.submit("open", net.tx(net.open, "reg", net.reg, nonce, "fail", "why"), true);
        assertThat(s.committed()).as(s.toString()).isTrue();
        assertThat(s.receipt().at("/result/code").asInt()).isEqualTo(102);
        assertThat(s.receipt().at("/result/message").asText()).contains("refused: why");
    }

    @Test
    void rejectedTransactionsGetTheirStatusAndReason() throws Exception {
        long nonce = net.client.nextNonce("open", "g1");
        Transaction good = net.tx(net.open, "g1", net.g1, nonce, "put", "r=1");
        expect(post("/chains/open/transactions", "{\"tx\":\"zz\"}"), 400, "MALFORMED");
        expect(post("/chains/open/transactions", "not json"), 400, "MALFORMED");
        expect(post("/chains/open/transactions", "{\"tx\":\"00\"}"), 400, "MALFORMED");
        expect(post("/chains/open/transactions", txBody(net.tx(net.priv, "g1", net.g1, 0, "put", "x=1"))), 400, "WRONG_CHAIN");
        expect(post("/chains/open/transactions", txBody(net.tx(net.open, "g1", net.g1, nonce, "nosuch", "x"))), 400, "UNKNOWN_METHOD");
        expect(post("/chains/open/transactions", txBody(good.withSignature(new byte[64]))), 403, "BAD_SIGNATURE");
        expect(post("/chains/open/transactions", txBody(net.tx(net.open, "mallory", net.outsider, 0, "put", "x=1"))), 403,
                "UNKNOWN_SENDER");
        expect(post("/chains/open/transactions", txBody(net.tx(net.open, "reg", net.reg, 0, "put", "x=1"))), 403,
                "UNAUTHORISED");
        expect(post("/chains/open/transactions", txBody(net.tx(net.open, "g1", net.g1, nonce, "put", "x=" + "y".repeat(5000)))),
                413, "OVERSIZED");
        expect(post("/chains/nowhere/transactions", txBody(good)), 404, "UNKNOWN_CHAIN");

        NodeClient.SubmitResult s = net.client.submit("open", good, true);
        assertThat(s.committed()).isTrue();
        expect(post("/chains/open/transactions", txBody(good)), 409, "REPLAYED");
        expect(get("/chains/open/blocks/999999"), 404, "NOT_FOUND");
        expect(get("/chains/open/receipts/00ff"), 404, "NOT_FOUND");
        expect(get("/no/such/route"), 404, "NOT_FOUND");
    }

    @Test
    void aFullMempoolAnswers429AndAResentTransactionIsTheSameOne() throws Exception {
        try (TestNet idle = new TestNet(false, new ChainLimits(1, 1 << 20, 4096, 1, Duration.ofSeconds(60)))) {
            HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(idle.uri("/chains/open/transactions"))
                    .POST(HttpRequest.BodyPublishers.ofString(txBody(idle.tx(idle.open, "g1", idle.g1, 0, "put", "a=1"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            HttpResponse<String> dup = HTTP.send(HttpRequest.newBuilder(idle.uri("/chains/open/transactions"))
                    .POST(HttpRequest.BodyPublishers.ofString(txBody(idle.tx(idle.open, "g1", idle.g1, 0, "put", "a=1"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dup.statusCode()).as(dup.body()).isEqualTo(202);
            assertThat(dup.body()).isEqualTo(first.body());
            HttpResponse<String> full = HTTP.send(HttpRequest.newBuilder(idle.uri("/chains/open/transactions"))
                    .POST(HttpRequest.BodyPublishers.ofString(txBody(idle.tx(idle.open, "reg", idle.reg, 0, "fail", "x"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            expect(full, 429, "MEMPOOL_FULL");
            assertThat(full.headers().firstValue("Retry-After")).contains("1");
            NodeClient.SubmitResult pending = idle.client.submit("priv", idle.tx(idle.priv, "g1", idle.g1, 0, "put", "a=1"), false);
            assertThat(pending.status()).isEqualTo("pending");
        }
    }

    static void expect(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).as(r.body()).isEqualTo(code);
        assertThat(json(r).get("message").asText()).isNotBlank();
    }

    @Test
    void privateChainReadsNeedAMembersSignature() throws Exception {
        NodeClient member = net.client.signedAs("g1", net.g1.privateKey());
        NodeClient.SubmitResult s = member.submit("priv", net.tx(net.priv, "g1", net.g1,
                member.nextNonce("priv", "g1"), "put", "p=secret"), true);
        assertThat(s.committed()).isTrue();

        for (String path : List.of("/chains/priv/status", "/chains/priv/blocks/1", "/chains/priv/receipts/" + s.txId(),
                "/chains/priv/transactions/" + s.txId(), "/chains/priv/events")) {
            expect(get(path), 401, "UNAUTHENTICATED");
        }
        expect(post("/chains/priv/query", "{\"contract\":\"kv\",\"method\":\"get\",\"args\":\"70\"}"), 401, "UNAUTHENTICATED");
        assertThat(get("/chains/open/status").statusCode()).isEqualTo(200);

        assertThat(member.status("priv").get("height").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(member.receipt("priv", s.txId())).isPresent();
        assertThat(new String(member.query("priv", "kv", "get", "p".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("secret");
        NodeClient regulator = net.client.signedAs("reg", net.reg.privateKey());
        assertThat(regulator.block("priv", 1).get("height").asLong()).isEqualTo(1);
        assertThat(regulator.rawBlock("priv", 1, 32).height()).isEqualTo(1);
        HttpResponse<byte[]> unsigned = HTTP.send(HttpRequest.newBuilder(net.uri("/chains/priv/blocks/1"))
                .header("Accept", "application/octet-stream").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> regulator.query("priv", "kv", "secret", "p".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NodeClientException.class, e -> assertThat(e.status()).isEqualTo(403));

        assertRefused(() -> net.client.signedAs("mallory", net.outsider.privateKey()).status("priv"), 403, "NOT_A_MEMBER");
        assertRefused(() -> net.client.signedAs("g1", net.outsider.privateKey()).status("priv"), 401, "BAD_SIGNATURE");
        NodeClient late = member.with(Duration.ofSeconds(30),
                java.time.Clock.fixed(TestNet.NOW.minusSeconds(61), java.time.ZoneOffset.UTC));
        assertRefused(() -> late.status("priv"), 401, "EXPIRED");
        NodeClient early = member.with(Duration.ofSeconds(30),
                java.time.Clock.fixed(TestNet.NOW.plusSeconds(59), java.time.ZoneOffset.UTC));
        assertThat(early.status("priv").get("chain").asText()).isEqualTo("priv");
        // a signature for one path does not open another
        long t = TestNet.NOW.toEpochMilli();
        HttpRequest.Builder moved = HttpRequest.newBuilder(net.uri("/chains/priv/blocks/1"));
        RequestSigning.sign(net.suite.signatures(), net.g1.privateKey(), "GET", "/chains/priv/status", "",
                net.client.identity("priv"), "g1", t, RequestSigning.newNonce(), new byte[0]).forEach(moved::header);
        expect(HTTP.send(moved.build(), HttpResponse.BodyHandlers.ofString()), 401, "BAD_SIGNATURE");
        // the private chain's height is not listed for anyone
        JsonNode chains = json(get("/chains"));
        assertThat(chains.at("/chains/1/id").asText()).isEqualTo("priv");
        assertThat(chains.at("/chains/1").has("height")).isFalse();
    }

    static void assertRefused(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NodeClientException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        });
    }

    @Test
    void specificNotFoundErrorsKeepTheirCodeWhateverTheRequestAccepts() throws Exception {
        for (String accept : new String[] {null, "text/html", "*/*", "application/json"}) {
            assertNotFound(accept, "/chains/nowhere/status", "UNKNOWN_CHAIN", "runs no chain nowhere");
            assertNotFound(accept, "/chains/open/blocks/999999", "NOT_FOUND", "has no block 999999");
            assertNotFound(accept, "/chains/open/catalog/listings", "NO_CATALOGUE", "keeps no catalogue");
            assertNotFound(accept, "/chains/open/market/deliveries/" + "ab".repeat(32), "NO_DELIVERIES",
                    "serves no deliveries");
            assertNotFound(accept, "/no/such/route", "NOT_FOUND", "no route GET /no/such/route");
        }
    }

    static void assertNotFound(String accept, String path, String code, String message) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(net.uri(path)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
        expect(r, 404, code);
        assertThat(json(r).get("message").asText()).as(path).contains(message);
    }

    @Test
    void metricsCountCommittedTransactionsPerChain() throws Exception {
        net.client.submit("open", net.tx(net.open, "g1", net.g1, net.client.nextNonce("open", "g1"), "put", "m=1"), true);
        expect(post("/chains/open/transactions", txBody(net.tx(net.open, "reg", net.g1, 0, "put", "x=1"))), 403, "BAD_SIGNATURE");
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).containsPattern("energychain_transactions_committed_total\\{chain=\"open\"} [1-9]")
                .contains("energychain_block_height{chain=\"open\"}")
                .contains("energychain_mempool_size{chain=\"open\"}")
                .containsPattern("energychain_commit_latency_seconds_count\\{chain=\"open\"} [1-9]")
                .containsPattern("energychain_transactions_rejected_total\\{chain=\"open\",reason=\"BAD_SIGNATURE\"} [1-9]")
                .as("a private chain's height and activity are for its members").doesNotContain("chain=\"priv\"");
        assertThat(net.node.metrics().scrapePrivate()).contains("energychain_block_height{chain=\"priv\"}");
    }

    @Test
    void theEventStreamDeliversCommittedBlocks() throws Exception {
        long from = net.client.status("open").get("height").asLong() + 1;
        CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(
                HttpRequest.newBuilder(net.uri("/chains/open/events?from=" + from)).header("Accept", "text/event-stream")
                        .build(), HttpResponse.BodyHandlers.ofLines());
        NodeClient.SubmitResult s = net.client.submit("open", net.tx(net.open, "g1", net.g1,
                net.client.nextNonce("open", "g1"), "put", "sse=1"), true);
        HttpResponse<Stream<String>> resp = stream.get(30, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(200);
        CompletableFuture<JsonNode> firstBlock = CompletableFuture.supplyAsync(() -> {
            Iterator<String> lines = resp.body().iterator();
            boolean blockEvent = false;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.equals("event: block")) {
                    blockEvent = true;
                } else if (blockEvent && line.startsWith("data: ")) {
                    try {
                        return JsonViews.MAPPER.readTree(line.substring(6));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            throw new IllegalStateException("stream ended");
        });
        JsonNode block = firstBlock.get(30, TimeUnit.SECONDS);
        assertThat(block.get("height").asLong()).isEqualTo(from);
        assertThat(block.get("height").asLong()).isLessThanOrEqualTo(s.receipt().get("height").asLong());
        resp.body().close();
    }
}
