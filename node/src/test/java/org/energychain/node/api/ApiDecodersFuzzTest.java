package org.energychain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.crypto.encoding.DecoderContract.Format;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureScheme;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of what the REST API parses from a request (docs/fuzzing.md), called directly, without a
 * server: a submitted transaction as JSON ({@code {"tx": hex}}) or raw bytes, a binary
 * {@value TransactionBatch#TAG} batch, the headers of a signed request (parsed, then checked against a
 * chain's genesis) and the body of a contract query. Anything is parsed, or refused with the
 * {@link ApiError} the route answers with: 400 {@code MALFORMED} for a body (413 for a batch of too many),
 * 401 or 403 for signing headers, always with a message; a signed request's time is refused as
 * {@code EXPIRED} exactly when it lies outside the clock-skew window.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class ApiDecodersFuzzTest {
    static final Format<Transaction> TRANSACTION = DecoderContract.format("transaction", Transaction::decode,
            Transaction::encode);
    static final SignatureScheme ED25519 = CryptoSuites.SHA256_ED25519.signatures();
    static final PrivateKey G1 = new PrivateKey(ED25519.name(), Hex.decode("11".repeat(32)));
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Duration SKEW = Duration.ofMinutes(5);
    static final Genesis PRIV = new Genesis("priv", CryptoSuites.SHA256_ED25519.name(), true, NOW.minusSeconds(3600),
            List.of(new Member("g1", java.util.Set.of(org.energychain.supervision.contract.SupervisionRoles.GROUP), ED25519.publicKeyOf(G1))),
            List.of(NodeInfo.solo("g1-node", "g1", ED25519.publicKeyOf(G1))), List.of(new Validator("g1-node", 10)),
            List.of("kv"), ChainLimits.DEFAULT);
    static final String[] HEADERS = {RequestSigning.MEMBER, RequestSigning.NODE, RequestSigning.TIME,
        RequestSigning.NONCE, RequestSigning.CONTENT_SHA256, RequestSigning.SIGNATURE};

    /**
     * One submitted transaction: after a first byte that says how it is sent (even: JSON, odd: raw bytes),
     * the body. What the JSON holds must then decode as a transaction or be refused as one.
     */
    @MethodSource("transactions")
    @FuzzTest
    void transactionBody(byte[] input) {
        if (input.length < 1) {
            return;
        }
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        byte[] encoded = body;
        if ((input[0] & 1) == 0) {
            try {
                encoded = SubmissionRoutes.transactionOfJson(body);
            } catch (ApiError e) {
                refused(e, 400, "MALFORMED");
                return;
            }
        }
        DecoderContract.check(TRANSACTION, encoded);
    }

    static Stream<Arguments> transactions() {
        byte[] tx = tx(0, "k=v").encode();
        return Stream.of(seed("json", concat(new byte[] {0}, ("{\"tx\": \"" + Hex.encode(tx) + "\"}").getBytes(StandardCharsets.UTF_8))),
                seed("binary", concat(new byte[] {1}, tx)));
    }

    /** A batch: its items, which frame back into exactly the body, or a refusal naming where it breaks. */
    @MethodSource("batches")
    @FuzzTest
    void batch(byte[] input) {
        List<byte[]> items;
        try {
            items = TransactionBatch.decode(input);
        } catch (TransactionBatch.TooManyException e) {
            DecoderContract.requireMessage("batch", e);
            return;
        } catch (TransactionBatch.FrameException e) {
            DecoderContract.requireMessage("batch", e);
            return;
        }
        assertThat(TransactionBatch.encodeRaw(items)).as("the batch framed again").isEqualTo(input);
        items.forEach(item -> DecoderContract.check(TRANSACTION, item));
    }

    static Stream<Arguments> batches() {
        return Stream.of(seed("two transactions", TransactionBatch.encode(List.of(tx(0, "a=1"), tx(1, "b=2")))),
                seed("empty", TransactionBatch.encodeRaw(List.of())));
    }

    /**
     * The six signing headers, one a line in the order member, node, time, nonce, body digest, signature
     * (missing lines are missing headers), parsed and then checked as a GET of {@code /chains/priv/status}
     * at {@link #NOW}.
     */
    @MethodSource("signedHeaders")
    @FuzzTest
    void signingHeaders(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        RequestSigning.Headers h;
        try {
            h = RequestSigning.parse(name -> {
                int i = Arrays.asList(HEADERS).indexOf(name);
                return i < lines.length ? lines[i] : null;
            }, "priv");
        } catch (ApiError e) {
            refused(e, 401, "UNAUTHENTICATED", "BAD_SIGNATURE");
            return;
        }
        BigInteger drift = BigInteger.valueOf(NOW.toEpochMilli()).subtract(BigInteger.valueOf(h.time())).abs();
        boolean inWindow = drift.compareTo(BigInteger.valueOf(SKEW.toMillis())) <= 0;
        try {
            Member m = RequestSigning.verify(PRIV, "GET", "/chains/priv/status", "", h, NOW, SKEW);
            assertThat(m.id()).isEqualTo(h.member());
            assertThat(inWindow).as("accepted within the clock-skew window").isTrue();
        } catch (ApiError e) {
            if (e.code().equals("EXPIRED")) {
                refused(e, 401, "EXPIRED");
                assertThat(inWindow).as("refused as expired only outside the clock-skew window").isFalse();
            } else {
                refused(e, e.status() == 403 ? 403 : 401, "NOT_A_MEMBER", "BAD_SIGNATURE");
                assertThat(inWindow).as("a time outside the clock-skew window is refused as EXPIRED").isTrue();
            }
        }
    }

    static Stream<Arguments> signedHeaders() {
        Map<String, String> h = RequestSigning.sign(ED25519, G1, "GET", "/chains/priv/status", "",
                new NodeIdentity("priv", Hex.encode(PRIV.hash()), "g1"), "g1", NOW.toEpochMilli(),
                Hex.decode("00112233445566778899aabbccddeeff"), new byte[0]);
        StringBuilder sb = new StringBuilder();
        for (String name : HEADERS) {
            sb.append(sb.isEmpty() ? "" : "\n").append(h.get(name));
        }
        return Stream.of(seed("signed", sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The body of {@code POST /chains/{chain}/query}: a JSON object with contract, method and hex args. */
    @MethodSource("queries")
    @FuzzTest
    void queryBody(byte[] input) {
        try {
            JsonNode body = ApiServer.jsonObject(input);
            assertThat(ApiServer.text(body, "contract")).isNotNull();
            assertThat(ApiServer.text(body, "method")).isNotNull();
            if (body.hasNonNull("args")) {
                assertThat(ApiServer.hex(ApiServer.text(body, "args"), "args")).isNotNull();
            }
        } catch (ApiError e) {
            refused(e, 400, "MALFORMED");
        }
    }

    static Stream<Arguments> queries() {
        return Stream.of(seed("query", "{\"contract\":\"kv\",\"method\":\"get\",\"args\":\"6b\"}".getBytes(StandardCharsets.UTF_8)),
                seed("no args", "{\"contract\":\"market\",\"method\":\"config\",\"args\":null}".getBytes(StandardCharsets.UTF_8)));
    }

    private static void refused(ApiError e, int status, String... codes) {
        DecoderContract.requireMessage("request", e);
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(Set.of(codes)).as(e.getMessage()).contains(e.code());
    }

    private static Transaction tx(long nonce, String arg) {
        return Transaction.sign("priv", "g1", nonce, "kv", "put", arg.getBytes(StandardCharsets.UTF_8), ED25519, G1);
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
