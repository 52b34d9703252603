package org.energychain.supervision.contract;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.pipeline.IngestResult;
import org.energychain.supervision.route.RegulatoryPackage;
import org.energychain.supervision.store.PeriodKey;

/**
 * The arguments of {@code regulatory-filing.file}: what a group declares to the regulator for a period
 * version when it delivers D2 (paper II.A: "D2 and Hash_G are uploaded to the regulatory authorities"):
 * {@code Hash_G}, {@code Hash(D2)} over the delivered package and the number of D2 datasets in it. The
 * data itself goes to the regulator off chain; the filing makes the delivery undeniable and fixes the
 * root the regulator verifies plant-days against.
 *
 * <p>Encoding: tag {@code EC/filing-args/v1}, string group, date start, date end (exclusive), i32
 * version, string hash ({@code SHA-256} | {@code SM3}), fixed(32) Hash_G, fixed(32) Hash(D2), i32 D2
 * dataset count (&ge; 0).
 */
public record FilingArgs(PeriodKey period, String hash, byte[] groupRoot, byte[] hashD2, int d2Count) {
    public static final String TAG = "EC/filing-args/v1";

    public FilingArgs {
        Objects.requireNonNull(period, "period");
        Codec.id(period.groupId(), "group");
        Codec.hash(hash, "hash");
        groupRoot = Codec.digest(groupRoot, "group root");
        hashD2 = Codec.digest(hashD2, "Hash(D2)");
        if (d2Count < 0) {
            throw new IllegalArgumentException("D2 dataset count must be >= 0, got " + d2Count);
        }
    }

    /** The filing of a regulatory package of period version {@code key}; pure, no I/O. */
    public static FilingArgs of(PeriodKey key, RegulatoryPackage pkg, HashFunction h) {
        if (!pkg.groupId().equals(key.groupId()) || !pkg.start().equals(key.start())
                || !pkg.end().equals(key.endExclusive()) || !pkg.hash().equals(h.name())) {
            throw new IllegalArgumentException("the package of " + pkg.groupId() + " " + pkg.start() + ".." + pkg.end()
                    + " (" + pkg.hash() + ") is not of " + key + " with " + h.name());
        }
        return new FilingArgs(key, pkg.hash(), pkg.groupRoot(), pkg.digest(h), pkg.datasets().size());
    }

    /**
     * The filing of an ingest: key, hash, {@code Hash_G} and {@code Hash(D2)} from the result; pure, no I/O.
     *
     * @param d2Count the number of D2 datasets in the package the ingest wrote (read with
     *                {@link org.energychain.supervision.route.RegulatoryPackageFile#datasetCount})
     */
    public static FilingArgs of(IngestResult r, int d2Count) {
        return new FilingArgs(r.key(), r.hash(), r.groupRoot(), r.hashD2(), d2Count);
    }

    @Override
    public byte[] groupRoot() {
        return groupRoot.clone();
    }

    @Override
    public byte[] hashD2() {
        return hashD2.clone();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(160).tag(TAG);
        write(w);
        return w.toByteArray();
    }

    void write(CanonicalWriter w) {
        Codec.writePeriod(w, period);
        w.string(hash).fixed(groupRoot).fixed(hashD2).i32(d2Count);
    }

    public static FilingArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        FilingArgs a = read(r);
        r.end();
        return a;
    }

    static FilingArgs read(CanonicalReader r) {
        return new FilingArgs(Codec.readPeriod(r), r.string("hash"), r.fixed(Codec.DIGEST_LENGTH, "group root"),
                r.fixed(Codec.DIGEST_LENGTH, "Hash(D2)"), r.i32("D2 dataset count"));
    }

    /** Whether this filing declares the given Hash(D2) (what a regulator checks a received package against). */
    public boolean declares(byte[] receivedHashD2) {
        return MessageDigest.isEqual(hashD2, receivedHashD2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilingArgs f && Arrays.equals(encode(), f.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(groupRoot) * 31 + Arrays.hashCode(hashD2);
    }

    @Override
    public String toString() {
        return "FilingArgs[" + period + " " + hash + " Hash_G=" + Hex.encode(groupRoot) + " Hash(D2)="
                + Hex.encode(hashD2) + " datasets=" + d2Count + "]";
    }
}
