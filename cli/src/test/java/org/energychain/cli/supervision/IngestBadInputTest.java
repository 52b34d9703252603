package org.energychain.cli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input at the command line: a clear message with file and line, exit 2, and nothing stored. */
class IngestBadInputTest {
    @TempDir
    Path dir;

    Path group() throws Exception {
        Path g = dir.resolve("group.yaml");
        Files.writeString(g, """
                group: G9
                plants:
                  - id: G9-S001
                    type: solar
                    region: north
                    capacity-kw: 1000
                  - id: G9-W001
                    type: wind
                    region: north
                    capacity-kw: 2000
                """);
        return g;
    }

    /** One full day of active power for both plants, as JSON lines. */
    static List<String> day() {
        List<String> lines = new ArrayList<>();
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        for (String plant : List.of("G9-S001", "G9-W001")) {
            for (int i = 0; i < 96; i++) {
                lines.add("{\"plant\":\"" + plant + "\",\"time\":\"" + t0.plusSeconds(900L * i)
                        + "\",\"measurement\":\"active_power\",\"value\":" + (i % 7) + ".25,\"unit\":\"kW\"}");
            }
        }
        return lines;
    }

    Cli ingest(List<String> lines, String... extra) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, lines);
        List<String> args = new ArrayList<>(List.of("ingest", "--group", group().toString(), "--from", "2026-05-01",
                "--to", "2026-05-01", "--db", dir.resolve("s.db").toString(), "--out", dir.resolve("out").toString(),
                "--quiet", "--json"));
        args.addAll(List.of(extra));
        args.add(in.toString());
        return Cli.run(args.toArray(String[]::new));
    }

    void assertNothingStored() {
        Cli audit = Cli.run("verify", "--db", dir.resolve("s.db").toString());
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.err()).contains("no data");
    }

    @Test
    void aCleanDayIngests() throws Exception {
        Cli r = ingest(day());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("readings").asLong()).isEqualTo(192);
    }

    @Test
    void aDuplicateReadingIsRefusedWithItsLine() throws Exception {
        List<String> lines = day();
        lines.add(lines.get(10));
        Cli r = ingest(lines);
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("in.jsonl:193").containsIgnoringCase("duplicate");
        assertNothingStored();
    }

    @Test
    void anUnknownPlantIsRefusedWithItsLine() throws Exception {
        List<String> lines = day();
        lines.set(4, lines.get(4).replace("G9-S001", "G9-X999"));
        Cli r = ingest(lines);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("in.jsonl:5").contains("G9-X999");
        assertNothingStored();
    }

    @Test
    void aWrongUnitIsRefusedWithItsLine() throws Exception {
        List<String> lines = day();
        lines.set(7, lines.get(7).replace("\"kW\"", "\"kV\""));
        Cli r = ingest(lines);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("in.jsonl:8").contains("kV");
        assertNothingStored();
    }

    @Test
    void aGapIsRefusedNamingThePlant() throws Exception {
        List<String> lines = day();
        lines.remove(120);
        Cli r = ingest(lines);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).containsIgnoringCase("gap").contains("G9-W001");
        assertNothingStored();
    }

    @Test
    void skipAndReportStoresTheGoodRowsAndReportsTheBadOnes() throws Exception {
        List<String> lines = day();
        lines.add(lines.get(10));
        lines.add("{ this is not json");
        Cli r = ingest(lines, "--on-error", "skip");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().get("readings").asLong()).isEqualTo(192);
        assertThat(r.json().get("problems").get("total").asLong()).isEqualTo(2);
        assertThat(r.json().get("problems").get("first").toString()).contains("in.jsonl:193").contains("in.jsonl:194");
    }
}
