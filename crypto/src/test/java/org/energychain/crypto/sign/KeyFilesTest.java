package org.energychain.crypto.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyFilesTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** RFC 8410 section 10.3 example private key (Ed25519, PKCS#8 v1). */
    private static final String RFC8410_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            -----END PRIVATE KEY-----
            """;
    /** RFC 8410 section 10.1 example public key. */
    private static final String RFC8410_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PUBLIC KEY-----
            """;

    static List<SignatureScheme> schemes() {
        return SignatureSchemes.all();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void pemRoundTripsKeepKeysAndScheme(SignatureScheme scheme, @TempDir Path dir) throws Exception {
        KeyPair kp = scheme.generateKeyPair(RANDOM);
        Path privFile = dir.resolve("node.key");
        Path pubFile = dir.resolve("node.pub");
        KeyFiles.writePrivateKey(privFile, kp.privateKey());
        KeyFiles.writePublicKey(pubFile, kp.publicKey());

        assertThat(Files.readString(privFile)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(pubFile)).startsWith("-----BEGIN PUBLIC KEY-----");
        PrivateKey priv = KeyFiles.readPrivateKey(privFile);
        PublicKey pub = KeyFiles.readPublicKey(pubFile);
        assertThat(priv).isEqualTo(kp.privateKey());
        assertThat(pub).isEqualTo(kp.publicKey());
        assertThat(scheme.verify(pub, new byte[] {1}, scheme.sign(priv, new byte[] {1}))).isTrue();
    }

    @Test
    void privateKeyFilesAreOwnerOnlyAndNotOverwritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("node.key");
        KeyPair kp = SignatureSchemes.ED25519.generateKeyPair(RANDOM);
        KeyFiles.writePrivateKey(file, kp.privateKey());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        KeyPair other = SignatureSchemes.ED25519.generateKeyPair(RANDOM);
        assertThatThrownBy(() -> KeyFiles.writePrivateKey(file, other.privateKey()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(KeyFiles.readPrivateKey(file)).isEqualTo(kp.privateKey());
        KeyFiles.writePrivateKey(file, other.privateKey(), true);
        assertThat(KeyFiles.readPrivateKey(file)).isEqualTo(other.privateKey());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temp files left behind
        }
    }

    @Test
    void readsRfc8410ExampleKeys() {
        PrivateKey priv = PemKeys.privateKeyFromPem(RFC8410_PRIVATE, "rfc8410.key");
        assertThat(priv.scheme()).isEqualTo("Ed25519");
        assertThat(org.energychain.crypto.Hex.encode(priv.encoded()))
                .isEqualTo("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842");
        PublicKey pub = PemKeys.publicKeyFromPem(RFC8410_PUBLIC, "rfc8410.pub");
        assertThat(org.energychain.crypto.Hex.encode(pub.encoded()))
                .isEqualTo("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1");
        assertThat(SignatureSchemes.ED25519.publicKeyOf(priv)).isEqualTo(pub);
        assertThat(PemKeys.toPem(priv)).isEqualToIgnoringNewLines(RFC8410_PRIVATE);
        assertThat(PemKeys.toPem(pub)).isEqualToIgnoringNewLines(RFC8410_PUBLIC);
    }

    @Test
    void wrongTypeOrMalformedFilesNameTheFile(@TempDir Path dir) throws Exception {
        Path pubFile = dir.resolve("alice.pub");
        Files.writeString(pubFile, RFC8410_PUBLIC);
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(pubFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(pubFile.toString())
                .hasMessageContaining("found a public key");

        Path privFile = dir.resolve("alice.key");
        Files.writeString(privFile, RFC8410_PRIVATE);
        assertThatThrownBy(() -> KeyFiles.readPublicKey(privFile))
                .hasMessageStartingWith(privFile.toString())
                .hasMessageContaining("found a private key");

        Path garbage = dir.resolve("garbage.key");
        Files.writeString(garbage, "hello, I am not a key\n");
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(garbage.toString());

        Path broken = dir.resolve("broken.key");
        Files.writeString(broken, "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTu\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(broken.toString());

        Path badBase64 = dir.resolve("bad64.pub");
        Files.writeString(badBase64, "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> KeyFiles.readPublicKey(badBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(badBase64.toString());
    }

    @Test
    void ecKeyOnAnotherCurveIsRejectedAsNotSm2() {
        // a P-256 public key (openssl ecparam -name prime256v1 -genkey | openssl ec -pubout)
        String p256 = """
                -----BEGIN PUBLIC KEY-----
                MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZjQLlsf3KdBpBs5uCxVGbQhsKzp8
                gxV9Fla3CS/BcaGk5fxfoQmkwGVBzMXiVclNlAT4A3bMqYdgOpTdDxptAw==
                -----END PUBLIC KEY-----
                """;
        assertThatThrownBy(() -> PemKeys.publicKeyFromPem(p256, "p256.pub"))
                .hasMessageStartingWith("p256.pub")
                .hasMessageContaining("not an SM2 key");
    }

    @Test
    void sm2PrivateKeyPemCarriesTheNamedCurve() {
        KeyPair kp = SignatureSchemes.SM2.generateKeyPair(RANDOM);
        String pem = PemKeys.toPem(kp.privateKey());
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        byte[] sm2Oid = org.energychain.crypto.Hex.decode("06082a811ccf5501822d"); // 1.2.156.10197.1.301
        assertThat(org.energychain.crypto.Hex.encode(der)).contains(org.energychain.crypto.Hex.encode(sm2Oid));
    }
}
