package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code energychain dispatch plan --case FILE.m --json}: the contract other tools read. */
class DispatchPlanCliTest {
    static String resource(String name) throws Exception {
        return Path.of(DispatchPlanCliTest.class.getResource("/matpower/" + name).toURI()).toString();
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
}
