package org.energychain.crypto.tls;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the certificates pinned in genesis: a peer is accepted when the certificate it
 * presents is byte for byte (DER) one of them and valid at the injected clock's time; anything else is
 * refused with a message naming the certificate's subject. The same manager checks servers (a node or
 * a client connecting out) and clients (a node accepting a peer in mutual TLS).
 *
 * <p>Pinning is the whole check: there is no authority, no chain building, and no host-name check (a
 * pinned certificate names its node more exactly than a host name can; a client that must reach one
 * particular node pins only that node's certificate). Certificates after the first in a presented chain
 * are ignored: they cannot add trust. {@link #getAcceptedIssuers()} is empty so that a peer presents its
 * certificate whatever it is, and a refusal names it.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {
    /** Replaced whole (never changed in place) when the pins change: a handshake sees one set or the other. */
    private volatile Map<ByteBuffer, X509Certificate> pinned;
    private final Clock clock;
    private final String source;

    private PinnedTrust(Collection<X509Certificate> certificates, Clock clock, String source) {
        this.pinned = pins(certificates, source);
        this.clock = clock;
        this.source = source;
    }

    private static Map<ByteBuffer, X509Certificate> pins(Collection<X509Certificate> certificates, String source) {
        Map<ByteBuffer, X509Certificate> m = new HashMap<>();
        for (X509Certificate c : certificates) {
            m.put(ByteBuffer.wrap(Certificates.der(c)), c);
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException("no certificate to pin (" + source + ")");
        }
        return Map.copyOf(m);
    }

    /**
     * Pins exactly the certificates of these DER encodings from now on (the nodes of a chain changed by
     * governance): new handshakes of a node that left are refused, those of a node that joined accepted.
     */
    public void repin(Collection<byte[]> ders) {
        List<X509Certificate> certs = new ArrayList<>();
        for (byte[] der : ders) {
            if (der.length > 0) {
                certs.add(Certificates.fromDer(der, source));
            }
        }
        pinned = pins(certs, source);
    }

    /**
     * Trusts these certificates.
     *
     * @param source where the pins come from, named when a peer is refused (e.g. {@code the genesis})
     */
    public static PinnedTrust of(Collection<X509Certificate> certificates, Clock clock, String source) {
        return new PinnedTrust(certificates, clock, source);
    }

    /** Trusts the certificates of these DER encodings (as genesis holds them); empty ones are skipped. */
    public static PinnedTrust ofDer(Collection<byte[]> ders, Clock clock, String source) {
        List<X509Certificate> certs = new ArrayList<>();
        for (byte[] der : ders) {
            if (der.length > 0) {
                certs.add(Certificates.fromDer(der, source));
            }
        }
        return new PinnedTrust(certs, clock, source);
    }

    /** The pinned certificates. */
    public List<X509Certificate> pinned() {
        return List.copyOf(pinned.values());
    }

    /** Checks a presented chain: its first certificate must be pinned and valid now. */
    public void check(X509Certificate[] chain, String peer) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the " + peer + " presented no certificate; only certificates pinned in "
                    + source + " are accepted");
        }
        X509Certificate presented = chain[0];
        X509Certificate known = pinned.get(ByteBuffer.wrap(Certificates.der(presented)));
        if (known == null) {
            throw new CertificateException("the " + peer + "'s certificate " + Certificates.describe(presented)
                    + " is not pinned in " + source);
        }
        Date now = Date.from(clock.instant());
        try {
            known.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw new CertificateExpiredException("the " + peer + "'s certificate " + Certificates.describe(known)
                    + " expired at " + known.getNotAfter().toInstant() + " (now " + now.toInstant() + ")");
        } catch (CertificateNotYetValidException e) {
            throw new CertificateNotYetValidException("the " + peer + "'s certificate " + Certificates.describe(known)
                    + " is not valid before " + known.getNotBefore().toInstant() + " (now " + now.toInstant() + ")");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, "client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, "server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    @Override
    public String toString() {
        return "PinnedTrust[" + pinned.size() + " certificates from " + source + "]";
    }
}
