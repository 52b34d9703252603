package org.energychain.supervision.tree;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.merkle.MerkleTree;

/**
 * A plant's period tree: one leaf per day of the period in day order; its root is the paper's
 * {@code Hash^j}, bound into the plant's {@link PlantLeaf}. Every day of the period must be present:
 * a missing day is a gap, not a shorter tree.
 */
public record PeriodTree(PlantLeaf leaf, MerkleTree tree) {

    public static PeriodTree build(TreeContext ctx, String plantId, List<DayLeaf> days) {
        if (days.size() != ctx.dayCount()) {
            throw new IllegalArgumentException("plant " + plantId + ": " + days.size() + " days for a period of "
                    + ctx.dayCount() + " days (" + ctx.start() + ".." + ctx.end() + ")");
        }
        List<byte[]> leaves = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            DayLeaf d = days.get(i);
            if (!d.plantId().equals(plantId) || !d.day().equals(ctx.start().plusDays(i))
                    || !d.groupId().equals(ctx.groupId()) || !d.hash().equals(ctx.hash().name())) {
                throw new IllegalArgumentException("plant " + plantId + ": day leaf " + i + " is " + d
                        + ", expected day " + ctx.start().plusDays(i));
            }
            leaves.add(d.encode());
        }
        MerkleTree tree = MerkleTree.fromLeaves(ctx.hash(), leaves);
        PlantLeaf leaf = new PlantLeaf(ctx.hash().name(), ctx.groupId(), plantId, ctx.start(), ctx.end(),
                days.size(), tree.root());
        return new PeriodTree(leaf, tree);
    }
}
