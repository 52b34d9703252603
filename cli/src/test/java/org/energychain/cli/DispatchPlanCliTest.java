package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code energychain dispatch plan --case FILE.m --json}: the contract other tools read. */
class DispatchPlanCliTest {
    /** A MATPOWER case from the dispatch module's test cases, copied to a file (it may sit in a jar). */
    static String resource(String name) throws Exception {
        Path file = Files.createTempDirectory("matpower").resolve(name);
        try (var in = DispatchPlanCliTest.class.getResourceAsStream("/matpower/" + name)) {
            Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
        return file.toString();
    }

    @Test
    void woodWollenbergExample3AGivesThePublishedOutputsAndOnePriceEverywhere() throws Exception {
        Cli r = Cli.run("dispatch", "plan", "--case", resource("case3_ww3a.m"), "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("generators").get(0).get("p").asDouble()).isCloseTo(393.2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(j.get("generators").get(1).get("p").asDouble()).isCloseTo(334.6, org.assertj.core.data.Offset.offset(0.1));
        assertThat(j.get("generators").get(2).get("p").asDouble()).isCloseTo(122.2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(j.get("lambda").asDouble()).isCloseTo(9.148, org.assertj.core.data.Offset.offset(0.001));
        j.get("prices").forEach(p -> assertThat(p.asDouble()).isCloseTo(9.148, org.assertj.core.data.Offset.offset(0.001)));
        assertThat(j.get("binding")).isEmpty();
    }

    @Test
    void aCongestedLineSeparatesThePricesAndIsReported() throws Exception {
        JsonNode j = Cli.run("dispatch", "plan", "--case", resource("case3_congested.m"), "--json").json();
        assertThat(j.get("prices").get("1").asDouble()).isNotEqualTo(j.get("prices").get("3").asDouble());
        assertThat(j.get("binding").toString()).contains("line 1-3");
    }

    @Test
    void aBrokenCaseFileExitsTwoNamingTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.m");
        Files.writeString(bad, "function mpc = bad\nmpc.baseMVA = 100;\nmpc.gen = [\n 1 2 x\n];\n");
        Cli r = Cli.run("dispatch", "plan", "--case", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.m");
    }

    @Test
    void weightsAreCappedAndSumToOneMillion(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sources.yaml");
        Files.writeString(f, """
                sources:
                  - {id: COAL1, technology: coal, traded-kwh: 9000000, social-ppm: 500000, price-milli: 300000}
                  - {id: WIND1, technology: wind-onshore, traded-kwh: 100000, social-ppm: 500000, price-milli: 250000}
                  - {id: HYDRO1, technology: hydro, traded-kwh: 50000, social-ppm: 900000, price-milli: 200000}
                """);
        Cli r = Cli.run("dispatch", "weights", "--sources", f.toString(), "--coefficients", "1000000,0,0,0", "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode w = r.json();
        assertThat(w.get("COAL1").asLong()).isEqualTo(500_000);
        assertThat(w.get("COAL1").asLong() + w.get("WIND1").asLong() + w.get("HYDRO1").asLong()).isEqualTo(1_000_000);
        Files.writeString(f, "sources:\n  - {id: X, technology: steam}\n");
        Cli bad = Cli.run("dispatch", "weights", "--sources", f.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("sources[0]").contains("steam");
    }
}
