package org.energychain.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * State keys are ordered by their UTF-8 bytes (as RocksDB orders them, and as the state commitment hashes
 * them); the comparison that avoids encoding must agree with encoding both keys, for every string,
 * including supplementary characters, characters above the surrogates and unpaired surrogates.
 */
class KeyOrderTest {
    static int byBytes(String a, String b) {
        return Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> keys() {
        // a small alphabet so that keys share prefixes, with the characters where UTF-16 and UTF-8 orders differ
        Arbitrary<Character> c = Arbitraries.of('a', 'b', '/', '0', '\u00e9', '\u4e2d', '\ud800', '\udbff', '\udc00',
                '\udfff', '\ue000', '\uffff');
        return c.list().ofMaxSize(8).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        });
    }

    @Property(tries = 20_000)
    void agreesWithTheOrderOfTheEncodedKeys(@ForAll("keys") String a, @ForAll("keys") String b) {
        assertThat(Integer.signum(WriteSet.compareUtf8(a, b))).as("%s vs %s", a, b).isEqualTo(byBytes(a, b));
    }

    @Test
    void whereUtf16AndUtf8OrdersDiffer() {
        String supplementary = new String(Character.toChars(0x1F600)); // a surrogate pair in UTF-16
        assertThat(WriteSet.compareUtf8("\uffff", supplementary)).isNegative();
        assertThat(WriteSet.compareUtf8("k\ue000", "k" + supplementary)).isNegative();
        assertThat(WriteSet.compareUtf8("ab", "abc")).isNegative();
        assertThat(WriteSet.compareUtf8("abc", "abc")).isZero();
    }
}
