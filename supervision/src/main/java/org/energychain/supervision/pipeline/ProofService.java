package org.energychain.supervision.pipeline;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.supervision.proof.ProofChain;
import org.energychain.supervision.proof.ProofChains;
import org.energychain.supervision.reading.Reading;
import org.energychain.supervision.store.DayRecord;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.PeriodInfo;
import org.energychain.supervision.store.PlantRecord;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.DayTree;
import org.energychain.supervision.tree.GroupTree;
import org.energychain.supervision.tree.PeriodTree;
import org.energychain.supervision.tree.PlantLeaf;
import org.energychain.supervision.tree.ReadingLeafEncoder;
import org.energychain.supervision.tree.TreeContext;

/**
 * Builds proofs from the off-chain store: rebuilds the trees of the latest period holding the day from
 * the stored leaves (and, for a reading, the stored readings and the period's salt key), checks each
 * rebuilt root against the stored one, and assembles the chain up to {@code Hash_G}.
 */
public final class ProofService {
    private final OffChainStore store;

    public ProofService(OffChainStore store) {
        this.store = store;
    }

    /** A proof for a plant-day, or for reading {@code readingIndex} of it when not null. */
    public ProofChain prove(String groupId, String plantId, LocalDate day, Integer readingIndex) {
        PeriodInfo info = store.latestPeriodContaining(groupId, day).orElseThrow(() -> new IllegalArgumentException(
                "no stored period of group " + groupId + " contains " + day));
        HashFunction hash = HashFunctions.byName(info.suiteName());
        TreeContext ctx = new TreeContext(hash, groupId, info.key().start(), info.key().endExclusive());

        List<PlantLeaf> plantLeaves = new ArrayList<>();
        for (PlantRecord p : store.plants(info.key())) {
            plantLeaves.add(PlantLeaf.decode(p.leaf(), hash.digestLength()));
        }
        GroupTree group = GroupTree.build(ctx, plantLeaves);
        requireSame(group.root(), info.groupRoot(), "group root of period " + info.key());
        if (group.indexOf(plantId) < 0) {
            throw new IllegalArgumentException("plant " + plantId + " is not in period " + info.key()
                    + " of group " + groupId);
        }
        List<DayRecord> dayRecords = store.days(info.key(), plantId);
        List<DayLeaf> dayLeaves = new ArrayList<>();
        for (DayRecord d : dayRecords) {
            dayLeaves.add(DayLeaf.decode(d.leaf(), hash.digestLength()));
        }
        PeriodTree period = PeriodTree.build(ctx, plantId, dayLeaves);
        requireSame(period.leaf().root(), plantLeaves.get(group.indexOf(plantId)).root(), "period root of " + plantId);
        int dayIndex = (int) ChronoUnit.DAYS.between(ctx.start(), day);
        DayLeaf dayLeaf = dayLeaves.get(dayIndex);
        if (readingIndex == null) {
            return ProofChains.forDay(dayLeaf.encode(), dayIndex, period, group);
        }
        if (readingIndex < 0 || readingIndex >= dayLeaf.readingCount()) {
            throw new IllegalArgumentException("plant " + plantId + " has " + dayLeaf.readingCount() + " readings on "
                    + day + "; reading " + readingIndex + " does not exist (readings are numbered from 0)");
        }
        List<Reading> readings = new ArrayList<>(store.readings(info.key(), plantId, day));
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("the readings of plant " + plantId + " on " + day
                    + " are no longer stored (destroyed); the day itself is still provable without --reading");
        }
        ReadingLeafEncoder encoder = new ReadingLeafEncoder(ctx, info.saltKey());
        DayTree dayTree = DayTree.build(encoder, plantId, day, readings);
        requireSame(dayTree.leaf().root(), dayLeaf.root(), "daily root of " + plantId + " on " + day
                + " (the stored readings were changed)");
        return ProofChains.forReading(encoder.leaf(readings.get(readingIndex)), readingIndex, dayTree, period, group);
    }

    private static void requireSame(byte[] rebuilt, byte[] stored, String what) {
        if (!MessageDigest.isEqual(rebuilt, stored)) {
            throw new IllegalStateException("store is inconsistent: the rebuilt " + what + " differs from the stored one");
        }
    }
}
