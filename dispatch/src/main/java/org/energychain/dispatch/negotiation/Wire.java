package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/** Shared pieces of the negotiation encodings: ids, bounded lists, kW rows. */
final class Wire {
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final int MAX_INTERVALS = 1440;
    static final int MAX_SOURCES = 2048;
    static final int MAX_ROUNDS = 10;

    private Wire() {
    }

    static String id(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!isId(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    /**
     * Whether {@code value} matches {@link #ID_PATTERN}, checked by hand: ids are checked in every record's
     * constructor, i.e. several times per vote, and a regular expression there showed in the profile.
     */
    static boolean isId(String value) {
        int n = value.length();
        if (n < 1 || n > 64 || !alnum(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!alnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean alnum(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    static int count(CanonicalReader r, String field, int max) {
        int n = r.i32(field);
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(field + ": count " + n + " out of 0.." + max);
        }
        return n;
    }

    static void checkCount(int n, String field, int max) {
        if (n > max) {
            throw new IllegalArgumentException(field + ": " + n + " entries, at most " + max);
        }
    }

    static <E> E enumOf(E[] values, int ordinal, String field) {
        if (ordinal >= values.length) {
            throw new IllegalArgumentException(field + ": unknown value " + ordinal);
        }
        return values[ordinal];
    }

    static void writeKw(CanonicalWriter w, List<Long> kw) {
        w.i32(kw.size());
        for (long v : kw) {
            w.i64(v);
        }
    }

    static List<Long> readKw(CanonicalReader r, String field) {
        int n = count(r, field, MAX_INTERVALS);
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.i64(field)); // no per-number field name: a plan has up to 2,048 x 1,440 of them
        }
        return List.copyOf(out);
    }
}
