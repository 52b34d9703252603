package org.energychain.crypto;

import java.util.List;
import java.util.Locale;
import org.energychain.crypto.sign.SignatureSchemes;

/**
 * The crypto suites we ship: {@code sha256-ed25519}, the default, and {@code sm3-sm2}, the Chinese
 * national (GM) algorithms that regulators may require.
 */
public final class CryptoSuites {
    /** SHA-256 with Ed25519. */
    public static final CryptoSuite SHA256_ED25519 =
            new CryptoSuite("sha256-ed25519", HashFunctions.SHA256, SignatureSchemes.ED25519);
    /** SM3 with SM2. */
    public static final CryptoSuite SM3_SM2 = new CryptoSuite("sm3-sm2", HashFunctions.SM3, SignatureSchemes.SM2);
    /** The suite of a chain whose genesis names none. */
    public static final CryptoSuite DEFAULT = SHA256_ED25519;

    private static final List<CryptoSuite> ALL = List.of(SHA256_ED25519, SM3_SM2);

    private CryptoSuites() {
    }

    public static List<CryptoSuite> all() {
        return ALL;
    }

    /**
     * Looks a suite up by name, ignoring case and surrounding blanks. Also accepts the hash name alone
     * ({@code sha256}, {@code SHA-256}, {@code sm3}), which is how older configuration named suites.
     *
     * @throws IllegalArgumentException naming the known suites, for any other name
     */
    public static CryptoSuite byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "sha256-ed25519", "sha256", "sha-256" -> SHA256_ED25519;
            case "sm3-sm2", "sm3" -> SM3_SM2;
            default -> throw new IllegalArgumentException("unknown crypto suite '" + name
                    + "' (known: sha256-ed25519 [also sha256, SHA-256], sm3-sm2 [also sm3])");
        };
    }
}
