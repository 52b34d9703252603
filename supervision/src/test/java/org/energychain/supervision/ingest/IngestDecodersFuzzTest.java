package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.supervision.ingest.MappingConfig.ColumnRef;
import org.energychain.supervision.ingest.MappingConfig.EmptyCells;
import org.energychain.supervision.ingest.MappingConfig.LongForm;
import org.energychain.supervision.ingest.MappingConfig.Scale;
import org.energychain.supervision.ingest.MappingConfig.ValueColumn;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;
import org.energychain.supervision.reading.Reading;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the import's readers of outside files (docs/fuzzing.md): readings as CSV (read as one of
 * several mappings, chosen by the input's first byte) and as JSON lines, the mapping file and the group
 * file. Any file is read, or refused with an {@link InputException} that names it and says why; bad rows
 * are reported one by one, each with its reason. A mapping or group file that loads writes back as one that
 * loads to the same value.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class IngestDecodersFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("ingest-fuzz");
            DIR.toFile().deleteOnExit(); // after the files below (deleted in reverse order)
            for (String f : new String[] {"in.csv", "in.jsonl", "in.yaml", "again.yaml"}) {
                DIR.resolve(f).toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Group GROUP = new Group("north", List.of(new Plant("P1", PlantType.SOLAR, "Qinghai", new BigDecimal("50000")),
            new Plant("P2", PlantType.WIND, "Gansu", new BigDecimal("1.5"))));

    /** The mappings a CSV input is read with: the dialects and layouts the reader has paths for. */
    static final List<MappingConfig> MAPPINGS = List.of(
            // comma, quotes, header, ISO UTC, wide with two columns
            MappingConfig.simpleWide(ColumnRef.named("time"), ColumnRef.named("plant"), null, List.of(
                    new ValueColumn(ColumnRef.named("P_MW"), Measurement.ACTIVE_POWER, "MW"),
                    new ValueColumn(ColumnRef.named("E"), Measurement.ENERGY, "kWh"))),
            // a German export: semicolons, decimal comma, thousands dot, title lines, comments, local time
            new MappingConfig(';', null, StandardCharsets.ISO_8859_1, false, 2, "#", ColumnRef.at(0), "dd.MM.yyyy HH:mm",
                    ZoneId.of("Europe/Berlin"), null, "P1", ',', '.', EmptyCells.SKIP,
                    List.of(new ValueColumn(ColumnRef.at(2), Measurement.ACTIVE_POWER, "kW"),
                            new ValueColumn(ColumnRef.at(1), Measurement.VOLTAGE, "V")), null),
            // long layout with a unit column; thousands separator equal to the delimiter, in quotes only
            new MappingConfig(',', '"', StandardCharsets.UTF_8, true, 0, null, ColumnRef.named("t"), MappingConfig.EPOCH_MILLIS,
                    ZoneId.of("UTC"), ColumnRef.named("plant"), null, '.', ',', EmptyCells.ERROR, List.of(),
                    new LongForm(ColumnRef.named("m"), ColumnRef.named("v"), ColumnRef.named("u"))),
            // tab separated, no header, epoch seconds, scaled by a factor and by the plant's capacity
            new MappingConfig('\t', '\'', StandardCharsets.UTF_8, false, 0, "//", ColumnRef.at(1), MappingConfig.EPOCH_SECONDS,
                    ZoneId.of("UTC"), ColumnRef.at(0), null, '.', null, EmptyCells.ERROR,
                    List.of(new ValueColumn(ColumnRef.at(2), Measurement.ENERGY, "kWh", new Scale(new BigDecimal("0.001"), true)),
                            new ValueColumn(ColumnRef.at(3), Measurement.ACTIVE_POWER, "W", new Scale(new BigDecimal("2.5"), false))),
                    null),
            // ISO local time in a zone with DST, long layout without a unit column, empty cells skipped
            new MappingConfig('|', '"', StandardCharsets.UTF_8, true, 1, null, ColumnRef.named("time"), MappingConfig.ISO,
                    ZoneId.of("Europe/London"), null, "P2", '.', null, EmptyCells.SKIP, List.of(),
                    new LongForm(ColumnRef.named("measurement"), ColumnRef.named("value"), null)));

    /**
     * A CSV file (after the first byte, which chooses the mapping): read, or refused with a located
     * {@link InputException}; every bad row is reported with a reason, and the counts agree with what the
     * sink received.
     */
    @MethodSource("csvSeeds")
    @FuzzTest
    void csv(byte[] input) {
        if (input.length < 1) {
            return;
        }
        MappingConfig mapping = MAPPINGS.get((input[0] & 0xff) % MAPPINGS.size());
        Path file = write("in.csv", Arrays.copyOfRange(input, 1, input.length));
        List<Reading> got = new ArrayList<>();
        ProblemReport problems = ProblemReport.skipAndReport();
        ReadResult r;
        try {
            r = CsvReadingReader.read(file, mapping, GROUP, (reading, where) -> {
                assertThat(where.line()).isPositive();
                got.add(reading);
            }, problems);
        } catch (InputException e) {
            located("csv", e, file);
            return;
        }
        counted(r, got, problems, file);
    }

    static Stream<Arguments> csvSeeds() {
        return Stream.of(
                csvSeed(0, "time,plant,P_MW,E\n2026-01-01T00:00:00Z,P1,1.5,\"1,2\"\n2026-01-01T00:15:00Z,P2,-0.25,3E2\n"
                        + "\"2026-01-01T00:30:00Z\",\"P\"\"1\",\"2\n\",4\n"),
                csvSeed(1, "Export\nAnlage P1\n# comment\n01.01.2026 00:15;230,5;1.234,5\n01.01.2026 00:30;;\n"
                        + "29.03.2026 02:30;1;2\n"),
                csvSeed(2, "t,plant,m,v,u\n1767225600000,P1,active_power,\"1,209.10\",MW\n1767225600000,P2,energy,7,Wh\n"),
                csvSeed(3, "P1\t1767225600\t0.5\t1000\n// note\nP2\t1767226500\t'1'\t2\nP3\t1767227400\t1\t1\n"),
                csvSeed(4, "title\ntime|measurement|value\n2026-03-29T01:30:00|frequency|50.01\n"
                        + "2026-10-25T01:30:00|temperature|\n2026-01-01T00:00:00+08:00|wind_speed|3\n"));
    }

    /** A JSON lines file: read, or refused with a located {@link InputException}; bad lines are reported. */
    @MethodSource("jsonLinesSeeds")
    @FuzzTest
    void jsonLines(byte[] input) {
        Path file = write("in.jsonl", input);
        List<Reading> got = new ArrayList<>();
        ProblemReport problems = ProblemReport.skipAndReport();
        ReadResult r;
        try {
            r = JsonLinesReadingReader.read(file, (reading, where) -> {
                assertThat(where.line()).isPositive();
                got.add(reading);
            }, problems);
        } catch (InputException e) {
            located("json lines", e, file);
            return;
        }
        counted(r, got, problems, file);
    }

    static Stream<Arguments> jsonLinesSeeds() {
        return Stream.of(seed("readings", ("{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"active_power\","
                + "\"value\":123.4,\"unit\":\"MW\"}\n\n{\"plant\":\"P2\",\"time\":\"2026-01-01T08:15:00+08:00\","
                + "\"measurement\":\"energy\",\"value\":\"-1.5E3\"}\n{\"plant\":\"P2\",\"time\":\"x\",\"measurement\":\"energy\","
                + "\"value\":1}\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A mapping file: loads (and then writes back as YAML that loads to the same mapping), or is refused. */
    @MethodSource("mappingSeeds")
    @FuzzTest
    void mapping(byte[] input) {
        Path file = write("in.yaml", input);
        MappingConfig m;
        try {
            m = MappingConfig.load(file);
        } catch (InputException e) {
            located("mapping", e, file);
            return;
        }
        Path again = write("again.yaml", m.toYaml().getBytes(StandardCharsets.UTF_8));
        assertThat(MappingConfig.load(again)).as("the mapping written back as YAML").isEqualTo(m);
    }

    static Stream<Arguments> mappingSeeds() {
        Stream<Arguments> written = MAPPINGS.stream().map(m -> seed("written", m.toYaml().getBytes(StandardCharsets.UTF_8)));
        return Stream.concat(written, Stream.of(seed("by hand", ("format: csv\ndelimiter: tab\nquote: none\nheader: yes\n"
                + "time: {column: 0, format: 'yyyy-MM-dd HH:mm', zone: '+08:00'}\nplant: {column: p}\n"
                + "numbers: {decimal-separator: ',', thousands-separator: ' '}\nempty-cells: skip\n"
                + "wide:\n  - {column: x, measurement: irradiance, unit: kW/m2, scale: {factor: 1e-3, times: capacity-kw}}\n")
                .getBytes(StandardCharsets.UTF_8))));
    }

    /** A group file: loads (and then writes back as a file that loads to the same group), or is refused. */
    @MethodSource("groupSeeds")
    @FuzzTest
    void groupFile(byte[] input) throws IOException {
        Path file = write("in.yaml", input);
        Group g;
        try {
            g = GroupConfigFile.load(file);
        } catch (InputException e) {
            located("group", e, file);
            return;
        }
        Path again = DIR.resolve("again.yaml");
        GroupConfigFile.write(g, again);
        assertThat(GroupConfigFile.load(again)).as("the group written back").isEqualTo(g);
    }

    static Stream<Arguments> groupSeeds() throws IOException {
        Path f = DIR.resolve("again.yaml");
        GroupConfigFile.write(GROUP, f);
        return Stream.of(seed("written", Files.readAllBytes(f)), seed("flow style", ("group: g.1\nplants:\n"
                + "  - {id: A, type: HYDRO, region: \"Yunnan \\\"west\\\"\", capacity-kw: 1.25e3}\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** A refusal names the file and says why. */
    private static void located(String name, InputException e, Path file) {
        DecoderContract.requireMessage(name, e);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).startsWith(file.toString());
        assertThat(e.reason()).isNotBlank();
    }

    private static void counted(ReadResult r, List<Reading> got, ProblemReport problems, Path file) {
        assertThat(r.readings()).as("readings handed to the sink").isEqualTo(got.size());
        assertThat(r.rejectedRows()).as("rejected rows").isEqualTo(problems.total()).isLessThanOrEqualTo(r.rows());
        for (InputException p : problems.problems()) {
            located("row", p, file);
            assertThat(p.line()).as("a bad row names its line").isPositive();
        }
    }

    private static Path write(String name, byte[] content) {
        try {
            return Files.write(DIR.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Arguments csvSeed(int mapping, String text) {
        byte[] body = text.getBytes(mapping == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        byte[] input = new byte[body.length + 1];
        input[0] = (byte) mapping;
        System.arraycopy(body, 0, input, 1, body.length);
        return seed("mapping " + mapping, input);
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
