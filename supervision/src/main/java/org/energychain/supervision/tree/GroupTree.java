package org.energychain.supervision.tree;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.merkle.MerkleTree;

/**
 * The group tree: one leaf per plant in plant-id order; its root is the paper's {@code Hash_G}, the one
 * value a group anchors and files per period.
 */
public record GroupTree(TreeContext context, List<PlantLeaf> plants, MerkleTree tree) {

    public static GroupTree build(TreeContext ctx, List<PlantLeaf> plants) {
        if (plants.isEmpty()) {
            throw new IllegalArgumentException("a group tree needs at least one plant");
        }
        List<byte[]> leaves = new ArrayList<>(plants.size());
        String prev = null;
        for (PlantLeaf p : plants) {
            if (prev != null && p.plantId().compareTo(prev) <= 0) {
                throw new IllegalArgumentException("plants must be in strictly increasing id order: " + prev
                        + " then " + p.plantId());
            }
            if (!p.groupId().equals(ctx.groupId()) || !p.periodStart().equals(ctx.start())
                    || !p.periodEnd().equals(ctx.end()) || !p.hash().equals(ctx.hash().name())) {
                throw new IllegalArgumentException("plant leaf " + p + " belongs to another group, period or hash");
            }
            leaves.add(p.encode());
            prev = p.plantId();
        }
        return new GroupTree(ctx, List.copyOf(plants), MerkleTree.fromLeaves(ctx.hash(), leaves));
    }

    public byte[] root() {
        return tree.root();
    }

    public int indexOf(String plantId) {
        for (int i = 0; i < plants.size(); i++) {
            if (plants.get(i).plantId().equals(plantId)) {
                return i;
            }
        }
        return -1;
    }
}
