package org.energychain.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The console operator's password as a slow hash (scrypt, RFC 7914, from BouncyCastle), the text stored as
 * {@code console.password-hash} in node.yaml: {@code scrypt$N$r$p$salt$hash} (salt and hash in unpadded
 * base64url). Never the password itself. {@link #main} prints the hash of a password read from the
 * terminal (or from standard input when there is none).
 */
public final class ConsolePassword {
    /** CPU/memory cost: 2^15 with r = 8 is 32 MiB and about 0.1 s per check. */
    static final int DEFAULT_N = 1 << 15;
    static final int R = 8;
    static final int P = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Passwords longer than this are refused before any hashing (a hostile client cannot make it slow). */
    public static final int MAX_PASSWORD_CHARS = 256;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final int n;
    private final int r;
    private final int p;
    private final byte[] salt;
    private final byte[] hash;

    private ConsolePassword(int n, int r, int p, byte[] salt, byte[] hash) {
        this.n = n;
        this.r = r;
        this.p = p;
        this.salt = salt;
        this.hash = hash;
    }

    /** The stored text of {@code password} with a fresh random salt. */
    public static String hash(String password) {
        return hash(password, DEFAULT_N);
    }

    static String hash(String password, int n) {
        checkLength(password);
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] h = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, n, R, P, HASH_BYTES);
        return "scrypt$" + n + "$" + R + "$" + P + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    /**
     * Reads a stored hash; {@link IllegalArgumentException} says what is wrong with it (the node refuses to
     * start with a hash it cannot read rather than letting nobody in without saying why).
     */
    public static ConsolePassword parse(String stored) {
        String[] f = stored.trim().split("\\$", -1);
        if (f.length != 6 || !f[0].equals("scrypt")) {
            throw new IllegalArgumentException("console.password-hash must be scrypt$N$r$p$salt$hash as printed by "
                    + "the console's password tool, got " + f.length + " fields starting '" + f[0] + "'");
        }
        int n = number(f[1], "N", 1 << 10, 1 << 20);
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("console.password-hash: N must be a power of two, got " + n);
        }
        int r = number(f[2], "r", 1, 32);
        int p = number(f[3], "p", 1, 16);
        try {
            byte[] salt = B64D.decode(f[4]);
            byte[] hash = B64D.decode(f[5]);
            if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                throw new IllegalArgumentException("console.password-hash: salt or hash too short");
            }
            return new ConsolePassword(n, r, p, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("console.password-hash: salt or hash is not base64url: "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code password} is the one hashed, compared in constant time. */
    public boolean matches(String password) {
        if (password.length() > MAX_PASSWORD_CHARS) {
            return false;
        }
        byte[] h = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, n, r, p, hash.length);
        return MessageDigest.isEqual(h, hash);
    }

    private static void checkLength(String password) {
        if (password.isEmpty() || password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("a console password has 1 to " + MAX_PASSWORD_CHARS + " characters");
        }
    }

    private static int number(String s, String what, int min, int max) {
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("console.password-hash: " + what + " must be between " + min
                        + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("console.password-hash: " + what + " is not a number: '" + s + "'", e);
        }
    }

    /**
     * Prints the {@code password-hash} of the password on the first line of standard input, e.g.
     * {@code read -rs P && printf '%s' "$P" | java -cp "cli/target/energychain-cli.jar:cli/target/lib/*" org.energychain.console.ConsolePassword}.
     */
    @SuppressWarnings("SystemOut") // a command-line tool: the hash is its output
    public static void main(String[] args) throws java.io.IOException {
        byte[] in = System.in.readNBytes(4 * MAX_PASSWORD_CHARS + 2);
        String password = new String(in, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        try {
            System.out.println(hash(password));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
