package org.energychain.supervision.proof;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.PlantLeaf;
import org.energychain.supervision.tree.ReadingLeaf;
import org.jspecify.annotations.Nullable;

/**
 * The one verifier of proofs: {@code verify --proof}, {@code check-delivery} and the regulator's checks
 * against filings and anchors all come here. For a {@link ProofChain}: the levels are (day,) period,
 * group, bottom up; each leaf hashes to its leafHash; each RFC 9162 inclusion proof leads to its level's
 * root; each root is the one bound in the next level's leaf; the contexts agree (same hash, group and
 * plant; the reading lies in the day; the day sits at its own index of the period; counts equal tree
 * sizes); the top root is the trusted one, and the plant leaf agrees with whatever else the
 * {@link TrustedRoot} fixes. For a {@link ProofDocument}, in addition, every readable field must be
 * what the leaves encode ({@link ProofView#differencesFrom}). A failed proof is an answer, not an
 * exception: the {@link Verdict} names the plant, day, reading and level that differ. Stateless.
 */
public final class ProofChainVerifier {
    private ProofChainVerifier() {
    }

    /** Checks a document: its chain against {@code trusted}, and its readable fields against its leaves. */
    public static Verdict verify(ProofDocument document, TrustedRoot trusted) {
        List<String> diffs = new ArrayList<>(verify(document.chain(), trusted).differences());
        ProofView bound;
        try {
            bound = ProofView.of(document.chain());
        } catch (RuntimeException e) {
            // a leaf that does not decode: the chain check has named it
            return diffs.isEmpty() ? Verdict.fails("the proof's leaves do not decode: " + e.getMessage())
                    : Verdict.fails(diffs);
        }
        diffs.addAll(document.view().differencesFrom(bound));
        return Verdict.fails(diffs);
    }

    /** Checks a chain against {@code trusted}. */
    public static Verdict verify(ProofChain chain, TrustedRoot trusted) {
        HashFunction hash;
        try {
            hash = HashFunctions.byName(chain.hash());
        } catch (IllegalArgumentException e) {
            return Verdict.fails("the proof uses " + e.getMessage());
        }
        if (!hash.name().equals(chain.hash())) {
            return Verdict.fails("the proof names hash '" + chain.hash() + "', its leaves can only name " + hash.name());
        }
        if (trusted.hash() != null && !trusted.hash().equals(hash.name())) {
            return Verdict.fails("the proof uses hash " + hash.name() + ", the " + trusted.source() + " "
                    + trusted.hash());
        }
        Decoded d = new Decoded();
        String problem = walk(chain, hash, d);
        if (problem != null) {
            return Verdict.fails(problem);
        }
        List<String> diffs = new ArrayList<>();
        String where = d.describe();
        if (!MessageDigest.isEqual(chain.topRoot(), trusted.groupRoot())) {
            diffs.add(where + ": the group root " + Hex.encode(chain.topRoot()) + " differs from the trusted root "
                    + Hex.encode(trusted.groupRoot()) + " (" + trusted.source() + ")");
        }
        PlantLeaf plant = Objects.requireNonNull(d.plant); // walk found no problem: the chain reaches the group tree
        if (trusted.groupId() != null && (!plant.groupId().equals(trusted.groupId())
                || !plant.periodStart().equals(trusted.periodStart()) || !plant.periodEnd().equals(trusted.periodEnd()))) {
            diffs.add(where + ": the proof is of group " + plant.groupId() + " period " + plant.periodStart() + ".."
                    + plant.periodEnd() + ", the " + trusted.source() + " of group " + trusted.groupId() + " period "
                    + trusted.periodStart() + ".." + trusted.periodEnd());
        }
        if (!trusted.plantRoots().isEmpty()) {
            byte[] anchored = trusted.plantRoot(plant.plantId());
            if (anchored == null) {
                diffs.add(where + ": plant " + plant.plantId() + " is not among the plants of the " + trusted.source());
            } else if (!MessageDigest.isEqual(anchored, plant.root())) {
                diffs.add(where + ": the proof's period root " + Hex.encode(plant.root()) + " differs from the root "
                        + Hex.encode(anchored) + " of the " + trusted.source());
            }
        }
        return Verdict.fails(diffs);
    }

    /** Walks the levels bottom up; the first problem, naming where, or null when every level holds. */
    private static @Nullable String walk(ProofChain chain, HashFunction hash, Decoded d) {
        Map<TreeLevel, ProofLevel> byTree = new EnumMap<>(TreeLevel.class);
        TreeLevel first = chain.levels().get(0).tree();
        if (first == TreeLevel.GROUP) {
            return "the proof has only a group level: it proves no day (a proof starts at a day or a period level)";
        }
        TreeLevel expected = first;
        for (int i = 0; i < chain.levels().size(); i++) {
            ProofLevel level = chain.levels().get(i);
            if (level.tree() != expected) {
                return d.describe() + ": level " + i + " is a " + level.tree().code() + " tree, expected "
                        + (expected == null ? "nothing above the group tree" : "the " + expected.code() + " tree");
            }
            try {
                d.decode(level, hash.digestLength());
            } catch (RuntimeException e) {
                return (i == 0 ? "" : d.describe() + ": ") + "level " + i + " (" + level.tree().code()
                        + " tree): malformed leaf: " + e.getMessage();
            }
            String where = d.describe() + " (" + level.tree().code() + " level)";
            if (!MessageDigest.isEqual(MerkleTree.leafHash(hash, level.leaf()), level.leafHash())) {
                return where + ": the leaf does not hash to the stated leafHash (the data differs)";
            }
            if (!MerkleTree.verifyInclusion(hash, level.leafHash(), level.leafIndex(), level.treeSize(), level.path(),
                    level.root())) {
                return where + ": the inclusion proof does not lead to the stated " + level.tree().code() + " root "
                        + Hex.encode(level.root());
            }
            if (i > 0) {
                ProofLevel below = chain.levels().get(i - 1);
                byte[] bound = level.tree() == TreeLevel.PERIOD ? Objects.requireNonNull(d.day).root()
                        : Objects.requireNonNull(d.plant).root();
                if (!MessageDigest.isEqual(bound, below.root())) {
                    return where + ": the " + below.tree().code() + " root below differs from the one bound in this leaf";
                }
            }
            String problem = contextProblem(level, byTree, d, hash);
            if (problem != null) {
                return where + ": " + problem;
            }
            byTree.put(level.tree(), level);
            expected = level.tree() == TreeLevel.GROUP ? null : TreeLevel.values()[level.tree().ordinal() + 1];
        }
        return d.plant == null ? d.describe() + ": the proof stops below the group tree" : null;
    }

    private static @Nullable String contextProblem(ProofLevel level, Map<TreeLevel, ProofLevel> below, Decoded d,
            HashFunction hash) {
        // the levels come bottom up, each decoded before its check: a level's own leaf is set, and so are those
        // below it that the chain has
        switch (level.tree()) {
            case DAY -> {
                ReadingLeaf reading = Objects.requireNonNull(d.reading);
                return reading.hash().equals(hash.name()) ? null : "the reading leaf names hash " + reading.hash();
            }
            case PERIOD -> {
                DayLeaf day = Objects.requireNonNull(d.day);
                if (!day.hash().equals(hash.name())) {
                    return "the day leaf names hash " + day.hash();
                }
                ReadingLeaf reading = d.reading;
                if (reading == null) {
                    return null;
                }
                if (!reading.plantId().equals(day.plantId()) || !reading.groupId().equals(day.groupId())) {
                    return "the reading belongs to " + reading.groupId() + "/" + reading.plantId()
                            + ", the day to " + day.groupId() + "/" + day.plantId();
                }
                LocalDate readingDay = reading.timestamp().atZone(ZoneOffset.UTC).toLocalDate();
                if (!readingDay.equals(day.day())) {
                    return "the reading is of " + readingDay + ", the day leaf of " + day.day();
                }
                long size = Objects.requireNonNull(below.get(TreeLevel.DAY)).treeSize();
                return size == day.readingCount() ? null
                        : "the daily tree has " + size + " leaves, the day leaf says " + day.readingCount() + " readings";
            }
            case GROUP -> {
                PlantLeaf plant = Objects.requireNonNull(d.plant);
                DayLeaf day = Objects.requireNonNull(d.day);
                if (!plant.hash().equals(hash.name())) {
                    return "the plant leaf names hash " + plant.hash();
                }
                if (!day.plantId().equals(plant.plantId()) || !day.groupId().equals(plant.groupId())) {
                    return "the day belongs to " + day.groupId() + "/" + day.plantId() + ", the plant leaf to "
                            + plant.groupId() + "/" + plant.plantId();
                }
                ProofLevel period = Objects.requireNonNull(below.get(TreeLevel.PERIOD));
                long index = ChronoUnit.DAYS.between(plant.periodStart(), day.day());
                if (index < 0 || !day.day().isBefore(plant.periodEnd())) {
                    return "day " + day.day() + " lies outside the period " + plant.periodStart() + ".."
                            + plant.periodEnd();
                }
                if (period.leafIndex() != index) {
                    return "the day is at index " + period.leafIndex() + " of the period tree, its date says " + index;
                }
                return period.treeSize() == plant.dayCount() ? null
                        : "the period tree has " + period.treeSize() + " leaves, the plant leaf says "
                                + plant.dayCount() + " days";
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The leaves decoded so far, bottom up. */
    private static final class Decoded {
        @Nullable ReadingLeaf reading;
        long readingIndex;
        @Nullable DayLeaf day;
        @Nullable PlantLeaf plant;

        void decode(ProofLevel level, int width) {
            switch (level.tree()) {
                case DAY -> {
                    reading = ReadingLeaf.decode(level.leaf());
                    readingIndex = level.leafIndex();
                }
                case PERIOD -> day = DayLeaf.decode(level.leaf(), width);
                case GROUP -> plant = PlantLeaf.decode(level.leaf(), width);
            }
        }

        /** {@code plant P, day D, reading #i T M}, as far as decoded. */
        String describe() {
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
                sb.append(sb.isEmpty() ? "" : ", ").append("reading #").append(readingIndex).append(' ')
                        .append(reading.timestamp()).append(' ').append(reading.measurement());
            }
            return sb.isEmpty() ? "the proof" : sb.toString();
        }
    }
}
