package org.energychain.node.genesis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.KeyPair;

/**
 * An organisation's key pair on disk: {@code ID.key} (PKCS#8 PEM, owner-only, never overwritten) and
 * {@code ID.pub} (SubjectPublicKeyInfo PEM) in one directory.
 */
public final class OrgKeys {
    private OrgKeys() {
    }

    public static Path privateFile(Path dir, String id) {
        return dir.resolve(id + ".key");
    }

    public static Path publicFile(Path dir, String id) {
        return dir.resolve(id + ".pub");
    }

    /** Generates and writes a key pair; refuses to replace an existing private key. */
    public static KeyPair generate(CryptoSuite suite, Path dir, String id, SecureRandom random) throws IOException {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("key name '" + id + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        Files.createDirectories(dir);
        if (Files.exists(privateFile(dir, id))) {
            throw new IllegalArgumentException(privateFile(dir, id) + " exists already; refusing to overwrite a private key");
        }
        KeyPair kp = suite.signatures().generateKeyPair(random);
        KeyFiles.writePrivateKey(privateFile(dir, id), kp.privateKey());
        KeyFiles.writePublicKey(publicFile(dir, id), kp.publicKey());
        return kp;
    }
}
