package org.energychain.crypto.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import org.jspecify.annotations.Nullable;

/**
 * SSL contexts and key managers from a node's {@link TlsCredentials} and a {@link PinnedTrust}: mutual
 * TLS between nodes (both sides present a certificate, both check it against the pins), an HTTPS server
 * (presents its certificate, asks none), an HTTPS client (presents none, checks the server's). TLS 1.3
 * and 1.2, the JDK's defaults for everything else.
 */
public final class TlsContexts {
    private static final String PROTOCOL = "TLS";

    private TlsContexts() {
    }

    /** A key manager presenting exactly these credentials (for a server, or a client in mutual TLS). */
    public static X509KeyManager keyManager(TlsCredentials credentials) {
        try {
            char[] password = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("node", credentials.key(), password, new Certificate[] {credentials.certificate()});
            KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            f.init(ks, password);
            for (KeyManager km : f.getKeyManagers()) {
                if (km instanceof X509KeyManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK's key manager factory made no X509KeyManager");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a key manager for " + credentials, e);
        }
    }

    /** Mutual TLS between nodes: presents {@code credentials}, accepts peers pinned in {@code trust}. */
    public static SSLContext mutual(TlsCredentials credentials, PinnedTrust trust) {
        return context(new KeyManager[] {keyManager(credentials)}, new TrustManager[] {trust});
    }

    /** An HTTPS server: presents {@code credentials}, asks clients for nothing. */
    public static SSLContext server(TlsCredentials credentials) {
        return context(new KeyManager[] {keyManager(credentials)}, null);
    }

    /** A client (HTTPS): accepts exactly the servers pinned in {@code trust}, presents nothing. */
    public static SSLContext client(PinnedTrust trust) {
        return context(null, new TrustManager[] {trust});
    }

    private static SSLContext context(KeyManager @Nullable [] keys, TrustManager @Nullable [] trust) {
        try {
            SSLContext c = SSLContext.getInstance(PROTOCOL);
            c.init(keys, trust, new SecureRandom());
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context", e);
        }
    }
}
