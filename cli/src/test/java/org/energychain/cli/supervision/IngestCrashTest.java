package org.energychain.cli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.energychain.cli.Cli;
import org.energychain.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of an import loses nothing that was committed before and
 * leaves nothing half-stored: the store still verifies and holds exactly the earlier period.
 */
class IngestCrashTest {
    @TempDir
    Path dir;

    @Test
    void killingAnImportMidwayLeavesTheStoreAsItWas() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Cli.run("generate", "--out", data.toString(), "--plants", "24", "--days", "40", "--quiet").exit()).isZero();
        Path db = dir.resolve("crash.db");
        List<String> common = List.of("--group", data.resolve("group.yaml").toString(), "--mapping",
                data.resolve("mapping.yaml").toString(), "--db", db.toString(), "--out", dir.resolve("out").toString());
        // a committed first period
        Cli first = Cli.run(concat(List.of("ingest", "--from", "2026-01-01", "--to", "2026-01-05", "--quiet", "--json"),
                common, List.of(data.resolve("readings").toString())));
        assertThat(first.exit()).as(first.toString()).isZero();
        String root = first.json().get("groupRoot").asText();

        // a second, larger import in a separate JVM, killed once it is storing
        ProcessBuilder pb = new ProcessBuilder(concat(List.of(org.energychain.cli.NodeProcess.javaBin(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "ingest", "--from", "2026-01-01", "--to", "2026-02-09"), common,
                List.of(data.resolve("readings").toString())));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        boolean storing = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("hash and store: ")) {
                    storing = true;
                    break;
                }
            }
            p.destroyForcibly();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(storing).as("the import reached the storing phase before it was killed").isTrue();

        Cli audit = Cli.run("verify", "--db", db.toString(), "--json");
        assertThat(audit.exit()).as(audit.toString()).isZero();
        Cli prove = Cli.run("prove", "--plant", "G1-S001", "--day", "2026-01-03", "--reading", "5", "--db", db.toString(),
                "--json");
        assertThat(prove.exit()).as(prove.toString()).isZero();
        assertThat(prove.json().get("groupRoot").asText()).as("the latest period is still the first one").isEqualTo(root);
        assertThat(prove.json().get("periodEnd").asText()).isEqualTo("2026-01-06");
        // and the interrupted import can simply be run again
        Cli again = Cli.run(concat(List.of("ingest", "--from", "2026-01-01", "--to", "2026-02-09", "--quiet", "--json"),
                common, List.of(data.resolve("readings").toString())));
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // parts is only read
    static String[] concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toArray(String[]::new);
    }
}
