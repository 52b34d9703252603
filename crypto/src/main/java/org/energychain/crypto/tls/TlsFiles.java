package org.energychain.crypto.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * A node's TLS files: {@code tls.key}, the private key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}),
 * written owner-only ({@code rw-------}) from the moment it exists and never overwritten; {@code tls.crt},
 * the certificate as PEM ({@code CERTIFICATE}). A certificate file may hold several certificates (a
 * client's pins). Reading checks that the key matches the certificate.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message starts with the file name; I/O failures
 * stay {@link IOException}s.
 */
public final class TlsFiles {
    /** Largest key or certificate file read. */
    static final long MAX_FILE_BYTES = 256 * 1024;
    /** Most certificates one file may hold. */
    static final int MAX_CERTIFICATES = 1024;

    private TlsFiles() {
    }

    /** Writes the private key; refuses to replace an existing file (the node's TLS identity). */
    public static void writeKey(Path file, PrivateKey key) throws IOException {
        byte[] pem = pem("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII);
        Path dir = file.toAbsolutePath().getParent();
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (OutputStream out = Channels.newOutputStream(dir != null && Files.getFileStore(dir)
                .supportsFileAttributeView("posix")
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(file, options))) {
            out.write(pem);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite a private key");
        }
    }

    /** Writes a certificate as PEM, replacing the file. */
    public static void writeCertificate(Path file, X509Certificate cert) throws IOException {
        Files.writeString(file, toPem(cert), StandardCharsets.US_ASCII);
    }

    /** Writes both: {@link #writeKey} then {@link #writeCertificate}. */
    public static void write(Path keyFile, Path certificateFile, TlsCredentials c) throws IOException {
        writeKey(keyFile, c.key());
        writeCertificate(certificateFile, c.certificate());
    }

    /** The PEM text of a certificate. */
    public static String toPem(X509Certificate cert) {
        return pem("CERTIFICATE", Certificates.der(cert));
    }

    /**
     * Reads a key and its certificate and checks that they belong together (the key signs what the
     * certificate's public key verifies).
     */
    public static TlsCredentials readCredentials(Path keyFile, Path certificateFile) throws IOException {
        List<X509Certificate> certs = readCertificates(certificateFile);
        if (certs.size() != 1) {
            throw new IllegalArgumentException(certificateFile + ": expected one certificate, found " + certs.size());
        }
        X509Certificate cert = certs.get(0);
        PrivateKey key = readKey(keyFile, cert.getPublicKey().getAlgorithm());
        if (!matches(key, cert.getPublicKey())) {
            throw new IllegalArgumentException(keyFile + ": this key does not belong to the certificate "
                    + Certificates.describe(cert) + " in " + certificateFile);
        }
        return new TlsCredentials(key, cert);
    }

    /** Every certificate of a PEM file (at least one); other PEM objects are refused. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser p = new PEMParser(new StringReader(read(file)))) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (!(o instanceof X509CertificateHolder h)) {
                    throw new IllegalArgumentException(file + ": expected certificates (-----BEGIN CERTIFICATE-----), found "
                            + (o instanceof PrivateKeyInfo ? "a private key" : "a " + o.getClass().getSimpleName()));
                }
                if (out.size() == MAX_CERTIFICATES) {
                    throw new IllegalArgumentException(file + ": more than " + MAX_CERTIFICATES + " certificates");
                }
                out.add(Certificates.fromDer(h.getEncoded(), file.toString()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && String.valueOf(iae.getMessage()).startsWith(file.toString())) {
                throw iae;
            }
            if (e instanceof NoSuchFileException n) {
                throw n;
            }
            throw new IllegalArgumentException(file + ": malformed certificate PEM: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no certificate found (-----BEGIN CERTIFICATE-----)");
        }
        return out;
    }

    private static PrivateKey readKey(Path file, String algorithm) throws IOException {
        Object o;
        try (PEMParser p = new PEMParser(new StringReader(read(file)))) {
            o = p.readObject();
        } catch (IOException | RuntimeException e) {
            if (e instanceof NoSuchFileException n) {
                throw n;
            }
            throw new IllegalArgumentException(file + ": malformed key PEM: " + e.getMessage(), e);
        }
        if (!(o instanceof PrivateKeyInfo info)) {
            throw new IllegalArgumentException(file + ": expected an unencrypted PKCS#8 private key "
                    + "(-----BEGIN PRIVATE KEY-----), found " + (o == null ? "nothing" : o.getClass().getSimpleName()));
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(file + ": not a " + algorithm + " private key as the certificate needs: "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code key} signs what {@code pub} verifies (EC and RSA keys). */
    static boolean matches(PrivateKey key, PublicKey pub) {
        String alg = switch (pub.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported TLS key algorithm " + pub.getAlgorithm()
                    + " (EC or RSA)");
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(challenge);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(challenge);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + ": too large for a key or certificate file (over "
                    + MAX_FILE_BYTES + " bytes)");
        }
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
