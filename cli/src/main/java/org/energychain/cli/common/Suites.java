package org.energychain.cli.common;

import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.HashFunction;

/** Maps between suite names on the command line and the hash a stored period names. */
public final class Suites {
    private Suites() {
    }

    public static HashFunction hashOf(String suite) {
        return CryptoSuites.byName(suite).hash();
    }

    /** The suite whose hash a period or proof names (SHA-256 or SM3). */
    public static String suiteOfHash(String hashName) {
        for (CryptoSuite s : CryptoSuites.all()) {
            if (s.hash().name().equals(hashName)) {
                return s.name();
            }
        }
        throw new IllegalArgumentException("no crypto suite uses hash " + hashName);
    }
}
