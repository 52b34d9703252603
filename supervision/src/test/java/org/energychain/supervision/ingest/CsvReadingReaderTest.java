package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;
import org.energychain.supervision.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingReaderTest {
    @TempDir
    Path dir;

    private final List<Reading> out = new ArrayList<>();
    private final List<SourceLocation> where = new ArrayList<>();

    private ReadingSink sink() {
        return (r, w) -> {
            out.add(r);
            where.add(w);
        };
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private MappingConfig mapping(String yaml) throws IOException {
        return MappingConfig.load(write("mapping.yaml", yaml));
    }

    private static final String WIDE = "time: {column: time}\nplant: {column: plant}\n"
            + "wide:\n  - {column: P_MW, measurement: active_power, unit: MW}\n  - {column: E_MWh, measurement: energy, unit: MWh}\n";

    @Test
    void wideFormConvertsUnitsToCanonical() throws IOException {
        Path f = write("p.csv", "time,plant,P_MW,E_MWh\n2026-01-01T00:15:00Z,P1,1.5,0.375\n2026-01-01T00:30:00Z,P1,2,0.5\n");
        ReadResult r = CsvReadingReader.read(f, mapping(WIDE), sink());
        assertThat(r).isEqualTo(new ReadResult(2, 4, 0));
        assertThat(out.get(0)).isEqualTo(new Reading("P1", Instant.parse("2026-01-01T00:15:00Z"), Measurement.ACTIVE_POWER,
                new BigDecimal("1500.0")));
        assertThat(out.get(1).value()).isEqualByComparingTo("375");
        assertThat(where.get(2)).isEqualTo(new SourceLocation(f, 3));
    }

    @Test
    void germanExportWithFixedPlantSkipRowsCommentsAndLocalTime() throws IOException {
        MappingConfig m = mapping("delimiter: ';'\nskip-rows: 2\ncomment-prefix: '#'\ncharset: ISO-8859-1\n"
                + "time: {column: Zeit, format: 'dd.MM.yyyy HH:mm', zone: Europe/Berlin}\nplant: {fixed: P07}\n"
                + "numbers: {decimal-separator: ',', thousands-separator: '.'}\n"
                + "wide:\n  - {column: Leistung, measurement: active_power, unit: MW}\n  - {column: Temp, measurement: temperature, unit: degC}\n");
        Path f = dir.resolve("de.csv");
        Files.writeString(f, "Export Kraftwerk Süd\nerzeugt 2026-01-02\nZeit;Leistung;Temp\n# Kommentar\n"
                + "01.01.2026 00:15;1.234,5;-3,25\n01.07.2026 12:00;\"2,5\";21\n", StandardCharsets.ISO_8859_1);
        CsvReadingReader.read(f, m, sink());
        assertThat(out).extracting(Reading::plantId).containsOnly("P07");
        assertThat(out.get(0).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:15:00Z").minusSeconds(3600)); // CET = UTC+1
        assertThat(out.get(0).value()).isEqualTo(new BigDecimal("1234500.0"));
        assertThat(out.get(1).value()).isEqualTo(new BigDecimal("-3.25"));
        assertThat(out.get(2).timestamp()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z")); // CEST = UTC+2
        assertThat(out.get(2).value()).isEqualByComparingTo("2500");
        assertThat(where.get(0).line()).isEqualTo(5);
    }

    @Test
    void localTimesInShanghaiBecomeUtc() throws IOException {
        MappingConfig m = mapping("time: {column: time, format: iso, zone: Asia/Shanghai}\nplant: {column: plant}\n"
                + "wide:\n  - {column: P_MW, measurement: active_power, unit: MW}\n");
        CsvReadingReader.read(write("p.csv", "time,plant,P_MW\n2026-01-01 08:15,P1,1\n2026-01-01T08:30:00+08:00,P1,1\n"), m, sink());
        assertThat(out).extracting(Reading::timestamp)
                .containsExactly(Instant.parse("2026-01-01T00:15:00Z"), Instant.parse("2026-01-01T00:30:00Z"));
    }

    @Test
    void nonExistentLocalTimeInDstGapNamesTheLine() throws IOException {
        MappingConfig m = mapping("time: {column: time, zone: Europe/Berlin}\nplant: {fixed: P1}\n"
                + "wide:\n  - {column: P, measurement: active_power, unit: kW}\n");
        Path f = write("dst.csv", "time,P\n2026-03-29 01:45,1\n2026-03-29 02:30,1\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, m, sink()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.kind()).isEqualTo(ProblemKind.TIME);
                })
                .hasMessageStartingWith(f + ":3: column 'time': local time 2026-03-29T02:30 does not exist in Europe/Berlin");
    }

    @Test
    void ambiguousLocalTimeInDstOverlapIsAnError() throws IOException {
        MappingConfig m = mapping("time: {column: time, zone: Europe/Berlin}\nplant: {fixed: P1}\n"
                + "wide:\n  - {column: P, measurement: active_power, unit: kW}\n");
        Path f = write("dst.csv", "time,P\n2026-10-25 02:30,1\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, m, sink()))
                .hasMessageContaining("dst.csv:2: column 'time': local time 2026-10-25T02:30 is ambiguous in Europe/Berlin");
    }

    @Test
    void longFormWithUnitColumn() throws IOException {
        MappingConfig m = mapping("time: {column: 0, format: epoch-seconds}\nheader: false\nplant: {column: 1}\n"
                + "long: {measurement-column: 2, value-column: 3, unit-column: 4}\n");
        CsvReadingReader.read(write("l.csv", "1767226500,P1,active_power,2.5,MW\n1767226500,P1,voltage,10500,V\n1767226500,P1,frequency,50.01,\n"), m, sink());
        assertThat(out).extracting(Reading::measurement)
                .containsExactly(Measurement.ACTIVE_POWER, Measurement.VOLTAGE, Measurement.FREQUENCY);
        assertThat(out).extracting(Reading::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2500"), new BigDecimal("10.5"), new BigDecimal("50.01"));
        assertThat(out.get(0).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:15:00Z"));
    }

    @Test
    void unitThatDoesNotFitTheMeasurement() throws IOException {
        MappingConfig m = mapping("time: {column: time}\nplant: {column: plant}\n"
                + "long: {measurement-column: m, value-column: v, unit-column: u}\n");
        Path f = write("P01.csv", "time,plant,m,v,u\n2026-01-01T00:15:00Z,P01,active_power,1,MW\n2026-01-01T00:15:00Z,P01,active_power,1,kV\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, m, sink()))
                .isInstanceOf(InputException.class)
                .hasMessage(f + ":3: unit 'kV' does not fit active_power (accepted: GW, MW, W, kW)");
    }

    @Test
    void unknownMeasurement() throws IOException {
        MappingConfig m = mapping("time: {column: time}\nplant: {column: plant}\nlong: {measurement-column: m, value-column: v}\n");
        Path f = write("p.csv", "time,plant,m,v\n2026-01-01T00:15:00Z,P01,activ_power,1\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, m, sink()))
                .hasMessageStartingWith(f + ":2: column 'm': unknown measurement 'activ_power'");
    }

    @Test
    void wrongColumnCountUnparsableTimeAndNumberNameLineAndColumn() throws IOException {
        MappingConfig m = mapping(WIDE);
        assertThatThrownBy(() -> CsvReadingReader.read(write("a.csv", "time,plant,P_MW,E_MWh\n2026-01-01T00:15:00Z,P1,1\n"), m, sink()))
                .hasMessage(dir.resolve("a.csv") + ":2: expected 4 columns, found 3");
        assertThatThrownBy(() -> CsvReadingReader.read(write("b.csv", "time,plant,P_MW,E_MWh\n2026-13-01T00:15:00Z,P1,1,1\n"), m, sink()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.TIME))
                .hasMessageStartingWith(dir.resolve("b.csv") + ":2: column 'time': ");
        assertThatThrownBy(() -> CsvReadingReader.read(write("c.csv", "time,plant,P_MW,E_MWh\n2026-01-01T00:15:00Z,P1,1,1\n2026-01-01T00:30:00Z,P1,1.2.3,1\n"), m, sink()))
                .hasMessage(dir.resolve("c.csv") + ":3: column 'P_MW': cannot parse number '1.2.3' (decimal separator '.')");
    }

    @Test
    void emptyCellsAreSkippedOrRefusedAsConfigured() throws IOException {
        Path f = write("e.csv", "time,plant,P_MW,E_MWh\n2026-01-01T00:15:00Z,P1,,1\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, mapping(WIDE), sink()))
                .hasMessage(f + ":2: column 'P_MW': empty value");
        CsvReadingReader.read(f, mapping(WIDE + "empty-cells: skip\n"), sink());
        assertThat(out).extracting(Reading::measurement).containsExactly(Measurement.ENERGY);
    }

    @Test
    void quotedFieldsMayHoldDelimitersAndNewlines() throws IOException {
        MappingConfig m = mapping("time: {column: time}\nplant: {column: plant}\n"
                + "wide:\n  - {column: 'P, MW', measurement: active_power, unit: MW}\n");
        Path f = write("q.csv", "time,\"plant\",\"P, MW\"\n2026-01-01T00:15:00Z,\"P\"\"1\",\"1\"\n"
                + "\"2026-01-01T00:30:00Z\",\"P1\nB\",2\n2026-01-01T00:45:00Z,P1,3\n");
        CsvReadingReader.read(f, m, sink());
        assertThat(out).extracting(Reading::plantId).containsExactly("P\"1", "P1\nB", "P1");
        assertThat(where).extracting(SourceLocation::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void missingHeaderColumnIsNamed() throws IOException {
        Path f = write("h.csv", "time,plant,P_MW\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, mapping(WIDE), sink()))
                .hasMessage(f + ":1: the mapping names column 'E_MWh' but the header has time, plant, P_MW");
    }

    @Test
    void skipAndReportKeepsGoodRowsAndCollectsBadOnes() throws IOException {
        Path f = write("s.csv", "time,plant,P_MW,E_MWh\n2026-01-01T00:15:00Z,P1,1,1\nnonsense\n"
                + "2026-01-01T00:45:00Z,P1,x,1\n2026-01-01T01:00:00Z,P1,2,2\nyesterday,P1,1,1\n");
        ProblemReport report = new ProblemReport(ErrorPolicy.SKIP_AND_REPORT, 2);
        ReadResult r = CsvReadingReader.read(f, mapping(WIDE), sink(), report);
        assertThat(r).isEqualTo(new ReadResult(5, 4, 3));
        assertThat(out).extracting(Reading::timestamp).extracting(Instant::toString)
                .containsExactly("2026-01-01T00:15:00Z", "2026-01-01T00:15:00Z", "2026-01-01T01:00:00Z", "2026-01-01T01:00:00Z");
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.count(ProblemKind.MALFORMED)).isEqualTo(1);
        assertThat(report.count(ProblemKind.NUMBER)).isEqualTo(1);
        assertThat(report.count(ProblemKind.TIME)).isEqualTo(1);
        assertThat(report.problems()).extracting(InputException::line).containsExactly(3L, 4L);
        assertThat(report.summary()).contains("3 problems").contains(f + ":3: expected 4 columns, found 1").contains("and 1 more");
    }

    // ---- real exports: a thousands separator equal to the delimiter, scaled columns ----------------

    static Path pvExample(String name) {
        try {
            return Path.of(CsvReadingReaderTest.class.getResource("/exports/pv/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private Reading find(Instant t, Measurement m) {
        return out.stream().filter(r -> r.timestamp().equals(t) && r.measurement() == m).findFirst().orElseThrow();
    }

    @Test
    void thePvExportMapsAsItIsQuotedThousandsEqualToTheDelimiterAndScaledColumns() {
        Group group = GroupConfigFile.load(pvExample("group.yaml"));
        MappingConfig m = MappingConfig.load(pvExample("mapping.yaml"));
        ReadResult r = CsvReadingReader.read(pvExample("export.csv"), m, group, sink(), ProblemReport.failFast());
        assertThat(r).isEqualTo(new ReadResult(104, 208, 0));
        // line 32: "01.06.2026 07:00","1,209.10","0.0315" (Europe/Berlin, summer time: 05:00Z)
        Instant t = Instant.parse("2026-06-01T05:00:00Z");
        assertThat(find(t, Measurement.ACTIVE_POWER).value()).isEqualByComparingTo("1.2091"); // W x 0.001 = kW
        assertThat(find(t, Measurement.ENERGY).value()).isEqualByComparingTo("0.3024"); // kWh/kW x 9.6 kW
        assertThat(where.get(out.indexOf(find(t, Measurement.ENERGY)))).isEqualTo(new SourceLocation(pvExample("export.csv"), 32));
        // noon: "8,741.80" W
        assertThat(find(Instant.parse("2026-06-01T10:00:00Z"), Measurement.ACTIVE_POWER).value()).isEqualByComparingTo("8.7418");
    }

    private static final String PV = "skip-rows: 0\nquote: '\"'\ntime: {column: t, format: 'dd.MM.yyyy HH:mm', zone: Europe/Berlin}\n"
            + "plant: {fixed: P1}\nnumbers: {thousands-separator: ','}\nwide:\n  - {column: P_W, measurement: active_power, unit: W}\n";

    @Test
    void anUnquotedNumberWithTheDelimiterAsThousandsSeparatorIsRefusedNotMisread() throws IOException {
        Path f = write("pv.csv", "t,P_W\n\"01.06.2026 07:00\",\"1,209.10\"\n01.06.2026 07:15,1,209.10\n01.06.2026 07:30,812.5\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, mapping(PV), sink()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage(f + ":3: expected 2 columns, found 3 (the thousands separator ',' is also the delimiter: "
                        + "a number written with it must be quoted, e.g. \"1,209.10\")");
        out.clear();
        ProblemReport report = ProblemReport.skipAndReport();
        CsvReadingReader.read(f, mapping(PV), sink(), report);
        assertThat(out).extracting(rd -> rd.value().stripTrailingZeros().toPlainString())
                .containsExactly("1.2091", "0.8125"); // never 0.001 kW (1 W)
        assertThat(report.total()).isEqualTo(1);
    }

    @Test
    void aQuotedNumberWithBadGroupingIsRefused() throws IOException {
        Path f = write("pv.csv", "t,P_W\n\"01.06.2026 07:00\",\"1,20\"\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, mapping(PV), sink()))
                .hasMessage(f + ":2: column 'P_W': cannot parse number '1,20': thousands separator ',' must separate "
                        + "groups of 3 digits (decimal separator '.', thousands separator ',')");
    }

    @Test
    void aColumnScaledByCapacityNeedsThePlantInTheGroup() throws IOException {
        Group group = new Group("g", List.of(new Plant("P1", PlantType.SOLAR, "r", new BigDecimal("50"))));
        MappingConfig m = mapping("time: {column: time}\nplant: {column: plant}\nwide:\n"
                + "  - {column: yield, measurement: energy, unit: kWh, scale: {times: capacity-kw}}\n"
                + "  - {column: pct, measurement: active_power, unit: kW, scale: {factor: 0.01, times: capacity-kw}}\n");
        Path f = write("y.csv", "time,plant,yield,pct\n2026-01-01T00:15:00Z,P1,0.25,40\n2026-01-01T00:15:00Z,P2,0.25,40\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, m, group, sink(), ProblemReport.failFast()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNKNOWN_PLANT))
                .hasMessage(f + ":3: column 'yield': plant 'P2' is not in group g, so the column cannot be scaled by its capacity-kw");
        assertThat(out).extracting(rd -> rd.value().stripTrailingZeros().toPlainString())
                .containsExactly("12.5", "20"); // 0.25 kWh/kW x 50 kW; 40 % of 50 kW
        assertThatThrownBy(() -> CsvReadingReader.read(f, m, sink())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read it with the group");
    }

    // ---- hostile input: bounded numbers, bounded and escaped quotes in messages ---------------------

    @Test
    void aFiveMillionDigitCellIsRefusedByTheDigitBoundWithFileAndLine() throws IOException {
        Path f = write("big.csv", "time,plant,P_MW,E_MWh\n2026-01-01T00:15:00Z,P1," + "1".repeat(5_000_000) + ",1\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, mapping(WIDE), sink()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.NUMBER);
                    assertThat(e.getMessage()).hasSizeLessThan(300);
                })
                .hasMessage(f + ":2: column 'P_MW': number '" + "1".repeat(100) + "…' (5000000 characters) has more than "
                        + "38 digits (at most 38 digits and an exponent of at most ±99)");
    }

    @Test
    void aHugeExponentIsRefusedWithFileAndLine() throws IOException {
        Path f = write("exp.csv", "time,plant,P_MW,E_MWh\n2026-01-01T00:15:00Z,P1,1E+999999999,1\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, mapping(WIDE), sink()))
                .hasMessage(f + ":2: column 'P_MW': number '1E+999999999' has an exponent beyond ±99 "
                        + "(at most 38 digits and an exponent of at most ±99)");
    }

    @Test
    void errorMessagesQuoteAHugeBinaryCellCutAndEscaped() throws IOException {
        String junk = "\u0000\u001b[2J" + "x".repeat(5_000_000);
        Path f = write("bin.csv", "time,plant,P_MW,E_MWh\n" + junk + ",P1,1,1\n");
        assertThatThrownBy(() -> CsvReadingReader.read(f, mapping(WIDE), sink()))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\u0000").doesNotContain("\u001b")
                            .startsWith(f + ":2: column 'time': cannot parse time '\\u0000\\u001B[2Jxxx")
                            .contains("…' (5000005 characters)");
                });
        Path h = write("hdr.csv", "time,plant,P_MW," + "\u202E".repeat(1_000_000) + "\n");
        assertThatThrownBy(() -> CsvReadingReader.read(h, mapping(WIDE), sink()))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(400)
                        .doesNotContain("\u202E").contains("\\u202E").contains("(1000019 characters)"));
    }
}
