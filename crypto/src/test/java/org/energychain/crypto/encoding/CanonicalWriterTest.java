package org.energychain.crypto.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.energychain.crypto.Hex;
import org.junit.jupiter.api.Test;

/** Golden vectors: the encoding is a protocol, so every primitive's bytes are pinned here. */
class CanonicalWriterTest {
    private static String hex(Consumer<CanonicalWriter> write) {
        CanonicalWriter w = new CanonicalWriter(1); // tiny, so growth is exercised too
        write.accept(w);
        return Hex.encode(w.toByteArray());
    }

    private static String dec(String v) {
        return hex(w -> w.decimal(new BigDecimal(v)));
    }

    @Test
    void fixedWidthIntegers() {
        assertThat(hex(w -> w.u8(0).u8(7).u8(255))).isEqualTo("0007ff");
        assertThat(hex(w -> w.bool(true).bool(false))).isEqualTo("0100");
        assertThat(hex(w -> w.i32(1))).isEqualTo("00000001");
        assertThat(hex(w -> w.i32(-2))).isEqualTo("fffffffe");
        assertThat(hex(w -> w.i32(Integer.MIN_VALUE))).isEqualTo("80000000");
        assertThat(hex(w -> w.i64(-1))).isEqualTo("ffffffffffffffff");
        assertThat(hex(w -> w.i64(-256))).isEqualTo("ffffffffffffff00");
        assertThat(hex(w -> w.i64(0x0102030405060708L))).isEqualTo("0102030405060708");
        assertThatThrownBy(() -> new CanonicalWriter().u8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CanonicalWriter().u8(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsAndBytes() {
        assertThat(hex(w -> w.string("abc"))).isEqualTo("00000003616263");
        assertThat(hex(w -> w.string(""))).isEqualTo("00000000");
        assertThat(hex(w -> w.string("\u00e9\u20ac"))).isEqualTo("00000005c3a9e282ac"); // é€
        assertThat(hex(w -> w.string("\ud83d\ude00"))).isEqualTo("00000004f09f9880"); // U+1F600
        assertThat(hex(w -> w.tag("EC/t/v1"))).isEqualTo("0000000745432f742f7631");
        assertThat(hex(w -> w.bytes(new byte[] {1, 2}))).isEqualTo("000000020102");
        assertThat(hex(w -> w.bytes(new byte[0]))).isEqualTo("00000000");
        assertThat(hex(w -> w.fixed(new byte[] {(byte) 0xab, (byte) 0xcd}))).isEqualTo("abcd");
        assertThatThrownBy(() -> new CanonicalWriter().string("a\ud800b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimalsAreCanonical() {
        assertThat(dec("0")).isEqualTo("00000000" + "00000001" + "00");
        assertThat(dec("0.000")).isEqualTo(dec("0"));
        assertThat(dec("1.50")).isEqualTo("00000001" + "00000001" + "0f").isEqualTo(dec("1.5"));
        assertThat(dec("-1")).isEqualTo("00000000" + "00000001" + "ff");
        assertThat(dec("255")).isEqualTo("00000000" + "00000002" + "00ff");
        assertThat(dec("128")).isEqualTo("00000000" + "00000002" + "0080");
        assertThat(dec("-128")).isEqualTo("00000000" + "00000001" + "80");
        assertThat(dec("127")).isEqualTo("00000000" + "00000001" + "7f");
        assertThat(dec("100")).isEqualTo("fffffffe" + "00000001" + "01"); // 1E+2
        assertThat(dec("-12.345")).isEqualTo("00000003" + "00000002" + "cfc7");
        assertThat(dec("-9223372036854775808")).isEqualTo("00000000" + "00000008" + "8000000000000000");
        assertThat(dec("9223372036854775807")).isEqualTo("00000000" + "00000008" + "7fffffffffffffff");
        assertThat(dec("9223372036854775809")) // > Long.MAX_VALUE
                .isEqualTo("00000000" + "00000009" + "008000000000000001");
        assertThat(dec("-9223372036854775809")).isEqualTo("00000000" + "00000009" + "ff7fffffffffffffff");
        // the fast path for longs agrees with BigInteger.toByteArray everywhere
        for (long v : new long[] {0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769,
                Long.MAX_VALUE, Long.MIN_VALUE}) {
            if (v % 10 == 0 && v != 0) {
                continue;
            }
            String expected = Hex.encode(BigInteger.valueOf(v).toByteArray());
            assertThat(dec(Long.toString(v))).as("%d", v).endsWith(expected)
                    .startsWith("00000000" + String.format("%08x", expected.length() / 2));
        }
    }

    @Test
    void datesAndInstants() {
        assertThat(hex(w -> w.date(LocalDate.of(2024, 3, 1)))).isEqualTo("0000000a" + "323032342d30332d3031");
        assertThat(hex(w -> w.instant(Instant.parse("1970-01-01T00:00:01.500Z")))).isEqualTo("00000000000005dc");
        assertThat(hex(w -> w.instant(Instant.parse("1969-12-31T23:59:59.999Z")))).isEqualTo("ffffffffffffffff");
        assertThat(hex(w -> w.instant(Instant.parse("2024-03-01T00:00:00Z")))).isEqualTo("0000018df74f8400");
        assertThatThrownBy(() -> new CanonicalWriter().instant(Instant.ofEpochSecond(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sub-millisecond");
        assertThatThrownBy(() -> new CanonicalWriter().instant(Instant.ofEpochSecond(0, 1_000_001)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetReusesTheWriter() {
        CanonicalWriter w = CanonicalWriter.tagged("EC/t/v1").i32(5);
        assertThat(w.length()).isEqualTo(15);
        w.reset().u8(1);
        assertThat(w.toByteArray()).containsExactly(1);
    }
}
