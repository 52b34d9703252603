package org.energychain.supervision.ingest;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.energychain.crypto.Snippet;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;

/**
 * The group configuration file ({@code group.yaml}): the group's id and its plants.
 *
 * <pre>
 * group: north
 * plants:
 *   - id: north-S001
 *     type: solar          # solar | wind | hydro | thermal
 *     region: Qinghai
 *     capacity-kw: 50000
 * </pre>
 */
public final class GroupConfigFile {
    private GroupConfigFile() {
    }

    /**
     * Reads a group file.
     *
     * @throws InputException (kind {@link ProblemKind#CONFIG}) naming the file and the key that is wrong
     */
    public static Group load(Path file) {
        YamlConfig root = YamlConfig.load(file);
        root.allowOnly(Set.of("group", "plants"));
        String id = id(root, "group");
        List<Plant> plants = new ArrayList<>();
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        List<YamlConfig> entries = root.list("plants");
        if (entries.isEmpty()) {
            throw root.error("plants", "must list at least one plant");
        }
        for (YamlConfig p : entries) {
            p.allowOnly(Set.of("id", "type", "region", "capacity-kw"));
            String pid = id(p, "id");
            String typeCode = p.string("type");
            PlantType type;
            try {
                type = PlantType.byCode(typeCode);
            } catch (IllegalArgumentException e) {
                throw p.error("type", "unknown plant type " + Snippet.quote(typeCode) + " (known: "
                        + Arrays.stream(PlantType.values()).map(PlantType::code).collect(Collectors.joining(", ")) + ")");
            }
            BigDecimal capacity = p.decimal("capacity-kw");
            if (seen.put(pid, pid) != null) {
                throw p.error("id", "plant id '" + pid + "' appears twice");
            }
            try {
                plants.add(new Plant(pid, type, p.string("region"), capacity));
            } catch (IllegalArgumentException e) {
                throw p.error(null, e.getMessage());
            }
        }
        try {
            return new Group(id, plants);
        } catch (IllegalArgumentException e) {
            throw root.error("group", e.getMessage());
        }
    }

    private static String id(YamlConfig y, String key) {
        String id = y.string(key);
        if (!ID.matcher(id).matches()) {
            throw y.error(key, Snippet.quote(id) + " must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Writes {@code group} in the format {@link #load} reads. */
    public static void write(Group group, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# EnergyChain group configuration\n");
            w.write("group: " + group.id() + "\n");
            w.write("plants:\n");
            for (Plant p : group.plants()) {
                w.write("  - id: " + p.id() + "\n");
                w.write("    type: " + p.type().code() + "\n");
                w.write("    region: " + quote(p.region()) + "\n");
                w.write("    capacity-kw: " + p.capacityKw().toPlainString() + "\n");
            }
        }
    }

    private static String quote(String s) {
        return YamlConfig.quoted(s);
    }
}
