package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void groupFileLoadsAndRoundTrips() throws IOException {
        Group g = GroupConfigFile.load(write("group.yaml", "group: north\nplants:\n"
                + "  - {id: north-W001, type: wind, region: Gansu, capacity-kw: 150000}\n"
                + "  - {id: north-S001, type: SOLAR, region: Qinghai, capacity-kw: 50000.5}\n"));
        assertThat(g.plants()).containsExactly(
                new Plant("north-S001", PlantType.SOLAR, "Qinghai", new BigDecimal("50000.5")),
                new Plant("north-W001", PlantType.WIND, "Gansu", new BigDecimal("150000")));
        GroupConfigFile.write(g, dir.resolve("copy.yaml"));
        assertThat(GroupConfigFile.load(dir.resolve("copy.yaml"))).isEqualTo(g);
    }

    @Test
    void groupFileErrorsNameFileAndKey() throws IOException {
        assertThatThrownBy(() -> GroupConfigFile.load(write("g1.yaml", "group: g\nplants:\n  - {id: A, type: nuclear, region: X, capacity-kw: 1}\n")))
                .hasMessage(dir.resolve("g1.yaml") + ": plants[0].type: unknown plant type 'nuclear' (known: solar, wind, hydro, thermal)");
        assertThatThrownBy(() -> GroupConfigFile.load(write("g2.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: X, capacity-kw: 1}\n"
                + "  - {id: A, type: wind, region: X, capacity-kw: 1}\n")))
                .hasMessage(dir.resolve("g2.yaml") + ": plants[1].id: plant id 'A' appears twice");
        assertThatThrownBy(() -> GroupConfigFile.load(write("g3.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: X, capacity: 1}\n")))
                .hasMessageStartingWith(dir.resolve("g3.yaml") + ": plants[0].capacity: unknown key");
        assertThatThrownBy(() -> GroupConfigFile.load(write("g4.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: X, capacity-kw: -5}\n")))
                .hasMessage(dir.resolve("g4.yaml") + ": plants[0]: plant A: capacity must be positive, got -5");
        assertThatThrownBy(() -> GroupConfigFile.load(dir.resolve("missing.yaml")))
                .hasMessage(dir.resolve("missing.yaml") + ": file not found");
        assertThatThrownBy(() -> GroupConfigFile.load(write("g5.yaml", "group: g\nplants: [\n")))
                .hasMessageContaining("g5.yaml").hasMessageContaining("not valid YAML");
    }

    @Test
    void mappingRoundTripsThroughYaml() throws IOException {
        MappingConfig m = new MappingConfig(';', null, java.nio.charset.StandardCharsets.ISO_8859_1, false, 3, "//",
                MappingConfig.ColumnRef.at(0), "dd.MM.yyyy HH:mm", ZoneId.of("Asia/Shanghai"), null, "P01", ',', '.',
                MappingConfig.EmptyCells.SKIP, List.of(new MappingConfig.ValueColumn(MappingConfig.ColumnRef.at(2), Measurement.ACTIVE_POWER, "MW")), null);
        assertThat(MappingConfig.load(write("m.yaml", m.toYaml()))).isEqualTo(m);
    }

    @Test
    void mappingErrorsNameFileAndKey() throws IOException {
        assertThatThrownBy(() -> MappingConfig.load(write("m1.yaml", "time: {column: t}\nplant: {fixed: P}\nwide:\n  - {column: P, measurement: active_power, unit: kV}\n")))
                .hasMessage(dir.resolve("m1.yaml") + ": wide[0].unit: unit 'kV' does not fit active_power (accepted: GW, MW, W, kW)");
        assertThatThrownBy(() -> MappingConfig.load(write("m2.yaml", "header: no\ntime: {column: t}\nplant: {fixed: P}\nwide:\n  - {column: 1, measurement: energy}\n")))
                .hasMessageContaining("column 't' is named but the file has no header");
        assertThatThrownBy(() -> MappingConfig.load(write("m3.yaml", "time: {column: t, zone: Mars/Olympus}\nplant: {fixed: P}\nwide:\n  - {column: 1, measurement: energy}\n")))
                .hasMessageStartingWith(dir.resolve("m3.yaml") + ": time.zone: unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> MappingConfig.load(write("m4.yaml", "time: {column: t}\nplant: {fixed: P, column: p}\nwide:\n  - {column: 1, measurement: energy}\n")))
                .hasMessage(dir.resolve("m4.yaml") + ": give exactly one of plant.column and plant.fixed");
        assertThatThrownBy(() -> MappingConfig.load(write("m5.yaml", "delimitr: ';'\n")))
                .hasMessageStartingWith(dir.resolve("m5.yaml") + ": delimitr: unknown key");
        assertThatThrownBy(() -> MappingConfig.load(write("m6.yaml", "time: {column: t, format: 'qq-bogus{'}\nplant: {fixed: P}\nwide:\n  - {column: 1, measurement: energy}\n")))
                .hasMessageContaining("time format 'qq-bogus{'");
    }
}
