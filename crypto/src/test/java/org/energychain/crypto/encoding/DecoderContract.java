package org.energychain.crypto.encoding;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.energychain.crypto.Hex;

/**
 * The property every decoder of outside bytes is fuzzed against (docs/fuzzing.md): any input either
 * decodes or is refused with an {@link IllegalArgumentException} that says why; nothing else escapes (a
 * null pointer, an index, arithmetic or memory error is a bug); and what decodes re-encodes to exactly the
 * input, so that {@code encode(decode(b)) == b} and {@code decode(encode(x)) == x} for canonical formats.
 * Shared by the fuzz tests of every module (this module's test jar).
 */
public final class DecoderContract {
    private DecoderContract() {
    }

    /** A canonical format: its name for failure messages, its decoder and its encoder. */
    public record Format<T>(String name, Function<byte[], T> decode, Function<T, byte[]> encode) {
    }

    public static <T> Format<T> format(String name, Function<byte[], T> decode, Function<T, byte[]> encode) {
        return new Format<>(name, decode, encode);
    }

    /** Checks {@code input} against every format (each refuses the others' tags at once). */
    public static void checkAll(List<Format<?>> formats, byte[] input) {
        for (Format<?> f : formats) {
            check(f, input);
        }
    }

    /**
     * Checks {@code input} against one format.
     *
     * @return the decoded value, or null when the decoder refused the input
     */
    public static <T> T check(Format<T> f, byte[] input) {
        T value = decodeOrNull(f.name(), f.decode(), input);
        if (value == null) {
            return null;
        }
        byte[] encoded = f.encode().apply(value);
        if (!Arrays.equals(encoded, input)) {
            throw new AssertionError(f.name() + ": decoded, but re-encodes to other bytes: input " + shown(input)
                    + ", encoding " + shown(encoded));
        }
        byte[] again = f.encode().apply(f.decode().apply(encoded));
        if (!Arrays.equals(again, encoded)) {
            throw new AssertionError(f.name() + ": decode(encode(x)) is not x: " + shown(encoded) + " then "
                    + shown(again));
        }
        return value;
    }

    /**
     * Runs a decoder that may refuse: its value, or null after checking that the refusal is an
     * {@link IllegalArgumentException} with a message. Any other throwable propagates (a finding).
     */
    public static <T> T decodeOrNull(String name, Function<byte[], T> decode, byte[] input) {
        try {
            return decode.apply(input);
        } catch (IllegalArgumentException e) {
            requireMessage(name, e);
            return null;
        }
    }

    /** Fails unless the refusal says something. */
    public static void requireMessage(String name, Exception e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError(name + ": refused without a message", e);
        }
    }

    /** At most 64 bytes of hex, so that a failure on a large input stays readable. */
    public static String shown(byte[] b) {
        return b.length <= 64 ? Hex.encode(b) : Hex.encode(Arrays.copyOf(b, 64)) + "... (" + b.length + " bytes)";
    }
}
