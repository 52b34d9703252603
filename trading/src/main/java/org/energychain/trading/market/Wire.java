package org.energychain.trading.market;

import java.util.Objects;
import java.util.regex.Pattern;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/** Shared field rules and small encodings of the market's records (docs/market.md). */
final class Wire {
    /** Member ids, as the genesis allows them. */
    static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Trade ids: lowercase hex of a 32-byte digest. */
    static final Pattern TRADE_ID = Pattern.compile("[0-9a-f]{64}");
    /** Off-chain payment references of deposits and withdrawals. */
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    /** Both shipped suites' digests are 32 bytes. */
    static final int DIGEST = 32;

    private Wire() {
    }

    static String member(String v, String field) {
        return match(v, MEMBER, field, "1-64 characters of A-Z a-z 0-9 . _ -");
    }

    static String tradeId(String v) {
        return match(v, TRADE_ID, "tradeId", "64 lowercase hex digits");
    }

    static String reference(String v) {
        return match(v, REFERENCE, "reference", "1-128 characters of A-Z a-z 0-9 . _ : / -");
    }

    static String match(String v, Pattern p, String field, String expected) {
        if (v == null || !p.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " '" + v + "' is invalid: expected " + expected);
        }
        return v;
    }

    static byte[] digest(byte[] v, String field) {
        return org.energychain.ledger.contract.ArgChecks.digest(v, DIGEST, field);
    }

    static long positive(long v, String field) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be positive (minor units), got " + v);
        }
        return v;
    }

    static HashFunction hash(String name) {
        HashFunction h = HashFunctions.byName(Objects.requireNonNull(name, "hash"));
        if (!h.name().equals(name) || h.digestLength() != DIGEST) {
            throw new IllegalArgumentException("hash must be spelt '" + h.name() + "' with " + DIGEST
                    + "-byte digests, got '" + name + "'");
        }
        return h;
    }

    static byte[] i64(long v) {
        return new CanonicalWriter(8).i64(v).toByteArray();
    }

    static long readI64(byte[] v) {
        if (v == null) {
            return 0;
        }
        CanonicalReader r = new CanonicalReader(v);
        long n = r.i64("counter");
        r.end();
        return n;
    }

    /** A sequence number as a fixed-width, order-preserving key part. */
    static String seq(long n) {
        return String.format("%016d", n);
    }
}
