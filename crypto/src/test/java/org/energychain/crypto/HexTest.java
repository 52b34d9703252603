package org.energychain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The table-driven hex encoder gives what the JDK's HexFormat gives, and decoding inverts it. */
class HexTest {
    @Property(tries = 500)
    void encodesAsHexFormatDoesAndDecodesBack(@ForAll byte[] bytes) {
        String hex = Hex.encode(bytes);
        assertThat(hex).isEqualTo(HexFormat.of().formatHex(bytes));
        assertThat(Hex.decode(hex)).isEqualTo(bytes);
        assertThat(Hex.decode(hex.toUpperCase(java.util.Locale.ROOT))).isEqualTo(bytes);
    }

    @Test
    void everyByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(Hex.encode(all)).isEqualTo(HexFormat.of().formatHex(all)).startsWith("000102").endsWith("fdfeff");
        assertThat(Hex.encode(new byte[0])).isEmpty();
        assertThatThrownBy(() -> Hex.decode("abc")).hasMessageContaining("odd length");
    }
}
