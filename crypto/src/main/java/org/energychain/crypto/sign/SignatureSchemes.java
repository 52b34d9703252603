package org.energychain.crypto.sign;

import java.util.List;
import java.util.Locale;

/** The signature schemes we ship, and look-up by name (as written into key files and genesis). */
public final class SignatureSchemes {
    /** Ed25519 (RFC 8032), the default suite's scheme. */
    public static final SignatureScheme ED25519 = new Ed25519Scheme();
    /** SM2 (GM/T 0003) with SM3, the Chinese national suite's scheme. */
    public static final SignatureScheme SM2 = new Sm2Scheme();

    private static final List<SignatureScheme> ALL = List.of(ED25519, SM2);

    private SignatureSchemes() {
    }

    public static List<SignatureScheme> all() {
        return ALL;
    }

    /** Looks a scheme up by name, ignoring case; throws naming the known schemes otherwise. */
    public static SignatureScheme byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "ed25519" -> ED25519;
            case "sm2" -> SM2;
            default -> throw new IllegalArgumentException(
                    "unknown signature scheme '" + name + "' (known: Ed25519, SM2)");
        };
    }
}
