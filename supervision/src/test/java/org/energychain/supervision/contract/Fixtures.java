package org.energychain.supervision.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.supervision.store.PeriodKey;

/** Small argument values for the contract tests. */
final class Fixtures {
    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate END = LocalDate.of(2026, 3, 4);

    private Fixtures() {
    }

    static byte[] bytes(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    static PeriodKey period(String group, int version) {
        return new PeriodKey(group, START, END, version);
    }

    /** A consistent anchor: Hash_G is the root over the plant roots. */
    static AnchorArgs anchor(String group, int version, String hash) {
        List<PlantRoot> plants = List.of(new PlantRoot(group + "-S001", bytes(1 + version)),
                new PlantRoot(group + "-W001", bytes(2 + version)));
        AnchorArgs draft = new AnchorArgs(period(group, version), hash, bytes(0), plants);
        return new AnchorArgs(draft.period(), hash, draft.computeGroupRoot(), plants);
    }

    static FilingArgs filing(String group, int version) {
        return new FilingArgs(period(group, version), "SHA-256", bytes(9), bytes(10 + version), 3);
    }

    static DestructionRecord destruction(String group, long id) {
        PeriodKey p = period(group, 1);
        return new DestructionRecord(id, group, group + "-S001", START, START.plusDays(2), "retention: 2 days",
                Instant.parse("2026-05-01T12:00:00Z"), 192,
                List.of(new DestructionRecord.DestroyedDay(p, group + "-S001", START, 96, bytes(3)),
                        new DestructionRecord.DestroyedDay(p, group + "-S001", START.plusDays(1), 96, bytes(4))),
                List.of(new DestructionRecord.DestroyedDataset(p, group + "/v1/D3/x", DataClass.D3, bytes(5))));
    }
}
