package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.energychain.node.api.ApiEndToEndTest.expect;
import static org.energychain.node.api.ApiEndToEndTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.TestNet;
import org.energychain.node.client.NodeClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Binary and batch submission (docs/api.md, "Submitting", "Batch submission"). */
class BatchSubmissionTest {
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

    static HttpResponse<String> postBinary(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(net.uri(path)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBatchOfGoodAndBadTransactionsAnswersEachInOrderAndCommitsTheGoodOnes() throws Exception {
        long nonce = net.client.nextNonce("open", "g1");
        Transaction first = net.tx(net.open, "g1", net.g1, nonce, "put", "b1=1");
        Transaction second = net.tx(net.open, "g1", net.g1, nonce + 1, "put", "b2=2");
        List<byte[]> items = List.of(
                first.encode(),
                net.tx(net.open, "g1", net.g1, nonce + 5, "put", "x=1").withSignature(new byte[64]).encode(),
                new byte[] {0, 0, 0, 1, 7},
                second.encode(),
                net.tx(net.priv, "g1", net.g1, 0, "put", "x=1").encode(),
                net.tx(net.open, "reg", net.reg, 0, "put", "x=1").encode(),
                net.tx(net.open, "g1", net.g1, nonce + 2, "put", "x=" + "y".repeat(5000)).encode(),
                net.tx(net.open, "mallory", net.outsider, 0, "put", "x=1").encode());
        HttpResponse<String> r = postBinary("/chains/open/transactions/batch?wait=true",
                TransactionBatch.encodeRaw(items));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = json(r);
        assertThat(answer.get("count").asInt()).isEqualTo(8);
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("committed").asInt()).isEqualTo(2);
        assertThat(answer.get("rejected").asInt()).isEqualTo(6);
        JsonNode results = answer.get("results");
        assertThat(results.findValuesAsText("status")).containsExactly("committed", "rejected", "rejected",
                "committed", "rejected", "rejected", "rejected", "rejected");
        assertThat(results.get(1).get("error").asText()).isEqualTo("BAD_SIGNATURE");
        assertThat(results.get(1).get("httpStatus").asInt()).isEqualTo(403);
        assertThat(results.get(2).get("error").asText()).isEqualTo("MALFORMED");
        assertThat(results.get(2).get("message").asText()).startsWith("not a transaction");
        assertThat(results.get(2).has("txId")).as("not a transaction: no id").isFalse();
        assertThat(results.get(4).get("error").asText()).isEqualTo("WRONG_CHAIN");
        assertThat(results.get(5).get("error").asText()).isEqualTo("UNAUTHORISED");
        assertThat(results.get(6).get("error").asText()).isEqualTo("OVERSIZED");
        assertThat(results.get(6).get("httpStatus").asInt()).isEqualTo(413);
        assertThat(results.get(7).get("error").asText()).isEqualTo("UNKNOWN_SENDER");
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
        }
        String firstId = Hex.encode(first.id(net.suite.hash()));
        assertThat(results.get(0).get("txId").asText()).isEqualTo(firstId);
        assertThat(results.get(0).at("/receipt/txId").asText()).isEqualTo(firstId);
        assertThat(results.get(0).at("/receipt/result/code").asInt()).isZero();
        assertThat(results.get(3).at("/receipt/blockHash").asText()).hasSize(64);
        long h0 = results.get(0).at("/receipt/height").asLong();
        long h3 = results.get(3).at("/receipt/height").asLong();
        assertThat(h3 * 1_000_000 + results.get(3).at("/receipt/index").asLong())
                .as("one sender's transactions are committed in their order")
                .isGreaterThan(h0 * 1_000_000 + results.get(0).at("/receipt/index").asLong());
        assertThat(new String(net.client.query("open", "kv", "get", "b2".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("2");
    }

    @Test
    void manySendersInOneBatchAreAllAdmittedAndTheClientAnswersInOrder() {
        long g1 = net.client.nextNonce("open", "g1");
        long reg = net.client.nextNonce("open", "reg");
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            txs.add(i % 2 == 0 ? net.tx(net.open, "g1", net.g1, g1 + i / 2, "put", "m" + i + "=" + i)
                    : net.tx(net.open, "reg", net.reg, reg + i / 2, "fail", "m" + i));
        }
        List<NodeClient.BatchItem> items = net.client.submitBatch("open", txs, true);
        assertThat(items).hasSize(200);
        for (int i = 0; i < 200; i++) {
            NodeClient.BatchItem it = items.get(i);
            assertThat(it.index()).isEqualTo(i);
            assertThat(it.txId()).isEqualTo(Hex.encode(txs.get(i).id(net.suite.hash())));
            assertThat(it.committed()).as(it.toString()).isTrue();
            assertThat(it.receipt().at("/result/code").asInt()).isEqualTo(i % 2 == 0 ? 0 : 102);
        }
        assertThat(net.client.nextNonce("open", "g1")).isEqualTo(g1 + 100);
        assertThat(net.client.nextNonce("open", "reg")).isEqualTo(reg + 100);
        // without waiting: admitted, then the same transactions again are the same ones (or committed already)
        List<NodeClient.BatchItem> again = net.client.submitBatch("open", txs.subList(0, 2));
        assertThat(again).extracting(NodeClient.BatchItem::error).containsOnly("REPLAYED");
    }

    @Test
    void aBatchToAPrivateChainNeedsNoRequestSignature() throws Exception {
        long nonce = net.client.signedAs("g1", net.g1.privateKey()).nextNonce("priv", "g1");
        HttpResponse<String> r = postBinary("/chains/priv/transactions/batch",
                TransactionBatch.encode(List.of(net.tx(net.priv, "g1", net.g1, nonce, "put", "pb=1"))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).at("/results/0/status").asText()).isEqualTo("pending");
    }

    @Test
    void aBadFrameIsRefusedWholeNamingWhere() throws Exception {
        byte[] good = TransactionBatch.encodeRaw(List.of(new byte[10], new byte[20]));
        HttpResponse<String> truncated = postBinary("/chains/open/transactions/batch",
                java.util.Arrays.copyOf(good, good.length - 1));
        expect(truncated, 400, "MALFORMED");
        assertThat(json(truncated).get("message").asText()).contains("batch transaction 1 at byte offset 35");
        HttpResponse<String> tooMany = postBinary("/chains/open/transactions/batch",
                new CanonicalWriter().tag(TransactionBatch.TAG).i32(10_001).toByteArray());
        expect(tooMany, 413, "BATCH_TOO_LARGE");
        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(net.uri("/chains/open/transactions/batch"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(json, 415, "UNSUPPORTED_MEDIA_TYPE");
        expect(postBinary("/chains/nowhere/transactions/batch", good), 404, "UNKNOWN_CHAIN");
        HttpResponse<String> empty = postBinary("/chains/open/transactions/batch", TransactionBatch.encodeRaw(List.of()));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(json(empty).get("results").size()).isZero();
    }

    @Test
    void oneTransactionAsItsRawEncodingGetsTheAnswersOfTheJsonForm() throws Exception {
        long nonce = net.client.nextNonce("open", "g1");
        Transaction tx = net.tx(net.open, "g1", net.g1, nonce, "put", "raw=1");
        HttpResponse<String> r = postBinary("/chains/open/transactions?wait=true", tx.encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("committed");
        assertThat(json(r).at("/receipt/result/code").asInt()).isZero();
        HttpResponse<String> replayed = postBinary("/chains/open/transactions", tx.encode());
        expect(replayed, 409, "REPLAYED");
        assertThat(json(replayed).get("txId").asText()).as("a refusal names the transaction")
                .isEqualTo(Hex.encode(tx.id(net.suite.hash())));
        expect(postBinary("/chains/open/transactions", new byte[] {1, 2, 3}), 400, "MALFORMED");
        expect(postBinary("/chains/open/transactions", net.tx(net.open, "g1", net.g1, nonce + 9, "put", "raw=9")
                .withSignature(new byte[64]).encode()), 403, "BAD_SIGNATURE");
        // a used nonce is refused as the replay it is before any signature is verified
        expect(postBinary("/chains/open/transactions", tx.withSignature(new byte[64]).encode()), 409, "REPLAYED");
        HttpResponse<String> pending = postBinary("/chains/open/transactions",
                net.tx(net.open, "g1", net.g1, nonce + 1, "put", "raw=2").encode());
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
        assertThat(pending.headers().firstValue("Location")).contains("/chains/open/receipts/"
                + json(pending).get("txId").asText());
        // the client sends the raw encoding
        NodeClient.SubmitResult s = net.client.submit("open", net.tx(net.open, "g1", net.g1, nonce + 2, "put", "raw=3"),
                true);
        assertThat(s.committed()).as(s.toString()).isTrue();
    }
}
