package org.energychain.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HashFunctionsTest {
    @Test
    void sha256OfAbcMatchesNistVector() {
        assertThat(Hex.encode(HashFunctions.SHA256.hash("abc".getBytes(US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sm3OfAbcMatchesStandardVector() {
        assertThat(Hex.encode(HashFunctions.SM3.hash("abc".getBytes(US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void digesterIsReusableAfterDoFinal() {
        for (HashFunction h : new HashFunction[] {HashFunctions.SHA256, HashFunctions.SM3}) {
            Digester d = h.newDigester();
            byte[] abc = "abc".getBytes(US_ASCII);
            d.update(abc);
            byte[] first = d.doFinal();
            d.update((byte) 'a');
            d.update(abc, 1, 2);
            assertThat(d.doFinal()).isEqualTo(first).isEqualTo(h.hash(abc));
        }
    }

    @Test
    void byNameIgnoresCaseAndDash() {
        assertThat(HashFunctions.byName("sha256")).isSameAs(HashFunctions.SHA256);
        assertThat(HashFunctions.byName("SHA-256")).isSameAs(HashFunctions.SHA256);
        assertThat(HashFunctions.byName(" sm3 ")).isSameAs(HashFunctions.SM3);
        assertThatThrownBy(() -> HashFunctions.byName("md5")).hasMessageContaining("SHA-256, SM3");
    }
}
