package org.energychain.crypto.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CanonicalReaderTest {
    private static BigDecimal decimal(int scale, byte... unscaled) {
        return new CanonicalReader(new CanonicalWriter().i32(scale).bytes(unscaled).toByteArray()).decimal("v");
    }

    @Test
    void canonicalDecimalsDecode() {
        for (String v : new String[] {"0", "1.5", "-12.5", "1E+5", "123456789012345678901234567890.7"}) {
            byte[] b = new CanonicalWriter().decimal(new BigDecimal(v)).toByteArray();
            assertThat(new CanonicalReader(b).decimal("v")).isEqualTo(new BigDecimal(v));
        }
    }

    @Test
    void trailingZerosAndScaledZerosAreRefused() {
        assertThat(decimal(1, (byte) 15)).isEqualTo(new BigDecimal("1.5"));
        assertThatThrownBy(() -> decimal(2, (byte) 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decimal(3, (byte) 0)).hasMessageContaining("v: decimal is not in canonical form");
        assertThatThrownBy(() -> decimal(0, (byte) 0, (byte) 1)).hasMessageContaining("canonical");
    }

    /** Found by CryptoDecodersFuzzTest#canonicalFields: stripping zeros at such a scale overflowed. */
    @Test
    void extremeScalesAreRefusedNotOverflowing() {
        assertThatThrownBy(() -> decimal(Integer.MIN_VALUE, (byte) 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("canonical");
        assertThat(decimal(Integer.MIN_VALUE, (byte) 7)).isEqualTo(new BigDecimal(java.math.BigInteger.valueOf(7),
                Integer.MIN_VALUE));
        assertThat(decimal(Integer.MAX_VALUE, (byte) -3).scale()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aCountMustFitTheBytesLeft() {
        byte[] b = new CanonicalWriter().i32(3).fixed(new byte[12]).toByteArray();
        assertThat(new CanonicalReader(b).count("items", 4)).isEqualTo(3);
        assertThatThrownBy(() -> new CanonicalReader(b).count("items", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items: count 3 cannot fit in the 12 bytes left");
        byte[] huge = new CanonicalWriter().i32(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> new CanonicalReader(huge).count("items", 8)).hasMessageContaining("cannot fit");
        byte[] negative = new CanonicalWriter().i32(-2).toByteArray();
        assertThatThrownBy(() -> new CanonicalReader(negative).count("items", 1)).hasMessage("items: negative count -2");
    }
}
