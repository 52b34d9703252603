package org.energychain.supervision.tree;

import java.math.BigDecimal;
import java.time.Instant;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The leaf of a daily tree: one reading with its full context and a secret salt. The salt keeps an
 * outsider who sees leaf or node hashes from testing guesses of the (very guessable) value; it is
 * derived per reading from the period's salt key ({@link ReadingLeafEncoder}) and disclosed only with
 * the reading it belongs to.
 *
 * <p>Encoding (see docs/encoding.md): tag {@code EC/reading/v1}, string hash, string group, string
 * plant, instant timestamp, string measurement, string unit, decimal value, fixed(16) salt.
 */
public record ReadingLeaf(String hash, String groupId, String plantId, Instant timestamp, String measurement,
        String unit, BigDecimal value, byte[] salt) {
    public static final String TAG = "EC/reading/v1";
    public static final int SALT_LENGTH = 16;

    public ReadingLeaf {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes, got " + salt.length);
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    public byte[] encode() {
        return encodeInto(new CanonicalWriter(128)).toByteArray();
    }

    CanonicalWriter encodeInto(CanonicalWriter w) {
        return w.tag(TAG).string(hash).string(groupId).string(plantId).instant(timestamp).string(measurement)
                .string(unit).decimal(value).fixed(salt);
    }

    public static ReadingLeaf decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        ReadingLeaf leaf = new ReadingLeaf(r.string("hash"), r.string("group"), r.string("plant"),
                r.instant("timestamp"), r.string("measurement"), r.string("unit"), r.decimal("value"),
                r.fixed(SALT_LENGTH, "salt"));
        r.end();
        return leaf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadingLeaf other && java.util.Arrays.equals(encode(), other.encode());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "ReadingLeaf[" + plantId + " " + timestamp + " " + measurement + "=" + value.toPlainString() + " "
                + unit + " salt=" + Hex.encode(salt) + "]";
    }
}
