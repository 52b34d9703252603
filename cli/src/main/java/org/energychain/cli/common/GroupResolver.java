package org.energychain.cli.common;

import java.util.List;
import org.energychain.supervision.store.OffChainStore;

/** Picks the group when a command is not told: a store normally holds one group's data. */
public final class GroupResolver {
    private GroupResolver() {
    }

    public static String onlyGroup(OffChainStore store) {
        List<String> groups = store.groups();
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("the store holds no data yet; run energychain ingest first");
        }
        if (groups.size() > 1) {
            throw new IllegalArgumentException("the store holds several groups " + groups + "; name one with --group");
        }
        return groups.get(0);
    }
}
