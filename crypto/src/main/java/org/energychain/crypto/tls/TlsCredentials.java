package org.energychain.crypto.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What a node presents in a TLS handshake: its private key and the certificate of the matching public
 * key. Built by {@link SelfSignedCertificates#generate} or read (and checked to match) by
 * {@link TlsFiles#readCredentials}. {@link #toString()} never shows the key.
 */
public record TlsCredentials(PrivateKey key, X509Certificate certificate) {
    public TlsCredentials {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The certificate's DER encoding: what genesis pins. */
    public byte[] der() {
        return Certificates.der(certificate);
    }

    @Override
    public String toString() {
        return "TlsCredentials[" + Certificates.describe(certificate) + "]";
    }
}
