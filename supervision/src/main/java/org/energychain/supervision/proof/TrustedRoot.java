package org.energychain.supervision.proof;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a verifier trusts a proof against: a group root {@code Hash_G} from some {@code source} (a root
 * the user typed, a D2 package, a filing, an anchor) and whatever else that source fixes: the hash, the
 * group and period, the plants' period roots. A proof holds only if it agrees with every part given;
 * {@code null} parts (and an empty map) are not known to the source.
 */
public record TrustedRoot(String source, byte[] groupRoot, String hash, String groupId, LocalDate periodStart,
        LocalDate periodEnd, Map<String, byte[]> plantRoots) {
    public TrustedRoot {
        Objects.requireNonNull(source, "source");
        groupRoot = Objects.requireNonNull(groupRoot, "groupRoot").clone();
        if ((groupId == null) != (periodStart == null) || (periodStart == null) != (periodEnd == null)) {
            throw new IllegalArgumentException("a trusted period needs its group, start and end together");
        }
        TreeMap<String, byte[]> copy = new TreeMap<>();
        plantRoots.forEach((plant, root) -> copy.put(plant, root.clone()));
        plantRoots = java.util.Collections.unmodifiableMap(copy);
    }

    /** Only a root, as given on the command line ({@code verify --root}). */
    public static TrustedRoot of(byte[] groupRoot) {
        return new TrustedRoot("trusted root", groupRoot, null, null, null, null, Map.of());
    }

    /** A root with the hash, group and period its source (a package, a filing, an anchor) declares. */
    public static TrustedRoot of(String source, byte[] groupRoot, String hash, String groupId, LocalDate periodStart,
            LocalDate periodEnd) {
        return new TrustedRoot(source, groupRoot, hash, groupId, periodStart, periodEnd, Map.of());
    }

    /** The same, with the anchored period root {@code Hash^j} of each plant. */
    public TrustedRoot withPlantRoots(Map<String, byte[]> roots) {
        return new TrustedRoot(source, groupRoot, hash, groupId, periodStart, periodEnd, roots);
    }

    @Override
    public byte[] groupRoot() {
        return groupRoot.clone();
    }

    /** The anchored period root of {@code plantId}, or {@code null}. */
    public byte[] plantRoot(String plantId) {
        byte[] r = plantRoots.get(plantId);
        return r == null ? null : r.clone();
    }
}
