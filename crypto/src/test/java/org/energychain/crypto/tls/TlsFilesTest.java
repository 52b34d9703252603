package org.energychain.crypto.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilesTest {
    static final Instant T0 = Instant.parse("2026-06-01T12:34:56.789Z");

    @TempDir
    Path dir;

    @Test
    void aNodeCertificateIsSelfSignedP256ForItsIdAndHosts() throws Exception {
        TlsCredentials c = SelfSignedCertificates.generate("G1-1", List.of("10.0.0.5", "node1.example.org"), T0,
                Duration.ofDays(3650), new SecureRandom());
        X509Certificate x = c.certificate();
        assertThat(x.getSubjectX500Principal().getName()).isEqualTo("CN=G1-1");
        assertThat(x.getIssuerX500Principal()).isEqualTo(x.getSubjectX500Principal());
        x.verify(x.getPublicKey());
        assertThat(x.getVersion()).isEqualTo(3);
        assertThat(((ECPublicKey) x.getPublicKey()).getParams().getOrder().bitLength()).isEqualTo(256);
        assertThat(x.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(x.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-06-01T11:34:56Z"));
        assertThat(x.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-06-01T12:34:56Z").plus(Duration.ofDays(3650)));
        assertThat(x.getBasicConstraints()).isEqualTo(-1);
        assertThat(x.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(x.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList())
                .containsExactly((Object) "10.0.0.5", "node1.example.org", "127.0.0.1", "localhost");
        assertThat(x.getSerialNumber().signum()).isPositive();
        TlsCredentials other = SelfSignedCertificates.generate("G1-1", List.of("10.0.0.5"), T0, Duration.ofDays(1),
                new SecureRandom());
        assertThat(other.certificate().getSerialNumber()).isNotEqualTo(x.getSerialNumber());
        assertThatThrownBy(() -> SelfSignedCertificates.generate("G1-1", List.of("bad host!"), T0, Duration.ofDays(1),
                new SecureRandom())).hasMessageContaining("bad host!");
        assertThat(c.toString()).contains("CN=G1-1").doesNotContain("PRIVATE");
    }

    @Test
    void theKeyIsWrittenOwnerOnlyNeverOverwrittenAndReadsBackWithItsCertificate() throws Exception {
        TlsCredentials c = SelfSignedCertificates.generate("REG-1", List.of("127.0.0.1"), T0, Duration.ofDays(10),
                new SecureRandom());
        Path key = dir.resolve("tls.key");
        Path crt = dir.resolve("tls.crt");
        TlsFiles.write(key, crt, c);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(crt)).startsWith("-----BEGIN CERTIFICATE-----");
        TlsCredentials back = TlsFiles.readCredentials(key, crt);
        assertThat(back.der()).isEqualTo(c.der());
        assertThat(back.key().getEncoded()).isEqualTo(c.key().getEncoded());

        byte[] before = Files.readAllBytes(key);
        TlsCredentials other = SelfSignedCertificates.generate("REG-1", List.of("127.0.0.1"), T0, Duration.ofDays(10),
                new SecureRandom());
        assertThatThrownBy(() -> TlsFiles.writeKey(key, other.key())).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("tls.key");
        assertThat(Files.readAllBytes(key)).isEqualTo(before);

        // a key and a certificate that do not belong together
        Path otherCrt = dir.resolve("other.crt");
        TlsFiles.writeCertificate(otherCrt, other.certificate());
        assertThatThrownBy(() -> TlsFiles.readCredentials(key, otherCrt))
                .hasMessageStartingWith(key.toString()).hasMessageContaining("does not belong to the certificate CN=REG-1");
        // the files swapped
        assertThatThrownBy(() -> TlsFiles.readCredentials(crt, key)).hasMessageStartingWith(key.toString())
                .hasMessageContaining("found a private key");
        // several certificates in one file (a client's pins)
        Path both = dir.resolve("pins.pem");
        Files.writeString(both, Files.readString(crt) + Files.readString(otherCrt));
        assertThat(TlsFiles.readCertificates(both)).containsExactly(c.certificate(), other.certificate());
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "nothing here\n");
        assertThatThrownBy(() -> TlsFiles.readCertificates(empty)).hasMessageStartingWith(empty.toString())
                .hasMessageContaining("no certificate");
    }
}
