package org.energychain.supervision.proof;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.PlantLeaf;
import org.energychain.supervision.tree.ReadingLeaf;

/**
 * The readable fields of a proof document: what a person reads instead of the leaf bytes. Each one is
 * what the leaves (or the top root) of the proof's chain encode; {@link #of} derives them, and
 * {@link #differencesFrom} names every field a document claims differently, so a proof that verifies
 * shows only what it proves. {@code day} is absent without a period level, {@code reading} without a
 * day level.
 */
public record ProofView(String group, String plant, LocalDate periodStart, LocalDate periodEnd, LocalDate day,
        Reading reading, byte[] groupRoot) {

    /** The proven reading: its index in the daily tree and its leaf's fields. */
    public record Reading(long index, Instant timestamp, String measurement, BigDecimal value, String unit,
            byte[] salt) {
        public Reading {
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }
    }

    public ProofView {
        groupRoot = groupRoot.clone();
    }

    @Override
    public byte[] groupRoot() {
        return groupRoot.clone();
    }

    /**
     * What the chain's leaves say.
     *
     * @throws IllegalArgumentException if the chain names an unknown hash, has no group level or a leaf
     *     does not decode (the chain verifier reports these)
     */
    public static ProofView of(ProofChain chain) {
        int width = HashFunctions.byName(chain.hash()).digestLength();
        ProofLevel top = chain.levels().get(chain.levels().size() - 1);
        if (top.tree() != TreeLevel.GROUP) {
            throw new IllegalArgumentException("the chain does not end at the group tree");
        }
        PlantLeaf plant = PlantLeaf.decode(top.leaf(), width);
        LocalDate day = null;
        Reading reading = null;
        for (ProofLevel l : chain.levels()) {
            if (l.tree() == TreeLevel.PERIOD) {
                day = DayLeaf.decode(l.leaf(), width).day();
            } else if (l.tree() == TreeLevel.DAY) {
                ReadingLeaf r = ReadingLeaf.decode(l.leaf());
                reading = new Reading(l.leafIndex(), r.timestamp(), r.measurement(), r.value(), r.unit(), r.salt());
            }
        }
        return new ProofView(plant.groupId(), plant.plantId(), plant.periodStart(), plant.periodEnd(), day, reading,
                top.root());
    }

    /**
     * Every field this (claimed) view shows differently from {@code leaves} (from {@link #of}), each naming
     * plant, day and reading and both values; equal numbers in another notation ({@code 1.5}, {@code 1.50})
     * and equal instants are the same value.
     */
    public List<String> differencesFrom(ProofView leaves) {
        List<String> diffs = new ArrayList<>();
        String who = leaves.describe();
        field(diffs, who, "group", group, leaves.group);
        field(diffs, who, "plant", plant, leaves.plant);
        field(diffs, who, "periodStart", periodStart, leaves.periodStart);
        field(diffs, who, "periodEnd", periodEnd, leaves.periodEnd);
        field(diffs, who, "day", day, leaves.day);
        if (!MessageDigest.isEqual(groupRoot, leaves.groupRoot)) {
            diffs.add(who + ": groupRoot is " + Hex.encode(groupRoot) + " in the proof's view but its chain leads to "
                    + Hex.encode(leaves.groupRoot));
        }
        if (reading != null && leaves.reading == null) {
            diffs.add(who + ": the proof shows reading #" + reading.index + " " + reading.timestamp + " "
                    + reading.measurement + " but has no day level whose leaf binds it");
        } else if (reading == null && leaves.reading != null) {
            diffs.add(who + ": the proof has a day level but does not show its reading");
        } else if (reading != null) {
            readingDifferences(diffs, who, leaves.reading);
        }
        return diffs;
    }

    private void readingDifferences(List<String> diffs, String who, Reading leaf) {
        Reading r = reading;
        if (r.index != leaf.index) {
            diffs.add(who + ": index is " + r.index + " in the proof's reading but the day level is of leaf "
                    + leaf.index);
        }
        readingField(diffs, who, "timestamp", r.timestamp, leaf.timestamp, r.timestamp.equals(leaf.timestamp));
        readingField(diffs, who, "measurement", r.measurement, leaf.measurement, r.measurement.equals(leaf.measurement));
        readingField(diffs, who, "value", show(r.value), show(leaf.value),
                r.value.compareTo(leaf.value) == 0);
        readingField(diffs, who, "unit", r.unit, leaf.unit, r.unit.equals(leaf.unit));
        readingField(diffs, who, "salt", Hex.encode(r.salt), Hex.encode(leaf.salt),
                MessageDigest.isEqual(r.salt, leaf.salt));
    }

    private static void field(List<String> diffs, String who, String name, Object claimed, Object bound) {
        if (Objects.equals(claimed, bound)) {
            return;
        }
        if (bound == null) {
            diffs.add(who + ": the proof shows " + name + " " + claimed + " but no level's leaf binds it");
        } else if (claimed == null) {
            diffs.add(who + ": the proof does not show the " + name + " its leaves bind (" + bound + ")");
        } else {
            diffs.add(who + ": " + name + " is " + claimed + " in the proof's view but " + bound + " in its leaves");
        }
    }

    private static void readingField(List<String> diffs, String who, String name, Object claimed, Object leaf,
            boolean same) {
        if (!same) {
            diffs.add(who + ": " + name + " is " + claimed + " in the proof's reading but " + leaf + " in its leaf");
        }
    }

    /** Plain notation, unless the exponent would make it huge (hostile input). */
    private static String show(BigDecimal v) {
        return Math.abs((long) v.scale()) <= 64 ? v.toPlainString() : v.toString();
    }

    /** {@code plant P, day D, reading #i T M}: as far as known. */
    String describe() {
        StringBuilder sb = new StringBuilder("plant ").append(plant);
        if (day != null) {
            sb.append(", day ").append(day);
        }
        if (reading != null) {
            sb.append(", reading #").append(reading.index).append(' ').append(reading.timestamp).append(' ')
                    .append(reading.measurement);
        }
        return sb.toString();
    }
}
