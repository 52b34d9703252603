package org.energychain.supervision.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.supervision.pipeline.IngestResult;
import org.energychain.supervision.store.PeriodKey;
import org.energychain.supervision.tree.PlantLeaf;

/**
 * The arguments of {@code period-anchor.anchor}: a group's period version with its {@code Hash_G} and
 * every plant's period root {@code Hash^j}, in plant-id order. Anchoring the plant roots as well as
 * {@code Hash_G} lets an auditor check one plant without the others' leaves, and lets the contract
 * recompute {@code Hash_G} (see {@link #computeGroupRoot()}) so that a wrong root never gets anchored.
 *
 * <p>Encoding: tag {@code EC/anchor-args/v1}, string group, date start, date end (exclusive), i32
 * version, string hash ({@code SHA-256} | {@code SM3}), fixed(32) Hash_G, i32 n (&ge; 1), n &times;
 * (string plant, fixed(32) Hash^j) in strictly increasing plant-id order.
 */
public record AnchorArgs(PeriodKey period, String hash, byte[] groupRoot, List<PlantRoot> plants) {
    public static final String TAG = "EC/anchor-args/v1";

    public AnchorArgs {
        Objects.requireNonNull(period, "period");
        Codec.id(period.groupId(), "group");
        long days = period.endExclusive().toEpochDay() - period.start().toEpochDay();
        if (days > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("period " + period.start() + ".." + period.endExclusive() + " spans "
                    + days + " days, more than a plant leaf's day count holds (" + Integer.MAX_VALUE + ")");
        }
        Codec.hash(hash, "hash");
        groupRoot = Codec.digest(groupRoot, "group root");
        plants = List.copyOf(Objects.requireNonNull(plants, "plants"));
        if (plants.isEmpty()) {
            throw new IllegalArgumentException("plants: an anchor needs at least one plant root");
        }
        for (int i = 1; i < plants.size(); i++) {
            String prev = plants.get(i - 1).plantId();
            String cur = plants.get(i).plantId();
            if (cur.compareTo(prev) <= 0) {
                throw new IllegalArgumentException("plants: plant ids must be in strictly increasing order, found "
                        + prev + " then " + cur + " at index " + i);
            }
        }
    }

    /** The anchor of an ingest: its period key, hash, {@code Hash_G} and plant roots. */
    public static AnchorArgs of(IngestResult r) {
        List<PlantRoot> plants = new ArrayList<>();
        for (IngestResult.PlantResult p : r.plants()) {
            plants.add(new PlantRoot(p.leaf().plantId(), p.leaf().root()));
        }
        return new AnchorArgs(r.key(), r.hash(), r.groupRoot(), plants);
    }

    @Override
    public byte[] groupRoot() {
        return groupRoot.clone();
    }

    public HashFunction hashFunction() {
        return Codec.hash(hash, "hash");
    }

    /**
     * The group-tree root over the plant roots: each plant's leaf is {@code EC/plant/v1} with this hash,
     * group and period, and a day count equal to the period's length (a period tree has every day).
     */
    public byte[] computeGroupRoot() {
        int days = Math.toIntExact(period.endExclusive().toEpochDay() - period.start().toEpochDay());
        List<byte[]> leaves = new ArrayList<>(plants.size());
        for (PlantRoot p : plants) {
            leaves.add(new PlantLeaf(hash, period.groupId(), p.plantId(), period.start(), period.endExclusive(), days,
                    p.root()).encode());
        }
        return MerkleTree.rootOf(hashFunction(), leaves);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(128 + plants.size() * 64).tag(TAG);
        write(w);
        return w.toByteArray();
    }

    /** Strict decode; {@link IllegalArgumentException} names the malformed field. */
    public static AnchorArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        AnchorArgs a = read(r);
        r.end();
        return a;
    }

    static AnchorArgs read(CanonicalReader r) {
        PeriodKey period = Codec.readPeriod(r);
        String hash = r.string("hash");
        byte[] root = r.fixed(Codec.DIGEST_LENGTH, "group root");
        int n = r.i32("plant count");
        if (n < 1) {
            throw new IllegalArgumentException("plant count must be >= 1, got " + n);
        }
        List<PlantRoot> plants = new ArrayList<>(Math.min(n, 4096));
        for (int i = 0; i < n; i++) {
            plants.add(new PlantRoot(r.string("plant[" + i + "] id"), r.fixed(Codec.DIGEST_LENGTH, "plant[" + i + "] root")));
        }
        return new AnchorArgs(period, hash, root, plants);
    }

    void write(CanonicalWriter w) {
        Codec.writePeriod(w, period);
        w.string(hash).fixed(groupRoot).i32(plants.size());
        for (PlantRoot p : plants) {
            w.string(p.plantId()).fixed(p.root());
        }
    }

    /** The anchored root of a plant, or null when the plant is not in the anchor. */
    public byte[] plantRoot(String plantId) {
        for (PlantRoot p : plants) {
            if (p.plantId().equals(plantId)) {
                return p.root();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnchorArgs a && Arrays.equals(encode(), a.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(groupRoot);
    }

    @Override
    public String toString() {
        return "AnchorArgs[" + period + " " + hash + " Hash_G=" + Hex.encode(groupRoot) + " plants=" + plants.size() + "]";
    }
}
