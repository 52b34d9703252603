package org.energychain.cli.common;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.PeriodInfo;

/** Picks the stored period a command means: the latest holding a day, or the most recently ingested. */
public final class StoredPeriods {
    private StoredPeriods() {
    }

    public static PeriodInfo select(OffChainStore store, String groupId, LocalDate day) {
        if (day != null) {
            return store.latestPeriodContaining(groupId, day).orElseThrow(() -> new IllegalArgumentException(
                    "no stored period of group " + groupId + " contains " + day));
        }
        List<PeriodInfo> all = store.periods(groupId);
        return all.stream().max(Comparator.comparing(PeriodInfo::createdAt).thenComparing(p -> p.key().version()))
                .orElseThrow(() -> new IllegalArgumentException("the store holds no period of group " + groupId));
    }
}
