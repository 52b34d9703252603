package org.energychain.supervision.store;

import java.util.HexFormat;
import java.util.Objects;

/** Checks and prints byte arrays in records; records copy arrays in and out so they stay immutable. */
final class Bytes {
    private Bytes() {
    }

    static byte[] copy(byte[] b, String what) {
        return Objects.requireNonNull(b, what).clone();
    }

    static byte[] copyNonEmpty(byte[] b, String what) {
        byte[] c = copy(b, what);
        if (c.length == 0) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return c;
    }

    static String hex(byte[] b) {
        return b == null ? "null" : HexFormat.of().formatHex(b);
    }

    /** Hex of at most the first 8 bytes: enough to recognise a hash in a log line. */
    static String shortHex(byte[] b) {
        if (b == null) {
            return "null";
        }
        return b.length <= 8 ? hex(b) : HexFormat.of().formatHex(b, 0, 8) + "..";
    }
}
