package org.energychain.cli;

import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;

/** Maps a suite name given on the command line to its hash function. */
final class Suites {
    private Suites() {
    }

    static HashFunction hashOf(String suite) {
        return switch (suite.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "sha256-ed25519", "sha256", "sha-256" -> HashFunctions.SHA256;
            case "sm3-sm2", "sm3" -> HashFunctions.SM3;
            default -> throw new IllegalArgumentException("unknown crypto suite '" + suite
                    + "' (known: sha256-ed25519, sm3-sm2)");
        };
    }

    static String suiteOf(HashFunction h) {
        return h == HashFunctions.SM3 ? "sm3-sm2" : "sha256-ed25519";
    }
}
