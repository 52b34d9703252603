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

    private static final String WIDE_W = "time: {column: t}\nplant: {fixed: P}\nwide:\n  - {column: P_W, measurement: active_power, unit: kW";

    @Test
    void aThousandsSeparatorEqualToTheDelimiterNeedsQuotesAndAHeader() throws IOException {
        MappingConfig ok = MappingConfig.load(write("ok.yaml", "numbers: {thousands-separator: ','}\n" + WIDE_W + "}\n"));
        assertThat(ok.thousandsSeparator()).isEqualTo(',');
        assertThat(MappingConfig.load(write("ok2.yaml", ok.toYaml()))).isEqualTo(ok);
        assertThatThrownBy(() -> MappingConfig.load(write("q.yaml", "quote: ''\nnumbers: {thousands-separator: ','}\n" + WIDE_W + "}\n")))
                .hasMessage(dir.resolve("q.yaml") + ": thousands separator \",\" is also the delimiter: numbers with it can "
                        + "only be read from quoted fields, so set quote (e.g. '\"')");
        assertThatThrownBy(() -> MappingConfig.load(write("h.yaml", "header: false\nnumbers: {thousands-separator: ','}\n"
                + "time: {column: 0}\nplant: {fixed: P}\nwide:\n  - {column: 1, measurement: energy}\n")))
                .hasMessageContaining("h.yaml").hasMessageContaining("needs header: true");
        assertThatThrownBy(() -> MappingConfig.load(write("e.yaml", "numbers: {thousands-separator: 'e'}\n" + WIDE_W + "}\n")))
                .hasMessageContaining("thousands separator 'e' is not usable");
    }

    @Test
    void scaleFactorsLoadRoundTripAndAreValidatedNamingTheKey() throws IOException {
        MappingConfig m = MappingConfig.load(write("s.yaml", "time: {column: t}\nplant: {fixed: P}\nwide:\n"
                + "  - {column: P_W, measurement: active_power, unit: kW, scale: {factor: 0.001}}\n"
                + "  - {column: Y, measurement: energy, unit: kWh, scale: {times: capacity-kw}}\n"
                + "  - {column: pct, measurement: active_power, unit: kW, scale: {factor: '0.01', times: capacity-kw}}\n"));
        assertThat(m.valueColumns()).extracting(MappingConfig.ValueColumn::scale).containsExactly(
                new MappingConfig.Scale(new BigDecimal("0.001"), false), new MappingConfig.Scale(BigDecimal.ONE, true),
                new MappingConfig.Scale(new BigDecimal("0.01"), true));
        assertThat(m.scalesByCapacity()).isTrue();
        assertThat(MappingConfig.load(write("s2.yaml", m.toYaml()))).isEqualTo(m);

        String[][] bad = {
            {"scale: 0.001", "wide[0].scale: must be a mapping with factor, times or both, e.g. {factor: 0.001} or {times: capacity-kw}; got '0.001'"},
            {"scale: {}", "wide[0].scale: give factor, times or both"},
            {"scale: {factor: 0}", "wide[0].scale.factor: must be positive, got '0'"},
            {"scale: {factor: -2}", "wide[0].scale.factor: must be positive, got '-2'"},
            {"scale: {factor: 1/1000}", "wide[0].scale.factor: must be a decimal number such as 0.001, got '1/1000'"},
            {"scale: {factor: 1e+999999999}", "wide[0].scale.factor: number '1E+999999999' has an exponent beyond ±99 (at most 38 digits and an exponent of at most ±99)"},
            {"scale: {times: capacity}", "wide[0].scale.times: must be capacity-kw (the plant's capacity-kw from the group file), got 'capacity'"},
            {"scale: {factr: 2}", "wide[0].scale.factr: unknown key (allowed: factor, times)"},
        };
        for (String[] b : bad) {
            assertThatThrownBy(() -> MappingConfig.load(write("b.yaml", WIDE_W + ", " + b[0] + "}\n"))).as(b[0])
                    .hasMessage(dir.resolve("b.yaml") + ": " + b[1]);
        }
    }

    @Test
    void aColumnIndexBeyondIntDoesNotWrapAround() throws IOException {
        assertThatThrownBy(() -> MappingConfig.load(write("i.yaml", "header: false\ntime: {column: 0}\nplant: {fixed: P}\n"
                + "wide:\n  - {column: 4294967297, measurement: energy}\n")))
                .hasMessage(dir.resolve("i.yaml") + ": wide[0].column: column index must be a whole number from 0 to "
                        + "2147483647, got '4294967297'");
    }

    @Test
    void groupCapacitiesAreBoundedAndOutsideTextIsQuotedCut() throws IOException {
        assertThatThrownBy(() -> GroupConfigFile.load(write("c1.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: X, capacity-kw: '1E+999999999'}\n")))
                .hasMessage(dir.resolve("c1.yaml") + ": plants[0].capacity-kw: number '1E+999999999' has an exponent beyond ±99 "
                        + "(at most 38 digits and an exponent of at most ±99)");
        assertThatThrownBy(() -> GroupConfigFile.load(write("c2.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: X, capacity-kw: '"
                + "9".repeat(100_000) + "'}\n")))
                .hasMessageContaining("plants[0].capacity-kw: number '999").hasMessageContaining("(100000 characters) has more than 38 digits");
        assertThatThrownBy(() -> GroupConfigFile.load(write("c3.yaml", "group: g\nplants:\n  - {id: A, type: \"" + "\\u0000".repeat(50_000)
                + "\", region: X, capacity-kw: 1}\n")))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\u0000"))
                .hasMessageContaining("plants[0].type: unknown plant type '\\u0000\\u0000");
        assertThatThrownBy(() -> GroupConfigFile.load(write("c4.yaml", "group: g\nplants:\n  - {id: '" + "A".repeat(10_000)
                + "', type: wind, region: X, capacity-kw: 1}\n")))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300))
                .hasMessageContaining("plants[0].id: 'AAAA").hasMessageContaining("must be 1-64 characters");
    }

    /** Found by IngestDecodersFuzzTest#groupFile: both files are written back in plain notation. */
    @Test
    void aNumberWithAnExponentLoadsAsItsPlainNotationReadsAndOneTooLongWrittenOutIsRefused() throws IOException {
        Group g = GroupConfigFile.load(write("e1.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: X, capacity-kw: 1.25e3}\n"));
        assertThat(g.plants().get(0).capacityKw()).isEqualTo(new BigDecimal("1250"));
        GroupConfigFile.write(g, dir.resolve("e1-copy.yaml"));
        assertThat(GroupConfigFile.load(dir.resolve("e1-copy.yaml"))).isEqualTo(g);
        assertThatThrownBy(() -> GroupConfigFile.load(write("e2.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: X, capacity-kw: 1e50}\n")))
                .hasMessage(dir.resolve("e2.yaml") + ": plants[0].capacity-kw: number '1E+50' has more than 38 digits when written out in full");
        MappingConfig m = MappingConfig.load(write("e3.yaml", WIDE_W + ", scale: {factor: 2E+2}}\n"));
        assertThat(m.valueColumns().get(0).scale().factor()).isEqualTo(new BigDecimal("200"));
        assertThat(MappingConfig.load(write("e3-copy.yaml", m.toYaml()))).isEqualTo(m);
        assertThatThrownBy(() -> MappingConfig.load(write("e4.yaml", WIDE_W + ", scale: {factor: 1e-40}}\n")))
                .hasMessage(dir.resolve("e4.yaml") + ": wide[0].scale.factor: number '1E-40' has more than 38 digits when written out in full");
    }

    /** Found by IngestDecodersFuzzTest#mapping: the JDK's pattern parser throws a ClassCastException for it. */
    @Test
    void aTimePatternThatTheJdkCannotBuildIsRefusedNamingTheFile() throws IOException {
        assertThatThrownBy(() -> MappingConfig.load(write("p.yaml", "time: {column: t, format: 'pdMM'}\nplant: {fixed: P}\n"
                + "wide:\n  - {column: 1, measurement: energy}\n")))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("p.yaml") + ": time format 'pdMM' is not iso, epoch-seconds, epoch-millis or a "
                        + "valid DateTimeFormatter pattern: pad letter 'p' before adjacent numbers");
    }

    /** Found by IngestDecodersFuzzTest#mapping and #groupFile: line breaks and controls were written unescaped. */
    @Test
    void textWithLineBreaksAndControlsIsWrittenBackAsItWasRead() throws IOException {
        MappingConfig m = MappingConfig.load(write("n.yaml", "comment-prefix: \"#\\n\\x01\"\ntime: {column: \"a\\r\\nb\"}\n"
                + "plant: {fixed: \"P\\u0085\\\\\"}\nwide:\n  - {column: \"\\x7f\\\"\", measurement: energy}\n"));
        assertThat(m.commentPrefix()).isEqualTo("#\n\u0001");
        assertThat(m.timeColumn().name()).isEqualTo("a\r\nb");
        assertThat(MappingConfig.load(write("n2.yaml", m.toYaml()))).isEqualTo(m);
        Group g = GroupConfigFile.load(write("g.yaml", "group: g\nplants:\n  - {id: A, type: wind, region: \"North\\nWest\\t\\x02\", capacity-kw: 1}\n"));
        assertThat(g.plants().get(0).region()).isEqualTo("North\nWest\t\u0002");
        GroupConfigFile.write(g, dir.resolve("g2.yaml"));
        assertThat(GroupConfigFile.load(dir.resolve("g2.yaml"))).isEqualTo(g);
    }
}
