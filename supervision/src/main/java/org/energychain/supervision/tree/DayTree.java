package org.energychain.supervision.tree;

import java.time.LocalDate;
import java.util.List;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.supervision.reading.Reading;

/**
 * The daily tree of one plant-day: one leaf per reading in canonical order (timestamp, then
 * measurement code); its root goes into the plant's {@link DayLeaf}.
 */
public record DayTree(DayLeaf leaf, MerkleTree tree) {

    /**
     * Builds the tree; {@code readings} must all belong to {@code plantId} and the UTC {@code day}, and
     * are sorted here into canonical order (the list is sorted in place).
     */
    public static DayTree build(ReadingLeafEncoder encoder, String plantId, LocalDate day, List<Reading> readings) {
        TreeContext ctx = encoder.context();
        if (!ctx.contains(day)) {
            throw new IllegalArgumentException("day " + day + " is outside the period " + ctx.start() + ".." + ctx.end());
        }
        readings.sort(Reading.CANONICAL_ORDER);
        int w = ctx.hash().digestLength();
        byte[] packed = new byte[readings.size() * w];
        long epochDay = day.toEpochDay();
        Reading prev = null;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (!r.plantId().equals(plantId) || ReadingLeafEncoder.epochDay(r) != epochDay) {
                throw new IllegalArgumentException("reading " + r + " does not belong to plant " + plantId + " on " + day);
            }
            if (prev != null && Reading.CANONICAL_ORDER.compare(prev, r) == 0) {
                throw new IllegalArgumentException("duplicate reading: plant " + plantId + " " + r.timestamp() + " "
                        + r.measurement().code());
            }
            encoder.leafHash(r, packed, i * w);
            prev = r;
        }
        MerkleTree tree = MerkleTree.fromPackedLeafHashes(ctx.hash(), packed, readings.size());
        DayLeaf leaf = new DayLeaf(ctx.hash().name(), ctx.groupId(), plantId, day, readings.size(), tree.root());
        return new DayTree(leaf, tree);
    }
}
