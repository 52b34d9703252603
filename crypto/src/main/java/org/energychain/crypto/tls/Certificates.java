package org.energychain.crypto.tls;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.energychain.crypto.Hex;

/** X.509 certificates as values: from and to DER, and how to name one in a message. */
public final class Certificates {
    /** Largest DER certificate accepted: a node certificate is well under 1 KiB. */
    public static final int MAX_DER_BYTES = 16 * 1024;

    private Certificates() {
    }

    /**
     * Parses a DER-encoded X.509 certificate.
     *
     * @throws IllegalArgumentException naming {@code source} when it is not one
     */
    public static X509Certificate fromDer(byte[] der, String source) {
        if (der.length == 0 || der.length > MAX_DER_BYTES) {
            throw new IllegalArgumentException(source + ": a certificate of " + der.length + " bytes (expected 1.."
                    + MAX_DER_BYTES + ")");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException(source + ": not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The DER encoding of a certificate. */
    public static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the DER encoding, in hex: the certificate's fingerprint as {@code openssl x509 -fingerprint} shows it. */
    public static String fingerprint(X509Certificate c) {
        try {
            return Hex.encode(MessageDigest.getInstance("SHA-256").digest(der(c)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject and a short fingerprint, e.g. {@code CN=G1-1 (SHA-256 3f2a9c01…)}, for messages and logs. */
    public static String describe(X509Certificate c) {
        return c.getSubjectX500Principal().getName() + " (SHA-256 " + fingerprint(c).substring(0, 16) + "…)";
    }
}
