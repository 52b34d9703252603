package org.energychain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.crypto.sign.PemKeys;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.crypto.sign.SignatureSchemes;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of crypto's decoders of outside bytes (docs/fuzzing.md): the canonical reader field by field,
 * hex, and PEM key files. In the normal build each runs over its committed corpus
 * ({@code CryptoDecodersFuzzTestInputs/<method>/}) and the seeds below; {@code bin/fuzz} fuzzes them.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class CryptoDecodersFuzzTest {
    private static final int KINDS = 10;

    /**
     * The canonical reader, one field kind at a time. Input: a byte {@code c} (low 4 bits: how many
     * fields), {@code c} field bytes (kind = low bits mod {@value #KINDS}; for {@code fixed}, its length in
     * the high 4 bits), then the data. Each field read must re-encode to exactly the bytes it consumed, a
     * refusal must say why, and {@link CanonicalReader#end()} must pass exactly when nothing is left.
     */
    @MethodSource("fieldSeeds")
    @FuzzTest
    void canonicalFields(byte[] input) {
        if (input.length < 1 || input.length < 1 + (input[0] & 0x0f)) {
            return;
        }
        int fields = input[0] & 0x0f;
        byte[] data = Arrays.copyOfRange(input, 1 + fields, input.length);
        CanonicalReader r = new CanonicalReader(data);
        CanonicalWriter w = new CanonicalWriter();
        for (int i = 0; i < fields; i++) {
            try {
                readAndRewrite(r, w, input[1 + i] & 0xff);
            } catch (IllegalArgumentException e) {
                DecoderContract.requireMessage("field " + i, e);
                return;
            }
            byte[] consumed = Arrays.copyOf(data, Math.min(w.length(), data.length));
            assertThat(w.toByteArray()).as("field %d re-encodes to the bytes it was read from", i).isEqualTo(consumed);
        }
        boolean consumedAll = w.length() == data.length;
        try {
            r.end();
            assertThat(consumedAll).as("end() passed with bytes left").isTrue();
        } catch (IllegalArgumentException e) {
            DecoderContract.requireMessage("end", e);
            assertThat(consumedAll).as("end() refused after every byte was read").isFalse();
        }
    }

    private static void readAndRewrite(CanonicalReader r, CanonicalWriter w, int kind) {
        switch (kind % KINDS) {
            case 0 -> w.u8(r.u8("u8"));
            case 1 -> w.bool(r.bool("bool"));
            case 2 -> w.i32(r.i32("i32"));
            case 3 -> w.i64(r.i64("i64"));
            case 4 -> w.bytes(r.bytes("bytes"));
            case 5 -> w.string(r.string("string"));
            case 6 -> w.decimal(r.decimal("decimal"));
            case 7 -> w.date(r.date("date"));
            case 8 -> w.instant(r.instant("instant"));
            default -> w.fixed(r.fixed(kind >>> 4, "fixed"));
        }
    }

    static Stream<Arguments> fieldSeeds() {
        CanonicalWriter w = new CanonicalWriter().u8(200).bool(true).i32(-7).i64(Long.MIN_VALUE).bytes(new byte[] {1, 2})
                .string("EC/tx/v1 \u00e9\u4e2d").decimal(new BigDecimal("-12.5")).date(LocalDate.of(2026, 2, 28))
                .instant(Instant.parse("2026-01-01T00:00:00.123Z")).fixed(new byte[] {9, 9, 9});
        byte[] fields = {10, 0, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x39};
        byte[] all = concat(fields, w.toByteArray());
        byte[] decimals = concat(new byte[] {3, 6, 6, 6}, new CanonicalWriter().decimal(BigDecimal.ZERO)
                .decimal(new BigDecimal("123456789012345678901234567890.5")).decimal(new BigDecimal("1E+5")).toByteArray());
        return Stream.of(seed("every kind", all), seed("decimals", decimals));
    }

    /** Hex as it comes from the command line or a JSON file: what decodes re-encodes to the lower-cased input. */
    @MethodSource("hexSeeds")
    @FuzzTest
    void hex(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        byte[] decoded = DecoderContract.decodeOrNull("hex", b -> Hex.decode(text), input);
        if (decoded != null) {
            assertThat(Hex.encode(decoded)).isEqualTo(text.trim().toLowerCase(Locale.ROOT));
        }
    }

    static Stream<Arguments> hexSeeds() {
        return Stream.of(seed("digest", "00ff7a".getBytes(StandardCharsets.US_ASCII)),
                seed("upper case, spaces", " ABCDEF0123 ".getBytes(StandardCharsets.US_ASCII)));
    }

    /** A public key file: what parses writes back as a PEM that parses to the same key. */
    @MethodSource("publicPemSeeds")
    @FuzzTest
    void publicKeyPem(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        PublicKey key = DecoderContract.decodeOrNull("public key", b -> PemKeys.publicKeyFromPem(text, "key.pub"), input);
        if (key != null) {
            assertThat(PemKeys.publicKeyFromPem(PemKeys.toPem(key), "again")).isEqualTo(key);
        }
    }

    static Stream<Arguments> publicPemSeeds() {
        return Stream.of(seed("Ed25519", PemKeys.toPem(keyPair("Ed25519").publicKey()).getBytes(StandardCharsets.US_ASCII)),
                seed("SM2", PemKeys.toPem(keyPair("SM2").publicKey()).getBytes(StandardCharsets.US_ASCII)));
    }

    /** A private key file: what parses writes back as a PEM that parses to the same key. */
    @MethodSource("privatePemSeeds")
    @FuzzTest
    void privateKeyPem(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        PrivateKey key = DecoderContract.decodeOrNull("private key", b -> PemKeys.privateKeyFromPem(text, "key"), input);
        if (key != null) {
            assertThat(PemKeys.privateKeyFromPem(PemKeys.toPem(key), "again")).isEqualTo(key);
        }
    }

    static Stream<Arguments> privatePemSeeds() {
        return Stream.of(seed("Ed25519", PemKeys.toPem(keyPair("Ed25519").privateKey()).getBytes(StandardCharsets.US_ASCII)),
                seed("SM2", PemKeys.toPem(keyPair("SM2").privateKey()).getBytes(StandardCharsets.US_ASCII)));
    }

    private static KeyPair keyPair(String scheme) {
        SecureRandom fixed = new SecureRandom(new byte[0]) {
            private int n;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (++n * 37);
                }
            }
        };
        return SignatureSchemes.byName(scheme).generateKeyPair(fixed);
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
