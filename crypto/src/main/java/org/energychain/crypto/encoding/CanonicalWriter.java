package org.energychain.crypto.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The one canonical binary encoding of everything we hash or sign (specified in
 * {@code docs/encoding.md}). An encoding starts with a domain tag naming the structure and its version;
 * then fields follow in a fixed order with no names and no padding:
 *
 * <ul>
 *   <li>{@code u8}, {@code i32}, {@code i64}: fixed width, big-endian, two's complement;</li>
 *   <li>{@code bytes}: u32 length, then the bytes; {@code string}: the same over UTF-8 (strings with
 *       unpaired surrogates are refused, as they have no UTF-8 form);</li>
 *   <li>{@code fixed}: bytes of a length the structure fixes (hashes), without a length;</li>
 *   <li>{@code decimal}: the value with trailing zeros stripped (zero has scale 0), as i32 scale then
 *       bytes of the unscaled value's minimal big-endian two's complement, so 1.50 and 1.5 encode
 *       alike;</li>
 *   <li>{@code date}: string {@code YYYY-MM-DD}; {@code instant}: i64 milliseconds since the Unix epoch,
 *       UTC (sub-millisecond instants are refused).</li>
 * </ul>
 *
 * <p>Writers are reusable ({@link #reset()}) so hot paths do not allocate per object.
 */
public final class CanonicalWriter {
    private byte[] buf;
    private int len;

    public CanonicalWriter() {
        this(128);
    }

    public CanonicalWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Starts a new encoding with its domain tag, e.g. {@code EC/reading/v1}. */
    public static CanonicalWriter tagged(String tag) {
        return new CanonicalWriter().tag(tag);
    }

    public CanonicalWriter reset() {
        len = 0;
        return this;
    }

    /** The domain tag, encoded as a string; always the first field. */
    public CanonicalWriter tag(String tag) {
        return string(tag);
    }

    public CanonicalWriter u8(int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException("u8 out of range: " + v);
        }
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public CanonicalWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public CanonicalWriter i32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public CanonicalWriter i64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
        return this;
    }

    public CanonicalWriter bytes(byte[] b) {
        i32(b.length);
        return fixed(b);
    }

    public CanonicalWriter fixed(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public CanonicalWriter string(String s) {
        if (isAscii(s)) {
            int n = s.length();
            i32(n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
            return this;
        }
        return bytes(utf8(s));
    }

    /**
     * The number of bytes {@link #string} writes for {@code s} (its length prefix included), so that an
     * encoder can size its buffer exactly instead of growing it by copies.
     */
    public static int stringLength(String s) {
        return 4 + (isAscii(s) ? s.length() : utf8(s).length);
    }

    /** Strict UTF-8: an unpaired surrogate would otherwise become '?' and collide with a real '?'. */
    private static byte[] utf8(String s) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("string is not well-formed UTF-16 (unpaired surrogate)", e);
        }
    }

    public CanonicalWriter decimal(BigDecimal v) {
        BigDecimal c = canonical(v);
        i32(c.scale());
        long unscaled;
        BigInteger u = c.unscaledValue();
        if (u.bitLength() < 64) {
            unscaled = u.longValue();
            int n = minimalLength(unscaled);
            i32(n);
            ensure(n);
            for (int shift = (n - 1) * 8; shift >= 0; shift -= 8) {
                buf[len++] = (byte) (unscaled >>> shift);
            }
            return this;
        }
        return bytes(u.toByteArray());
    }

    public CanonicalWriter date(LocalDate d) {
        return string(d.toString());
    }

    public CanonicalWriter instant(Instant t) {
        if (t.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("instant " + t + " has sub-millisecond precision");
        }
        return i64(t.toEpochMilli());
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /**
     * The bytes written, ending this encoding: a writer sized exactly hands its buffer over without a copy
     * (hot encoders size theirs so); the writer is empty afterwards.
     */
    public byte[] finish() {
        byte[] out = len == buf.length ? buf : Arrays.copyOf(buf, len);
        buf = new byte[16];
        len = 0;
        return out;
    }

    public int length() {
        return len;
    }

    /** The internal buffer (valid up to {@link #length()}); for zero-copy hashing. */
    public byte[] buffer() {
        return buf;
    }

    /** The canonical form of a decimal: trailing zeros stripped, zero with scale 0. */
    public static BigDecimal canonical(BigDecimal v) {
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return v.stripTrailingZeros();
    }

    private static int minimalLength(long v) {
        // minimal two's complement length, as BigInteger.toByteArray would produce
        int bits = 64 - Long.numberOfLeadingZeros(v < 0 ? ~v : v) + 1;
        return (bits + 7) / 8;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
