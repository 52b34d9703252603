package org.energychain.cli.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.energychain.cli.Cli;
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

    @Test
    void exactDcOpfWithPricesFromDualsOnACongestedCase() throws Exception {
        // case14 with two limited lines, a phase shifter, out-of-service elements and a piecewise-linear cost;
        // reference: docs/reference/dcopf_reference.py (CVXOPT), dispatch/src/test/resources/dcopf/case14_grid.json
        Cli r = Cli.run("dispatch", "plan", "--case", resource("case14_grid.m"), "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("solver").asText()).startsWith("PDLP");
        assertThat(j.get("cost").asDouble()).isCloseTo(7285.32916598549, org.assertj.core.data.Offset.offset(0.5));
        assertThat(j.get("generators").get(0).get("p").asDouble()).isCloseTo(175.853, org.assertj.core.data.Offset.offset(0.5));
        assertThat(j.at("/shadowPrices/1-5").asDouble()).isCloseTo(8.8878, org.assertj.core.data.Offset.offset(0.05));
        assertThat(j.get("shadowPrices").size()).isEqualTo(1);
        double energy = j.get("energyPrice").asDouble();
        j.get("prices").properties().forEach(e -> assertThat(e.getValue().asDouble())
                .isCloseTo(energy + j.get("congestion").get(e.getKey()).asDouble(), org.assertj.core.data.Offset.offset(1e-5)));
        assertThat(j.at("/prices/1").asDouble()).isCloseTo(j.get("energyPrice").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(j.get("flows").has("6-12")).as("out of service").isFalse();
        assertThat(j.get("binding").toString()).contains("line 1-5");
    }

    @Test
    void aDayWithAProfileRampsAndN1(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("load.csv");
        StringBuilder csv = new StringBuilder("interval,factor\n");
        for (int t = 0; t < 24; t++) {
            csv.append(t).append(',').append(0.6 + 0.4 * Math.sin(Math.PI * t / 24)).append('\n');
        }
        Files.writeString(profile, csv.toString());
        Cli r = Cli.run("dispatch", "plan", "--case", resource("case9.m"), "--profile", profile.toString(),
                "--ramp-percent", "10", "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("intervals").asInt()).isEqualTo(24);
        assertThat(j.get("intervalMinutes").asInt()).isEqualTo(60);
        assertThat(j.get("prices")).hasSize(24);
        JsonNode g1 = j.get("generators").get(0).get("p");
        for (int t = 1; t < 24; t++) {
            assertThat(Math.abs(g1.get(t).asDouble() - g1.get(t - 1).asDouble())).isLessThanOrEqualTo(25.0 + 1e-3);
        }
        Cli secure = Cli.run("dispatch", "plan", "--case", resource("case9.m"), "--n1-security", "--json");
        assertThat(secure.exit()).as(secure.toString()).isZero();
        Files.writeString(profile, "1.0\n0.9\nlots\n");
        Cli bad = Cli.run("dispatch", "plan", "--case", resource("case9.m"), "--profile", profile.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("load.csv:3: 'lots' is not a load factor");
    }

    @Test
    void badGridsExitTwoNamingLineAndField(@TempDir Path dir) throws Exception {
        String head = "function mpc = g\nmpc.baseMVA = 100;\nmpc.bus = [\n1 3 0 0 0 0;\n2 1 50 0 0 0;\n3 1 0 0 0 0;\n];\n"
                + "mpc.gen = [\n1 0 0 0 0 1 100 1 100 0;\n];\nmpc.gencost = [\n2 0 0 2 10 0;\n];\nmpc.branch = [\n";
        String[][] cases = {
            {"1 2 0 0 0 0 0 0 0 0 1;\n2 3 0 0.1 0 0 0 0 0 0 1;\n", "g.m:15: branch 1-2 has zero reactance (BR_X = 0)"},
            {"1 2 0 0.1 0 -5 0 0 0 0 1;\n2 3 0 0.1 0 0 0 0 0 0 1;\n", "g.m:15: branch 1-2 has a negative limit RATE_A -5.0"},
            {"1 2 0 0.1 0 0 0 0 0 0 1;\n", "g.m:6: bus 3 is islanded: no path of in-service branches connects it to the "
                + "reference bus 1"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("g.m");
            Files.writeString(f, head + c[0] + "];\n");
            Cli r = Cli.run("dispatch", "plan", "--case", f.toString());
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains(c[1]);
        }
    }
}
