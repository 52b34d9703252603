package org.energychain.supervision.proof;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.PlantLeaf;
import org.energychain.supervision.tree.ReadingLeaf;

/**
 * Checks a {@link ProofChain} against a trusted group root: each leaf hash, each RFC 9162 inclusion
 * proof, that each level's root is the one bound in the next level's leaf, that the contexts agree
 * (same hash, group and plant; the reading lies in the day; the day sits at its own index of the period;
 * counts equal tree sizes) and that the top root is the trusted one. Stateless and thread-safe.
 */
public final class ProofChainVerifier {
    private final HashFunction hash;

    public ProofChainVerifier(HashFunction hash) {
        this.hash = hash;
    }

    public Verdict verify(ProofChain chain, byte[] trustedRoot) {
        if (!chain.hash().equals(hash.name())) {
            return Verdict.fails("proof uses hash " + chain.hash() + ", verifier uses " + hash.name());
        }
        Map<TreeLevel, ProofLevel> byTree = new EnumMap<>(TreeLevel.class);
        Decoded d = new Decoded();
        TreeLevel expected = chain.levels().get(0).tree();
        for (int i = 0; i < chain.levels().size(); i++) {
            ProofLevel level = chain.levels().get(i);
            if (level.tree() != expected) {
                return Verdict.fails("level " + i + " is a " + level.tree().code() + " tree, expected "
                        + (expected == null ? "nothing above the group tree" : expected.code()));
            }
            try {
                d.decode(level, hash.digestLength());
            } catch (IllegalArgumentException e) {
                return Verdict.fails("level " + i + " (" + level.tree().code() + " tree): malformed leaf: " + e.getMessage());
            }
            String where = d.describe(level);
            if (!MessageDigest.isEqual(MerkleTree.leafHash(hash, level.leaf()), level.leafHash())) {
                return Verdict.fails(where + ": the leaf does not hash to the stated leafHash (the data differs)");
            }
            if (!MerkleTree.verifyInclusion(hash, level.leafHash(), level.leafIndex(), level.treeSize(), level.path(),
                    level.root())) {
                return Verdict.fails(where + ": the inclusion proof does not lead to the stated " + level.tree().code()
                        + " root " + Hex.encode(level.root()));
            }
            if (i > 0) {
                ProofLevel below = chain.levels().get(i - 1);
                byte[] bound = level.tree() == TreeLevel.PERIOD ? d.day.root() : d.plant.root();
                if (!MessageDigest.isEqual(bound, below.root())) {
                    return Verdict.fails(where + ": the " + below.tree().code()
                            + " root below differs from the one bound in this leaf");
                }
            }
            String problem = contextProblem(level, byTree, d);
            if (problem != null) {
                return Verdict.fails(where + ": " + problem);
            }
            byTree.put(level.tree(), level);
            expected = level.tree() == TreeLevel.GROUP ? null : TreeLevel.values()[level.tree().ordinal() + 1];
        }
        if (d.plant == null) {
            return Verdict.fails("the chain stops below the group tree");
        }
        if (!MessageDigest.isEqual(chain.topRoot(), trustedRoot)) {
            return Verdict.fails(d.describe(byTree.get(TreeLevel.GROUP)) + ": the group root " + Hex.encode(chain.topRoot())
                    + " differs from the trusted root " + Hex.encode(trustedRoot));
        }
        return Verdict.ok();
    }

    private String contextProblem(ProofLevel level, Map<TreeLevel, ProofLevel> below, Decoded d) {
        switch (level.tree()) {
            case DAY -> {
                return d.reading.hash().equals(hash.name()) ? null : "the reading leaf names hash " + d.reading.hash();
            }
            case PERIOD -> {
                if (!d.day.hash().equals(hash.name())) {
                    return "the day leaf names hash " + d.day.hash();
                }
                if (d.reading == null) {
                    return null;
                }
                if (!d.reading.plantId().equals(d.day.plantId()) || !d.reading.groupId().equals(d.day.groupId())) {
                    return "the reading belongs to " + d.reading.groupId() + "/" + d.reading.plantId()
                            + ", the day to " + d.day.groupId() + "/" + d.day.plantId();
                }
                LocalDate readingDay = d.reading.timestamp().atZone(ZoneOffset.UTC).toLocalDate();
                if (!readingDay.equals(d.day.day())) {
                    return "the reading is of " + readingDay + ", the day leaf of " + d.day.day();
                }
                long size = below.get(TreeLevel.DAY).treeSize();
                return size == d.day.readingCount() ? null
                        : "the daily tree has " + size + " leaves, the day leaf says " + d.day.readingCount() + " readings";
            }
            case GROUP -> {
                if (!d.plant.hash().equals(hash.name())) {
                    return "the plant leaf names hash " + d.plant.hash();
                }
                if (d.day == null) {
                    return null;
                }
                if (!d.day.plantId().equals(d.plant.plantId()) || !d.day.groupId().equals(d.plant.groupId())) {
                    return "the day belongs to " + d.day.groupId() + "/" + d.day.plantId() + ", the plant leaf to "
                            + d.plant.groupId() + "/" + d.plant.plantId();
                }
                ProofLevel period = below.get(TreeLevel.PERIOD);
                long index = ChronoUnit.DAYS.between(d.plant.periodStart(), d.day.day());
                if (index < 0 || !d.day.day().isBefore(d.plant.periodEnd())) {
                    return "day " + d.day.day() + " lies outside the period " + d.plant.periodStart() + ".."
                            + d.plant.periodEnd();
                }
                if (period.leafIndex() != index) {
                    return "the day is at index " + period.leafIndex() + " of the period tree, its date says " + index;
                }
                return period.treeSize() == d.plant.dayCount() ? null
                        : "the period tree has " + period.treeSize() + " leaves, the plant leaf says "
                                + d.plant.dayCount() + " days";
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The leaves decoded so far, bottom up. */
    private static final class Decoded {
        ReadingLeaf reading;
        DayLeaf day;
        PlantLeaf plant;

        void decode(ProofLevel level, int width) {
            switch (level.tree()) {
                case DAY -> reading = ReadingLeaf.decode(level.leaf());
                case PERIOD -> day = DayLeaf.decode(level.leaf(), width);
                case GROUP -> plant = PlantLeaf.decode(level.leaf(), width);
            }
        }

        String describe(ProofLevel level) {
            StringBuilder sb = new StringBuilder();
            String plantId = plant != null ? plant.plantId() : day != null ? day.plantId()
                    : reading != null ? reading.plantId() : null;
            if (plantId != null) {
                sb.append("plant ").append(plantId);
            }
            LocalDate date = day != null ? day.day()
                    : reading != null ? reading.timestamp().atZone(ZoneOffset.UTC).toLocalDate() : null;
            if (date != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append("day ").append(date);
            }
            if (reading != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append("reading ");
                if (level != null && level.tree() == TreeLevel.DAY) {
                    sb.append('#').append(level.leafIndex()).append(' ');
                }
                sb.append(reading.timestamp()).append(' ').append(reading.measurement());
            }
            return sb.isEmpty() ? (level == null ? "proof" : level.tree().code() + " tree") : sb.toString();
        }
    }
}
