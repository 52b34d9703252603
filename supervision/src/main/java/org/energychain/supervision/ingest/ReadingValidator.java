package org.energychain.supervision.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.energychain.crypto.Snippet;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.Reading;

/**
 * The semantic checks of an import, as a {@link ReadingSink} between a reader and the real sink: the
 * plant is in the group, the timestamp is inside the period and on the resolution's grid, and no
 * (plant, timestamp, measurement) comes twice. Good readings are passed on; bad ones go to the {@link
 * ProblemReport} (thrown under {@link ErrorPolicy#FAIL}, dropped and counted otherwise; of two duplicates
 * the first is kept).
 *
 * <p>Completeness is checked when a plant is closed ({@link #finishPlant}) or at the end ({@link
 * #finish}): every measurement the rules expect for the plant's type, and every measurement that appeared
 * for the plant, must cover every interval of the period; each run of missing intervals is one {@link
 * ProblemKind#GAP} problem. Readings of a plant may come in any order. State is one {@link BitSet} per
 * plant and measurement (one bit per interval: 4.4 KB for a year of 15-minute slots), released by
 * {@link #finishPlant}, so memory stays bounded by the plants that are open.
 */
public final class ReadingValidator implements ReadingSink {
    private final Group group;
    private final ValidationRules rules;
    private final ProblemReport problems;
    private final ReadingSink downstream;
    private final Map<String, Plant> plants;
    private final long startMs;
    private final long endMs;
    private final long stepMs;
    private final int slots;
    private final Map<String, PlantState> open = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private long passed;

    private static final class PlantState {
        final BitSet[] seen = new BitSet[Measurement.values().length];
        Path lastFile;
    }

    public ReadingValidator(Group group, ValidationRules rules, ProblemReport problems, ReadingSink downstream) {
        this.group = Objects.requireNonNull(group, "group");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.plants = group.plantsById();
        this.startMs = rules.startInstant().toEpochMilli();
        this.endMs = rules.endInstant().toEpochMilli();
        this.stepMs = rules.resolution().toMillis();
        this.slots = rules.slots();
    }

    @Override
    public void accept(Reading r, SourceLocation where) {
        String id = r.plantId();
        PlantState st = open.get(id);
        if (st == null) {
            if (!plants.containsKey(id)) {
                problems.report(new InputException(ProblemKind.UNKNOWN_PLANT, where, null,
                        "plant " + Snippet.quote(id) + " is not in group " + group.id()));
                return;
            }
            if (finished.contains(id)) {
                problems.report(new InputException(ProblemKind.MALFORMED, where, null,
                        "reading of plant " + id + " after its readings were closed"));
                return;
            }
            st = new PlantState();
            open.put(id, st);
        }
        st.lastFile = where.file();
        long t = r.timestamp().toEpochMilli();
        if (t < startMs || t >= endMs) {
            problems.report(new InputException(ProblemKind.OUTSIDE_PERIOD, where, null, "time " + r.timestamp()
                    + " is outside the period " + rules.start() + " to " + rules.end() + " (exclusive, " + rules.zone() + ")"));
            return;
        }
        long offset = t - startMs;
        if (offset % stepMs != 0) {
            problems.report(new InputException(ProblemKind.NOT_ALIGNED, where, null, "time " + r.timestamp()
                    + " is not aligned to the " + describe() + " grid"));
            return;
        }
        int slot = (int) (offset / stepMs);
        int mi = r.measurement().ordinal();
        BitSet bits = st.seen[mi];
        if (bits == null) {
            bits = new BitSet(slots);
            st.seen[mi] = bits;
        }
        if (bits.get(slot)) {
            problems.report(new InputException(ProblemKind.DUPLICATE, where, null, "duplicate reading of "
                    + id + " " + r.measurement().code() + " at " + r.timestamp()));
            return;
        }
        bits.set(slot);
        passed++;
        downstream.accept(r, where);
    }

    /** Checks the completeness of one plant and releases its state; later readings of it are refused. */
    public void finishPlant(String plantId) {
        Plant plant = plants.get(plantId);
        if (plant == null) {
            throw new IllegalArgumentException("plant " + Snippet.quote(plantId) + " is not in group " + group.id());
        }
        if (!finished.add(plantId)) {
            return;
        }
        PlantState st = open.remove(plantId);
        Set<Measurement> required = EnumSet.noneOf(Measurement.class);
        required.addAll(rules.expected().getOrDefault(plant.type(), Set.of()));
        if (st != null) {
            for (Measurement m : Measurement.values()) {
                if (st.seen[m.ordinal()] != null) {
                    required.add(m);
                }
            }
        }
        Path file = st != null ? st.lastFile : Path.of(plantId);
        for (Measurement m : required) {
            BitSet bits = st == null || st.seen[m.ordinal()] == null ? new BitSet() : st.seen[m.ordinal()];
            for (int from = bits.nextClearBit(0); from < slots; from = bits.nextClearBit(from)) {
                int to = Math.min(bits.nextSetBit(from), slots);
                if (to < 0) {
                    to = slots;
                }
                problems.report(new InputException(ProblemKind.GAP, file, 0, null, "gap: " + m.code() + " of "
                        + plantId + " missing " + slotTime(from) + (to - from == 1 ? "" : " to " + slotTime(to - 1))
                        + " (" + (to - from) + (to - from == 1 ? " interval" : " intervals") + " of " + describe() + ")"));
                from = to;
            }
        }
    }

    /** Closes every plant of the group that is not closed yet (a plant without readings has gaps if it owes any). */
    public void finish() {
        for (Plant p : group.plants()) {
            finishPlant(p.id());
        }
    }

    /** Readings passed on to the downstream sink. */
    public long passed() {
        return passed;
    }

    private Instant slotTime(int slot) {
        return Instant.ofEpochMilli(startMs + slot * stepMs);
    }

    private String describe() {
        long min = stepMs / 60_000;
        return stepMs % 60_000 == 0 ? min + "-minute" : rules.resolution().toString();
    }
}
