package org.energychain.supervision.reading;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An energy group and its plants, sorted by id: the order of the leaves of the group tree.
 */
public record Group(String id, List<Plant> plants) {
    public Group {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("group id '" + id + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        TreeMap<String, Plant> byId = new TreeMap<>();
        for (Plant p : plants) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException("group " + id + ": plant id " + p.id() + " appears twice");
            }
        }
        plants = List.copyOf(byId.values());
    }

    public Map<String, Plant> plantsById() {
        TreeMap<String, Plant> m = new TreeMap<>();
        plants.forEach(p -> m.put(p.id(), p));
        return m;
    }
}
