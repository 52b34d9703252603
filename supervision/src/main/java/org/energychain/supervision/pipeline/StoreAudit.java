package org.energychain.supervision.pipeline;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.supervision.proof.Verdict;
import org.energychain.supervision.reading.Reading;
import org.energychain.supervision.store.DayRecord;
import org.energychain.supervision.store.DestructionRecord;
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
 * Re-hashes what a store holds and compares it with the roots it committed: every plant-day's readings
 * against its daily root (days whose readings were destroyed are skipped, but must have a destruction
 * record), every period root and every group root. Names each plant and day that differs.
 */
public final class StoreAudit {
    private final OffChainStore store;

    public StoreAudit(OffChainStore store) {
        this.store = store;
    }

    public Verdict audit(String groupId, String onlyPlant, LocalDate onlyDay) {
        List<String> diffs = new ArrayList<>();
        List<PeriodInfo> periods = store.periods(groupId);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("the store holds no period of group " + groupId);
        }
        Set<String> destroyed = new HashSet<>();
        for (DestructionRecord d : store.destructions(groupId)) {
            for (DestructionRecord.DestroyedDay dd : d.days()) {
                destroyed.add(dd.period() + "|" + dd.plantId() + "|" + dd.day());
            }
        }
        boolean plantSeen = onlyPlant == null;
        for (PeriodInfo info : periods) {
            if (onlyDay != null && !info.key().contains(onlyDay)) {
                continue;
            }
            HashFunction hash = HashFunctions.byName(info.suiteName());
            TreeContext ctx = new TreeContext(hash, groupId, info.key().start(), info.key().endExclusive());
            ReadingLeafEncoder encoder = new ReadingLeafEncoder(ctx, info.saltKey());
            List<PlantLeaf> plantLeaves = new ArrayList<>();
            for (PlantRecord p : store.plants(info.key())) {
                PlantLeaf pl = PlantLeaf.decode(p.leaf(), hash.digestLength());
                plantLeaves.add(pl);
                if (onlyPlant != null && !onlyPlant.equals(p.plantId())) {
                    continue;
                }
                plantSeen = true;
                List<DayLeaf> dayLeaves = new ArrayList<>();
                for (DayRecord d : store.days(info.key(), p.plantId())) {
                    DayLeaf dl = DayLeaf.decode(d.leaf(), hash.digestLength());
                    dayLeaves.add(dl);
                    if (onlyDay != null && !onlyDay.equals(d.date())) {
                        continue;
                    }
                    List<Reading> rs = new ArrayList<>(store.readings(info.key(), p.plantId(), d.date()));
                    String where = "plant " + p.plantId() + ", day " + d.date() + " (period " + info.key() + ")";
                    if (rs.isEmpty() && dl.readingCount() > 0) {
                        if (!destroyed.contains(info.key() + "|" + p.plantId() + "|" + d.date())) {
                            diffs.add(where + ": its " + dl.readingCount() + " readings are missing and no destruction is recorded");
                        }
                        continue;
                    }
                    DayTree t = DayTree.build(encoder, p.plantId(), d.date(), rs);
                    if (!MessageDigest.isEqual(t.leaf().root(), dl.root())) {
                        diffs.add(where + ": the stored readings (" + rs.size() + ", committed " + dl.readingCount()
                                + ") do not hash to the committed daily root");
                    }
                }
                if (onlyDay == null) {
                    PeriodTree pt = PeriodTree.build(ctx, p.plantId(), dayLeaves);
                    if (!MessageDigest.isEqual(pt.leaf().root(), pl.root())) {
                        diffs.add("plant " + p.plantId() + " (period " + info.key() + "): the day records do not hash to the committed period root");
                    }
                }
            }
            GroupTree g = GroupTree.build(ctx, plantLeaves);
            if (!MessageDigest.isEqual(g.root(), info.groupRoot())) {
                diffs.add("period " + info.key() + ": the plant records do not hash to the committed group root");
            }
        }
        if (!plantSeen) {
            throw new IllegalArgumentException("plant " + onlyPlant + " has no data in group " + groupId);
        }
        return Verdict.fails(diffs);
    }
}
