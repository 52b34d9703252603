package org.energychain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.energychain.crypto.sign.SignatureSchemes;
import org.junit.jupiter.api.Test;

class CryptoSuitesTest {
    @Test
    void defaultIsSha256WithEd25519() {
        assertThat(CryptoSuites.DEFAULT.name()).isEqualTo("sha256-ed25519");
        assertThat(CryptoSuites.DEFAULT.hash()).isSameAs(HashFunctions.SHA256);
        assertThat(CryptoSuites.DEFAULT.signatures()).isSameAs(SignatureSchemes.ED25519);
    }

    @Test
    void namesAndAliasesResolve() {
        for (String n : new String[] {"sha256-ed25519", "sha256", "SHA-256", " SHA256-Ed25519 "}) {
            assertThat(CryptoSuites.byName(n)).as(n).isSameAs(CryptoSuites.SHA256_ED25519);
        }
        for (String n : new String[] {"sm3-sm2", "sm3", "SM3", "SM3-SM2"}) {
            assertThat(CryptoSuites.byName(n)).as(n).isSameAs(CryptoSuites.SM3_SM2);
        }
        assertThat(CryptoSuites.SM3_SM2.hash()).isSameAs(HashFunctions.SM3);
        assertThat(CryptoSuites.SM3_SM2.signatures()).isSameAs(SignatureSchemes.SM2);
    }

    @Test
    void unknownNameListsKnownSuites() {
        assertThatThrownBy(() -> CryptoSuites.byName("sha1-rsa"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha1-rsa")
                .hasMessageContaining("sha256-ed25519")
                .hasMessageContaining("sm3-sm2");
        assertThatThrownBy(() -> CryptoSuites.byName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
