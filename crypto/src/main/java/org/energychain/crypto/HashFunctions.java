package org.energychain.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash functions we ship. SHA-256 uses the JDK provider because HotSpot compiles it to the CPU's
 * SHA extensions (about 8x BouncyCastle's pure-Java SHA-256); SM3 (GB/T 32905) comes from BouncyCastle.
 */
public final class HashFunctions {
    public static final HashFunction SHA256 = new Sha256();
    public static final HashFunction SM3 = new Sm3();

    private HashFunctions() {
    }

    /** Looks a hash function up by its canonical name, ignoring case and a missing dash. */
    public static HashFunction byName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
        return switch (n) {
            case "SHA256" -> SHA256;
            case "SM3" -> SM3;
            default -> throw new IllegalArgumentException("unknown hash function '" + name + "' (known: SHA-256, SM3)");
        };
    }

    private static final class Sha256 implements HashFunction {
        /** Cloning a prototype skips the provider look-up of getInstance (microseconds per small tree). */
        private final MessageDigest prototype = newMessageDigest();

        @Override
        public String name() {
            return "SHA-256";
        }

        @Override
        public int digestLength() {
            return 32;
        }

        @Override
        public Digester newDigester() {
            try {
                return new JdkDigester((MessageDigest) prototype.clone());
            } catch (CloneNotSupportedException e) {
                return new JdkDigester(newMessageDigest());
            }
        }

        private static MessageDigest newMessageDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private static final class JdkDigester implements Digester {
        private final MessageDigest md;

        JdkDigester(MessageDigest md) {
            this.md = md;
        }

        @Override
        public void update(byte b) {
            md.update(b);
        }

        @Override
        public void update(byte[] input, int offset, int length) {
            md.update(input, offset, length);
        }

        @Override
        public void doFinal(byte[] out, int offset) {
            try {
                md.digest(out, offset, md.getDigestLength());
            } catch (java.security.DigestException e) {
                throw new IllegalArgumentException("output buffer too small", e);
            }
        }

        @Override
        public int length() {
            return md.getDigestLength();
        }

        @Override
        public void reset() {
            md.reset();
        }
    }

    private static final class Sm3 implements HashFunction {
        @Override
        public String name() {
            return "SM3";
        }

        @Override
        public int digestLength() {
            return 32;
        }

        @Override
        public Digester newDigester() {
            SM3Digest d = new SM3Digest();
            return new Digester() {
                @Override
                public void update(byte b) {
                    d.update(b);
                }

                @Override
                public void update(byte[] input, int offset, int length) {
                    d.update(input, offset, length);
                }

                @Override
                public void doFinal(byte[] out, int offset) {
                    d.doFinal(out, offset);
                }

                @Override
                public int length() {
                    return 32;
                }

                @Override
                public void reset() {
                    d.reset();
                }
            };
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
