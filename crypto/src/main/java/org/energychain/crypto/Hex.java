package org.energychain.crypto;

import java.util.HexFormat;

/** Lower-case hex, the only text form of hashes and canonical bytes in our outputs. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Decodes hex (either case); throws {@link IllegalArgumentException} naming the problem. */
    public static byte[] decode(String hex) {
        String h = hex.trim();
        if ((h.length() & 1) != 0) {
            throw new IllegalArgumentException("hex string has odd length " + h.length());
        }
        try {
            return HEX.parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex string: '" + abbreviate(h) + "'", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }
}
