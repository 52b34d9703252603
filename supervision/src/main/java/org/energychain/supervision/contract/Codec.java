package org.energychain.supervision.contract;

import java.time.LocalDate;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.supervision.store.PeriodKey;

/** Shared pieces of the contracts' canonical encodings and checks (see docs/contracts.md). */
final class Codec {
    /** Both suites' digests (SHA-256, SM3) are 32 bytes; roots are encoded as {@code fixed(32)}. */
    static final int DIGEST_LENGTH = 32;
    private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private Codec() {
    }

    static String id(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!value.matches(ID_PATTERN)) {
            throw new IllegalArgumentException(field + " '" + value + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    static byte[] digest(byte[] value, String field) {
        return org.energychain.ledger.contract.ArgChecks.digest(value, DIGEST_LENGTH, field);
    }

    /** The hash function of a canonical hash name ({@code SHA-256} or {@code SM3}, exactly). */
    static HashFunction hash(String name, String field) {
        Objects.requireNonNull(name, field);
        HashFunction h;
        try {
            h = HashFunctions.byName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
        if (!h.name().equals(name)) {
            throw new IllegalArgumentException(field + " must be spelt '" + h.name() + "', got '" + name + "'");
        }
        if (h.digestLength() != DIGEST_LENGTH) {
            throw new IllegalArgumentException(field + ": " + name + " digests are not " + DIGEST_LENGTH + " bytes");
        }
        return h;
    }

    static String text(String value, String field, int max) {
        Objects.requireNonNull(value, field);
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return value;
    }

    static void writePeriod(CanonicalWriter w, PeriodKey k) {
        w.string(k.groupId()).date(k.start()).date(k.endExclusive()).i32(k.version());
    }

    static PeriodKey readPeriod(CanonicalReader r) {
        String group = id(r.string("group"), "group");
        LocalDate start = r.date("period start");
        LocalDate end = r.date("period end");
        int version = r.i32("version");
        try {
            return new PeriodKey(group, start, end, version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("period: " + e.getMessage(), e);
        }
    }

    /** The state-key suffix of a period version: {@code <group>/<start>/<end>/<version, 10 digits>}. */
    static String periodKey(PeriodKey k) {
        return k.groupId() + "/" + k.start() + "/" + k.endExclusive() + "/" + String.format("%010d", k.version());
    }

    /** A sequence number as a fixed-width, order-preserving key part. */
    static String seq(long n) {
        return String.format("%016d", n);
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

    /**
     * One page of an append-only, sequence-numbered list: entries {@code from} up to {@code from + limit}
     * of {@code count} (an i64 at {@code countKey}), each fetched by {@code item(seq)}.
     */
    static byte[] page(QueryContext ctx, PageArgs p, String countKey, java.util.function.LongFunction<byte[]> item) {
        long total = readI64(ctx.get(countKey));
        java.util.List<byte[]> items = new java.util.ArrayList<>();
        for (long i = p.from(); i < total && i < p.from() + p.limit(); i++) {
            byte[] v = item.apply(i);
            if (v == null) {
                throw new IllegalStateException("entry " + i + " of " + total + " under " + countKey + " is missing");
            }
            items.add(v);
        }
        return new Page<>(total, p.from(), items).encode(b -> b);
    }

    /** Refuses unless the sender is the group itself. */
    static void requireGroup(String sender, String group, String method) throws ContractException {
        if (!sender.equals(group)) {
            throw new ContractException(ContractCodes.NOT_YOUR_GROUP, method + ": sender " + sender
                    + " may not act for group " + group + " (the sender's member id must be the group id)");
        }
    }
}
