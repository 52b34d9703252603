package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.node.TestNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A signed request is good for one request, to one node, on one chain, once (docs/api.md, "Request
 * signing"), and its encoding is the documented one: the golden vector is read from docs/api.md and
 * recomputed here.
 */
class SignedRequestTest {
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

    @Test
    void theGoldenVectorOfDocsApiMdIsWhatTheCodeComputes() throws Exception {
        Map<String, String> v = goldenVector();
        SignatureScheme ed25519 = CryptoSuites.SHA256_ED25519.signatures();
        PrivateKey key = new PrivateKey(ed25519.name(), Hex.decode(v.get("seed")));
        byte[] body = v.get("body").getBytes(StandardCharsets.UTF_8);
        NodeIdentity target = new NodeIdentity(v.get("chain"), v.get("genesis"), v.get("node"));
        byte[] nonce = Hex.decode(v.get("nonce"));
        long time = Long.parseLong(v.get("time"));

        assertThat(Hex.encode(HashFunctions.SHA256.hash(body))).isEqualTo(v.get("body-sha256"));
        byte[] message = RequestSigning.message(v.get("method"), v.get("path"), v.get("query"), target, v.get("member"),
                time, nonce, HashFunctions.SHA256.hash(body));
        assertThat(Hex.encode(message)).isEqualTo(v.get("message"));
        Map<String, String> headers = RequestSigning.sign(ed25519, key, v.get("method"), v.get("path"), v.get("query"),
                target, v.get("member"), time, nonce, body);
        assertThat(headers.get(RequestSigning.SIGNATURE)).isEqualTo(v.get("signature"));
        assertThat(headers).containsEntry(RequestSigning.NODE, "G1").containsEntry(RequestSigning.NONCE, v.get("nonce"))
                .containsEntry(RequestSigning.CONTENT_SHA256, v.get("body-sha256"))
                .containsEntry(RequestSigning.TIME, v.get("time")).containsEntry(RequestSigning.MEMBER, "G1");
        assertThat(ed25519.verify(ed25519.publicKeyOf(key), message, Hex.decode(v.get("signature")))).isTrue();
    }

    /** The lines of the fenced block after the golden-vector marker in docs/api.md. */
    static Map<String, String> goldenVector() throws Exception {
        return goldenVector("request signing");
    }

    /** The lines of the fenced block after the marker {@code <!-- golden vector: NAME -->} in docs/api.md. */
    static Map<String, String> goldenVector(String name) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "api.md"));
        int at = lines.indexOf("<!-- golden vector: " + name + " -->");
        assertThat(at).as("the marker in docs/api.md").isNotNegative();
        assertThat(lines.get(at + 1)).isEqualTo("```text");
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : lines.subList(at + 2, lines.size())) {
            if (line.startsWith("```")) {
                break;
            }
            String[] kv = line.split("\\s+", 2);
            v.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return v;
    }

    @Test
    void aCapturedRequestCannotBeSentAgain() throws Exception {
        Map<String, String> h = signed("GET", "/chains/priv/status", "", net.client.identity("priv"), new byte[0]);
        assertThat(send("GET", "/chains/priv/status", h, null).statusCode()).isEqualTo(200);
        ApiEndToEndTest.expect(send("GET", "/chains/priv/status", h, null), 401, "REPLAYED");
    }

    @Test
    void aRequestAddressedToAnotherNodeOrChainOrNetworkIsRefused() throws Exception {
        NodeIdentity priv = net.client.identity("priv");
        assertThat(priv.node()).isEqualTo("g1");
        assertThat(priv.genesisHash()).isEqualTo(Hex.encode(net.priv.hash()));
        // addressed to the node of another member
        ApiEndToEndTest.expect(send("GET", "/chains/priv/status",
                signed("GET", "/chains/priv/status", "", priv.withNode("reg"), new byte[0]), null), 401, "WRONG_NODE");
        // a chain of the same name on another network (another genesis)
        NodeIdentity elsewhere = new NodeIdentity("priv", Hex.encode(net.open.hash()), "g1");
        ApiEndToEndTest.expect(send("GET", "/chains/priv/status",
                signed("GET", "/chains/priv/status", "", elsewhere, new byte[0]), null), 401, "BAD_SIGNATURE");
        // signed for the public chain, sent to the private one
        ApiEndToEndTest.expect(send("GET", "/chains/priv/status",
                signed("GET", "/chains/open/status", "", net.client.identity("open"), new byte[0]), null), 401,
                "BAD_SIGNATURE");
    }

    @Test
    void theBodyMustBeTheSignedOne() throws Exception {
        byte[] query = "{\"contract\":\"kv\",\"method\":\"get\",\"args\":\"70\"}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"contract\":\"kv\",\"method\":\"get\",\"args\":\"71\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = signed("POST", "/chains/priv/query", "", net.client.identity("priv"), query);
        ApiEndToEndTest.expect(send("POST", "/chains/priv/query", h, other), 401, "BAD_SIGNATURE");
        Map<String, String> fresh = signed("POST", "/chains/priv/query", "", net.client.identity("priv"), query);
        HttpResponse<String> r = send("POST", "/chains/priv/query", fresh, query);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 422);
    }

    @Test
    void everyChainListsWhoTheNodeIsOnIt() throws Exception {
        JsonNode chains = net.client.chains().get("chains");
        assertThat(chains.findValuesAsText("node")).containsExactly("g1", "g1");
        assertThat(chains.findValuesAsText("genesis")).containsExactly(Hex.encode(net.open.hash()),
                Hex.encode(net.priv.hash()));
    }

    static Map<String, String> signed(String method, String path, String query, NodeIdentity target, byte[] body) {
        return RequestSigning.sign(net.suite.signatures(), net.g1.privateKey(), method, path, query, target, "g1",
                TestNet.NOW.toEpochMilli(), RequestSigning.newNonce(), body);
    }

    static HttpResponse<String> send(String method, String path, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(net.uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Found by ApiDecodersFuzzTest#signingHeaders: the node's time minus this one overflowed to
     * Long.MIN_VALUE, whose Math.abs is negative, so a request signed for it passed the clock-skew check.
     */
    @Test
    void aTimeWhoseDistanceFromTheClockOverflowsIsExpired() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        long wraps = now.toEpochMilli() + Long.MIN_VALUE;
        NodeIdentity target = net.client.identity("priv");
        byte[] nonce = RequestSigning.newNonce();
        Map<String, String> h = RequestSigning.sign(net.suite.signatures(), net.g1.privateKey(), "GET",
                "/chains/priv/status", "", target, "g1", wraps, nonce, new byte[0]);
        RequestSigning.Headers parsed = RequestSigning.parse(h::get, "priv");
        assertThat(parsed.time()).isEqualTo(wraps);
        assertThatThrownBy(() -> RequestSigning.verify(net.priv, "GET", "/chains/priv/status", "", parsed, now,
                Duration.ofMinutes(5))).isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.code()).isEqualTo("EXPIRED");
                    assertThat(e.getMessage()).contains("is 9223372036854775808 ms from the node's clock");
                });
    }
}
