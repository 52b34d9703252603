package org.energychain.crypto.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Key files: PEM ({@link PemKeys}) on disk. Private keys are written owner-only ({@code rw-------}) from
 * the moment the file exists, where the file system supports POSIX permissions, and are never silently
 * overwritten: losing a node's key loses its identity.
 *
 * <p>Reading errors are {@link IllegalArgumentException}s whose message starts with the file name;
 * I/O failures stay {@link IOException}s.
 */
public final class KeyFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {
    }

    /** Writes a private key; refuses to replace an existing file. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        writePrivateKey(file, key, false);
    }

    /** Writes a private key owner-only, replacing an existing file only when {@code overwrite}. */
    public static void writePrivateKey(Path file, PrivateKey key, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite a private key");
        }
        byte[] pem = PemKeys.toPem(key).getBytes(StandardCharsets.US_ASCII);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        if (supportsPosix(dir)) {
            tmp = Files.createTempFile(dir, ".key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            tmp = Files.createTempFile(dir, ".key", ".tmp");
        }
        try {
            Files.write(tmp, pem);
            if (overwrite) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a public key, replacing an existing file. */
    public static void writePublicKey(Path file, PublicKey key) throws IOException {
        Files.writeString(file, PemKeys.toPem(key), StandardCharsets.US_ASCII);
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        return PemKeys.privateKeyFromPem(read(file), file.toString());
    }

    public static PublicKey readPublicKey(Path file) throws IOException {
        return PemKeys.publicKeyFromPem(read(file), file.toString());
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > 64 * 1024) {
            throw new IllegalArgumentException(file + ": too large for a key file");
        }
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }

    private static boolean supportsPosix(@Nullable Path dir) throws IOException {
        return dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}
