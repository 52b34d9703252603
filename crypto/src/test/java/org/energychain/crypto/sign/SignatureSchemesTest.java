package org.energychain.crypto.sign;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.energychain.crypto.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureSchemesTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static List<SignatureScheme> schemes() {
        return SignatureSchemes.all();
    }

    @Test
    void ed25519MatchesRfc8032TestVector1() {
        PrivateKey priv = new PrivateKey("Ed25519",
                Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        PublicKey pub = SignatureSchemes.ED25519.publicKeyOf(priv);
        assertThat(Hex.encode(pub.encoded()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = SignatureSchemes.ED25519.sign(priv, new byte[0]);
        assertThat(Hex.encode(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(SignatureSchemes.ED25519.verify(pub, new byte[0], sig)).isTrue();
        assertThat(SignatureSchemes.ED25519.verify(pub, new byte[1], sig)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void signedMessageVerifiesAndTamperedOneDoesNot(SignatureScheme scheme) {
        KeyPair kp = scheme.generateKeyPair(RANDOM);
        byte[] msg = "plant 7, 2024-03-01, 96 readings".getBytes(UTF_8);
        byte[] sig = scheme.sign(kp.privateKey(), msg);
        assertThat(scheme.verify(kp.publicKey(), msg, sig)).isTrue();
        assertThat(scheme.publicKeyOf(kp.privateKey())).isEqualTo(kp.publicKey());

        byte[] tampered = msg.clone();
        tampered[0] ^= 1;
        assertThat(scheme.verify(kp.publicKey(), tampered, sig)).isFalse();
        byte[] badSig = sig.clone();
        badSig[badSig.length - 1] ^= 1;
        assertThat(scheme.verify(kp.publicKey(), msg, badSig)).isFalse();
        KeyPair other = scheme.generateKeyPair(RANDOM);
        assertThat(scheme.verify(other.publicKey(), msg, sig)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void verifyNeverThrowsOnMalformedInput(SignatureScheme scheme) {
        KeyPair kp = scheme.generateKeyPair(RANDOM);
        byte[] msg = {1, 2, 3};
        byte[] sig = scheme.sign(kp.privateKey(), msg);
        PublicKey pub = kp.publicKey();
        byte[] pubBytes = pub.encoded();
        byte[] offCurve = pubBytes.clone();
        offCurve[offCurve.length - 1] ^= 0x55;
        List<PublicKey> badKeys = List.of(
                new PublicKey(scheme.name(), new byte[0]),
                new PublicKey(scheme.name(), new byte[pubBytes.length]),
                new PublicKey(scheme.name(), offCurve),
                new PublicKey(scheme.name(), java.util.Arrays.copyOf(pubBytes, pubBytes.length + 1)),
                new PublicKey("other", pubBytes));
        for (PublicKey k : badKeys) {
            assertThat(scheme.verify(k, msg, sig)).as(k.toString()).isFalse();
        }
        for (byte[] s : new byte[][] {new byte[0], new byte[1], new byte[64], new byte[200], {0x30, 0x02, 0x02, 0x00}}) {
            assertThat(scheme.verify(pub, msg, s)).isFalse();
        }
        assertThat(scheme.verify(null, msg, sig)).isFalse();
        assertThat(scheme.verify(pub, null, sig)).isFalse();
        assertThat(scheme.verify(pub, msg, null)).isFalse();
    }

    @Test
    void keysOfOneSchemeAreRefusedByTheOther() {
        KeyPair ed = SignatureSchemes.ED25519.generateKeyPair(RANDOM);
        KeyPair sm = SignatureSchemes.SM2.generateKeyPair(RANDOM);
        assertThatThrownBy(() -> SignatureSchemes.SM2.sign(ed.privateKey(), new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureSchemes.ED25519.sign(sm.privateKey(), new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] sig = SignatureSchemes.SM2.sign(sm.privateKey(), new byte[1]);
        assertThat(SignatureSchemes.ED25519.verify(sm.publicKey(), new byte[1], sig)).isFalse();
    }

    @Test
    void sm2SignaturesAreDerAndRandomised() {
        KeyPair kp = SignatureSchemes.SM2.generateKeyPair(RANDOM);
        byte[] a = SignatureSchemes.SM2.sign(kp.privateKey(), new byte[] {7});
        byte[] b = SignatureSchemes.SM2.sign(kp.privateKey(), new byte[] {7});
        assertThat(a[0]).isEqualTo((byte) 0x30);
        assertThat(a).isNotEqualTo(b);
        assertThat(kp.publicKey().encoded()).hasSize(65).startsWith((byte) 4);
        assertThat(kp.privateKey().encoded()).hasSize(32);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void verificationIsThreadSafe(SignatureScheme scheme) throws Exception {
        List<KeyPair> keys = new ArrayList<>();
        List<byte[]> sigs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            KeyPair kp = scheme.generateKeyPair(RANDOM);
            keys.add(kp);
            sigs.add(scheme.sign(kp.privateKey(), new byte[] {(byte) i}));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < keys.size(); i++) {
                            ok &= scheme.verify(keys.get(i).publicKey(), new byte[] {(byte) i}, sigs.get(i));
                            ok &= !scheme.verify(keys.get(i).publicKey(), new byte[] {(byte) (i + 1)}, sigs.get(i));
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keyValuesCompareByContentAndHideSecrets() {
        KeyPair kp = SignatureSchemes.ED25519.generateKeyPair(RANDOM);
        PrivateKey copy = new PrivateKey(kp.privateKey().scheme(), kp.privateKey().encoded());
        assertThat(copy).isEqualTo(kp.privateKey()).hasSameHashCodeAs(kp.privateKey());
        assertThat(copy.toString()).doesNotContain(Hex.encode(copy.encoded()));
        assertThat(new PublicKey("Ed25519", kp.publicKey().encoded())).isEqualTo(kp.publicKey());
        assertThatThrownBy(() -> new KeyPair(kp.privateKey(), new PublicKey("SM2", new byte[65])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SignatureSchemes.byName("ed25519")).isSameAs(SignatureSchemes.ED25519);
        assertThatThrownBy(() -> SignatureSchemes.byName("rsa")).hasMessageContaining("Ed25519, SM2");
    }
}
