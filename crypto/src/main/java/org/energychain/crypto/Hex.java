package org.energychain.crypto;

import java.util.HexFormat;

/** Lower-case hex, the only text form of hashes and canonical bytes in our outputs. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Lower-case hex; through a table into Latin-1 bytes (transaction ids are hexed on every node's hot path). */
    public static String encode(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
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
