package org.energychain.crypto.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A node's TLS identity: an ECDSA P-256 key pair and a self-signed X.509 v3 certificate for it, which
 * the consortium pins in genesis instead of trusting an authority. Subject {@code CN=<node id>};
 * subject alternative names: the node's host (IP address or DNS name) and {@code 127.0.0.1},
 * {@code localhost}; a random 159-bit serial; valid from an hour before {@code now} (clocks differ)
 * for {@code validity}; not a CA; key usage digital signature, extended key usage server and client
 * authentication (a node is both in mutual TLS); signed with SHA256withECDSA.
 */
public final class SelfSignedCertificates {
    /** Default validity of a node certificate. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);
    /** How long before its creation a certificate is valid, for peers whose clock is behind. */
    static final Duration BACKDATE = Duration.ofHours(1);

    private SelfSignedCertificates() {
    }

    /**
     * Generates a key pair and its certificate.
     *
     * @param commonName the node id, the certificate's CN
     * @param hosts the names the node is reached by (IP literals or DNS names); loopback names are added
     * @throws IllegalArgumentException for an empty name, a bad host or a validity that is not positive
     */
    public static TlsCredentials generate(String commonName, List<String> hosts, Instant now, Duration validity,
            SecureRandom random) {
        if (commonName == null || commonName.isBlank() || commonName.length() > 64) {
            throw new IllegalArgumentException("certificate common name must be 1-64 characters, got '" + commonName + "'");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("certificate validity must be positive, got " + validity);
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair kp = g.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            Instant from = now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
            Instant until = now.truncatedTo(ChronoUnit.SECONDS).plus(validity);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(159, random).setBit(0),
                    Date.from(from), Date.from(until), subject, kp.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            return new TlsCredentials(kp.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create a certificate for " + commonName, e);
        }
    }

    private static GeneralNames alternativeNames(List<String> hosts) {
        Set<String> all = new LinkedHashSet<>();
        for (String h : hosts) {
            all.add(sanHost(h));
        }
        all.add("127.0.0.1");
        all.add("localhost");
        return new GeneralNames(all.stream().map(h -> IPAddress.isValid(h) ? new GeneralName(GeneralName.iPAddress, h)
                : new GeneralName(GeneralName.dNSName, h)).toArray(GeneralName[]::new));
    }

    /**
     * A host as a subject alternative name takes it: an IP literal (IPv6 without brackets) or a DNS name.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static String sanHost(String h) {
        String s = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (IPAddress.isValid(s) || s.matches("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")
                && s.length() <= 253) {
            return s;
        }
        throw new IllegalArgumentException("host '" + h + "' is neither an IP address nor a DNS name");
    }
}
