package org.energychain.crypto.encoding;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Decodes what {@link CanonicalWriter} wrote, strictly: a value that the writer would never produce
 * (a non-canonical decimal, a truncated field, trailing bytes, a wrong tag) is an
 * {@link IllegalArgumentException} naming the field, so that a decoded object always re-encodes to
 * the same bytes.
 */
public final class CanonicalReader {
    private final byte[] buf;
    private int pos;

    public CanonicalReader(byte[] bytes) {
        this.buf = bytes;
    }

    /** Reads the domain tag and checks it is {@code expected}. */
    public CanonicalReader expectTag(String expected) {
        String tag = string("tag");
        if (!tag.equals(expected)) {
            throw new IllegalArgumentException("expected a structure tagged '" + expected + "', found '" + tag + "'");
        }
        return this;
    }

    public int u8(String field) {
        need(1, field);
        return buf[pos++] & 0xff;
    }

    public boolean bool(String field) {
        int v = u8(field);
        if (v > 1) {
            throw new IllegalArgumentException(field + ": boolean must be 0 or 1, found " + v);
        }
        return v == 1;
    }

    public int i32(String field) {
        need(4, field);
        int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long i64(String field) {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xff);
        }
        return v;
    }

    /**
     * Reads an i32 count of items that take at least {@code minBytesEach} bytes each, refusing a negative
     * count or one that cannot fit in the bytes left: a declared count never sizes an allocation beyond
     * what the input could hold.
     */
    public int count(String field, int minBytesEach) {
        int n = i32(field);
        if (n < 0) {
            throw new IllegalArgumentException(field + ": negative count " + n);
        }
        if ((long) n * Math.max(1, minBytesEach) > buf.length - pos) {
            throw new IllegalArgumentException(field + ": count " + n + " cannot fit in the " + (buf.length - pos)
                    + " bytes left");
        }
        return n;
    }

    public byte[] bytes(String field) {
        return fixed(length(field), field);
    }

    /** The u32 length before a bytes or string field (the error names "FIELD length"; built only then). */
    private int length(String field) {
        if (buf.length - pos < 4) {
            need(4, field + " length");
        }
        int n = i32(field);
        if (n < 0) {
            throw new IllegalArgumentException(field + ": negative length " + n);
        }
        return n;
    }

    public byte[] fixed(int n, String field) {
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public String string(String field) {
        int n = length(field);
        need(n, field);
        int at = pos;
        pos += n;
        if (isAscii(buf, at, n)) {
            return new String(buf, at, n, StandardCharsets.ISO_8859_1); // ASCII is valid UTF-8, and the usual case
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, at, n)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + ": not valid UTF-8", e);
        }
    }

    private static boolean isAscii(byte[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    public BigDecimal decimal(String field) {
        int scale = i32(field + " scale");
        byte[] unscaled = bytes(field + " unscaled");
        if (unscaled.length == 0) {
            throw new IllegalArgumentException(field + ": empty unscaled value");
        }
        BigInteger u = new BigInteger(unscaled);
        // canonical: minimal bytes, no trailing zero in the unscaled value (zero: scale 0). Checked on the
        // parts, since stripping zeros from a value whose scale is near Integer.MIN_VALUE overflows.
        boolean stripped = u.signum() == 0 ? scale == 0 : u.testBit(0) || u.mod(BigInteger.TEN).signum() != 0;
        if (!Arrays.equals(u.toByteArray(), unscaled) || !stripped) {
            throw new IllegalArgumentException(field + ": decimal is not in canonical form");
        }
        return new BigDecimal(u, scale);
    }

    public LocalDate date(String field) {
        String s = string(field);
        try {
            LocalDate d = LocalDate.parse(s);
            if (!d.toString().equals(s)) {
                throw new IllegalArgumentException(field + ": date '" + s + "' is not in canonical form");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not a date: '" + s + "'", e);
        }
    }

    public Instant instant(String field) {
        return Instant.ofEpochMilli(i64(field));
    }

    /** Fails unless every byte was consumed. */
    public void end() {
        if (pos != buf.length) {
            throw new IllegalArgumentException((buf.length - pos) + " unexpected trailing bytes");
        }
    }

    private void need(int n, String field) {
        if (n > buf.length - pos) {
            throw new IllegalArgumentException(field + ": truncated (need " + n + " bytes at offset " + pos
                    + ", have " + (buf.length - pos) + ")");
        }
    }
}
