package org.energychain.cli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real exports at the command line (issue 10): the PV export of docs/input-formats.md maps as it is, and
 * what cannot be read exits 2 with file and line, quoting no more of the input than a terminal can take.
 */
class RealExportsCliTest {
    @TempDir
    Path dir;

    Path group;
    Path mapping;
    Path export;

    /** The worked example of docs/input-formats.md, from the supervision module's test resources. */
    @BeforeEach
    void copyThePvExample() throws Exception {
        group = copy("group.yaml");
        mapping = copy("mapping.yaml");
        export = copy("export.csv");
    }

    private Path copy(String name) throws Exception {
        Path file = dir.resolve(name);
        try (var in = RealExportsCliTest.class.getResourceAsStream("/exports/pv/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Cli ingest(Path... inputs) {
        List<String> args = new ArrayList<>(List.of("ingest", "--group", group.toString(), "--mapping", mapping.toString(),
                "--from", "2026-06-01", "--to", "2026-06-01", "--db", dir.resolve("s.db").toString(),
                "--out", dir.resolve("out").toString(), "--quiet", "--json"));
        for (Path p : inputs) {
            args.add(p.toString());
        }
        return Cli.run(args.toArray(String[]::new));
    }

    /** The export with line {@code lineNo} (1-based) replaced. */
    private Path exportWithLine(int lineNo, String line) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        lines.set(lineNo - 1, line);
        Path f = dir.resolve("edited.csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private void assertNothingStored() {
        Cli audit = Cli.run("verify", "--db", dir.resolve("s.db").toString());
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.err()).contains("no data");
    }

    private JsonNode reading(int index) {
        Cli prove = Cli.run("prove", "--plant", "south-PV01", "--day", "2026-06-01", "--reading", String.valueOf(index),
                "--db", dir.resolve("s.db").toString(), "--json");
        assertThat(prove.exit()).as(prove.toString()).isZero();
        return prove.json().get("reading");
    }

    @Test
    void thePvExportMapsEndToEndThroughIngest() {
        Cli r = ingest(export);
        assertThat(r.exit()).as(r.toString()).isZero();
        // 104 rows from 00:00 local (22:00Z the day before): 96 in the UTC day, 8 before it, two readings each
        assertThat(r.json().get("readings").asLong()).isEqualTo(192);
        assertThat(r.json().get("outsidePeriod").asLong()).isEqualTo(16);
        // line 32: "01.06.2026 07:00","1,209.10","0.0315" -> 05:00Z is slot 20: readings 40 (active_power) and 41 (energy)
        JsonNode power = reading(40);
        assertThat(power.get("timestamp").asText()).isEqualTo("2026-06-01T05:00:00Z");
        assertThat(power.get("measurement").asText()).isEqualTo("active_power");
        assertThat(new BigDecimal(power.get("value").asText())).isEqualByComparingTo("1.2091"); // 1,209.10 W x 0.001
        JsonNode energy = reading(41);
        assertThat(energy.get("measurement").asText()).isEqualTo("energy");
        assertThat(new BigDecimal(energy.get("value").asText())).isEqualByComparingTo("0.3024"); // 0.0315 kWh/kW x 9.6 kW
    }

    @Test
    void anUnquotedNumberWithTheDelimiterAsThousandsSeparatorExitsTwoWithFileAndLine() throws Exception {
        Path f = exportWithLine(32, "\"01.06.2026 07:00\",1,209.10,\"0.0315\"");
        Cli r = ingest(f);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("edited.csv:32: expected 3 columns, found 4")
                .contains("is also the delimiter: a number written with it must be quoted");
        assertNothingStored();
    }

    /** Day of JSON lines for the G9 group of {@link IngestBadInputTest}, with line {@code lineNo} replaced. */
    private Cli ingestJsonLines(int lineNo, String line) throws Exception {
        Path jsonl = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>(IngestBadInputTest.day());
        lines.set(lineNo - 1, line);
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        Path g = dir.resolve("g9.yaml");
        Files.writeString(g, "group: G9\nplants:\n  - {id: G9-S001, type: solar, region: north, capacity-kw: 1000}\n"
                + "  - {id: G9-W001, type: wind, region: north, capacity-kw: 2000}\n");
        return Cli.run("ingest", "--group", g.toString(), "--from", "2026-05-01", "--to", "2026-05-01",
                "--db", dir.resolve("s.db").toString(), "--out", dir.resolve("out").toString(), "--quiet", jsonl.toString());
    }

    private static String jsonLine(String value) {
        return "{\"plant\":\"G9-S001\",\"time\":\"2026-05-01T01:00:00Z\",\"measurement\":\"active_power\",\"value\":" + value + "}";
    }

    /** A plain CSV export of the G9 group (no thousands separator) with the value of line {@code lineNo} replaced. */
    private Cli ingestPlainCsv(int lineNo, String value) throws Exception {
        List<String> lines = new ArrayList<>(List.of("time,plant,P_kW"));
        java.time.Instant t0 = java.time.Instant.parse("2026-05-01T00:00:00Z");
        for (String plant : List.of("G9-S001", "G9-W001")) {
            for (int i = 0; i < 96; i++) {
                lines.add(t0.plusSeconds(900L * i) + "," + plant + "," + (i % 7) + ".25");
            }
        }
        String[] cells = lines.get(lineNo - 1).split(",");
        lines.set(lineNo - 1, cells[0] + "," + cells[1] + "," + value);
        Path csv = dir.resolve("plain.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Path m = dir.resolve("plain.yaml");
        Files.writeString(m, "time: {column: time}\nplant: {column: plant}\nwide:\n  - {column: P_kW, measurement: active_power, unit: kW}\n");
        Path g = dir.resolve("g9.yaml");
        Files.writeString(g, "group: G9\nplants:\n  - {id: G9-S001, type: solar, region: north, capacity-kw: 1000}\n"
                + "  - {id: G9-W001, type: wind, region: north, capacity-kw: 2000}\n");
        return Cli.run("ingest", "--group", g.toString(), "--mapping", m.toString(), "--from", "2026-05-01", "--to", "2026-05-01",
                "--db", dir.resolve("s.db").toString(), "--out", dir.resolve("out").toString(), "--quiet", csv.toString());
    }

    @Test
    void aFiveMillionDigitCellExitsTwoWithFileAndLineAtOnce() throws Exception {
        String digits = "1".repeat(5_000_000);
        Cli csv = ingestPlainCsv(40, digits);
        assertThat(csv.exit()).as(csv.exit() + csv.err().substring(0, Math.min(500, csv.err().length()))).isEqualTo(2);
        assertThat(csv.err()).hasSizeLessThan(600)
                .contains("plain.csv:40: column 'P_kW': number '111")
                .contains("(5000000 characters) has more than 38 digits");
        assertNothingStored();
        Cli json = ingestJsonLines(7, jsonLine("\"" + digits + "\""));
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.err()).hasSizeLessThan(600).contains("in.jsonl:7: \"value\" '111")
                .contains("(5000000 characters) has more than 38 digits");
    }

    @Test
    void aHugeExponentExitsTwoWithFileAndLine() throws Exception {
        Cli csv = ingestPlainCsv(40, "1E+999999999");
        assertThat(csv.exit()).as(csv.toString()).isEqualTo(2);
        assertThat(csv.err()).contains("plain.csv:40: column 'P_kW': number '1E+999999999' has an exponent beyond ±99");
        Cli json = ingestJsonLines(5, jsonLine("1E+999999999"));
        assertThat(json.exit()).as(json.toString()).isEqualTo(2);
        assertThat(json.err()).contains("in.jsonl:5: \"value\" '1E+999999999' has an exponent beyond ±99");
        assertNothingStored();
    }

    @Test
    void errorMessagesQuoteAHugeBinaryCellCutAndEscaped() throws Exception {
        String junk = "\u0000\u001b[2J" + "x".repeat(5_000_000);
        Cli csv = ingestPlainCsv(40, junk);
        assertThat(csv.exit()).isEqualTo(2);
        assertThat(csv.err()).hasSizeLessThan(600).doesNotContain("\u0000").doesNotContain("\u001b")
                .contains("plain.csv:40: column 'P_kW': cannot parse number '\\u0000\\u001B[2Jxxx")
                .contains("…' (5000005 characters)");
        Cli json = ingestJsonLines(9, "{\"plant\":\"G9-S001\",\"time\":\"2026-05-01T02:00:00Z\",\"measurement\":\""
                + junk.replace("\u0000", "\\u0000").replace("\u001b", "\\u001b") + "\",\"value\":1}");
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.err()).hasSizeLessThan(800).doesNotContain("\u0000").doesNotContain("\u001b")
                .contains("in.jsonl:9: unknown measurement '\\u0000\\u001B[2Jxxx");
        assertNothingStored();
    }

    // ---- dispatch plan ----------------------------------------------------------------------------

    private static final String BUSES = "mpc.baseMVA = 100;\nmpc.bus = [\n  1 3 0 0 0 0 1 1 0 230 1 1.1 0.9;\n"
            + "  2 1 0 0 0 0 1 1 0 230 1 1.1 0.9;\n  3 1 50 0 0 0 1 1 0 230 1 1.1 0.9;\n];\n";

    private Cli plan(String name, byte[] text) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text);
        return Cli.run("dispatch", "plan", "--case", f.toString());
    }

    @Test
    void aCaseFileThatIsNotUtf8ExitsTwoWithFileAndLine() throws Exception {
        byte[] latin1 = (BUSES.replace("mpc.bus = [", "% Netz S\u00fcd\nmpc.bus = [")
                + "mpc.gen = [1 0 0 0 0 1 100 1 100 0];\nmpc.gencost = [2 0 0 2 10 0];\n").getBytes(StandardCharsets.ISO_8859_1);
        Cli r = plan("latin1.m", latin1);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("latin1.m:2: not valid UTF-8: byte 0xFC");
    }

    @Test
    void aGeneratorAtAnUnknownBusExitsTwoWithFileLineAndBus() throws Exception {
        Cli r = plan("gen.m", (BUSES + "mpc.gen = [\n  1 0 0 0 0 1 100 1 100 0;\n  9 0 0 0 0 1 100 1 100 0;\n];\n"
                + "mpc.gencost = [2 0 0 2 10 0; 2 0 0 2 20 0];\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("gen.m:9: generator G2 is at bus 9, which is not in mpc.bus");
    }

    @Test
    void anIsolatedLoadBusExitsTwoNamingTheBusAsIsolated() throws Exception {
        Cli r = plan("iso.m", (BUSES + "mpc.gen = [1 0 0 0 0 1 100 1 100 0];\n"
                + "mpc.branch = [1 2 0 0.1 0 0 0 0 0 0 1; 2 3 0 0.1 0 0 0 0 0 0 0];\n"
                + "mpc.gencost = [2 0 0 2 10 0];\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("iso.m:5: bus 3 has a load of 50 MW but is isolated").doesNotContain("ramp");
    }
}
