package org.energychain.supervision.proof;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.supervision.tree.DayTree;
import org.energychain.supervision.tree.GroupTree;
import org.energychain.supervision.tree.PeriodTree;
import org.energychain.supervision.tree.ReadingLeaf;

/** Assembles proof chains from built trees: reading → day → plant → group, or day → plant → group. */
public final class ProofChains {
    private ProofChains() {
    }

    /** Proof that {@code reading} (at {@code readingIndex} of the day tree) is under the group root. */
    public static ProofChain forReading(ReadingLeaf reading, int readingIndex, DayTree day, PeriodTree period,
            GroupTree group) {
        MerkleTree t = day.tree();
        byte[] leaf = reading.encode();
        byte[] leafHash = MerkleTree.leafHash(t.hashFunction(), leaf);
        if (!java.util.Arrays.equals(leafHash, t.leafHash(readingIndex))) {
            throw new IllegalArgumentException("reading " + readingIndex + " of " + day.leaf().plantId() + " "
                    + day.leaf().day() + " is not the leaf at that index");
        }
        List<ProofLevel> levels = new ArrayList<>();
        levels.add(ProofLevel.of(TreeLevel.DAY, leaf, leafHash, t.inclusionProof(readingIndex), t.root()));
        levels.addAll(forDay(day, period, group).levels());
        return new ProofChain(t.hashFunction().name(), levels);
    }

    /** Proof that a plant-day's daily root is under the group root. */
    public static ProofChain forDay(DayTree day, PeriodTree period, GroupTree group) {
        int dayIndex = (int) java.time.temporal.ChronoUnit.DAYS.between(period.leaf().periodStart(), day.leaf().day());
        return forDay(day.leaf().encode(), dayIndex, period, group);
    }

    /** Proof that the day leaf at {@code dayIndex} of the plant's period tree is under the group root. */
    public static ProofChain forDay(byte[] dayLeaf, int dayIndex, PeriodTree period, GroupTree group) {
        MerkleTree pt = period.tree();
        byte[] dayLeafHash = MerkleTree.leafHash(pt.hashFunction(), dayLeaf);
        if (!java.util.Arrays.equals(dayLeafHash, pt.leafHash(dayIndex))) {
            throw new IllegalArgumentException("day leaf is not at index " + dayIndex + " of the period tree of "
                    + period.leaf().plantId());
        }
        int plantIndex = group.indexOf(period.leaf().plantId());
        if (plantIndex < 0) {
            throw new IllegalArgumentException("plant " + period.leaf().plantId() + " is not in the group tree");
        }
        byte[] plantLeaf = period.leaf().encode();
        MerkleTree gt = group.tree();
        byte[] plantLeafHash = MerkleTree.leafHash(gt.hashFunction(), plantLeaf);
        return new ProofChain(pt.hashFunction().name(), List.of(
                ProofLevel.of(TreeLevel.PERIOD, dayLeaf, dayLeafHash, pt.inclusionProof(dayIndex), pt.root()),
                ProofLevel.of(TreeLevel.GROUP, plantLeaf, plantLeafHash, gt.inclusionProof(plantIndex), gt.root())));
    }
}
