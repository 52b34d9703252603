package org.energychain.cli.demo;

import static org.energychain.cli.demo.DemoScript.indent;
import static org.energychain.cli.demo.DemoScript.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain demo}: the main job of the foundation on embedded defaults, through the same
 * commands a user runs: generate a group, ingest it (SHA-256 and SM3), prove a reading, verify it,
 * show that an altered value fails, destroy a day and show the rest still verifies.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the data-integrity flow end to end on embedded defaults (SQLite in --work) and check "
                + "every expected outcome. Exit 0 when all hold.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:every step behaved as expected", "1:a step did not"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", defaultValue = "energychain-demo", paramLabel = "DIR",
            description = "Working directory; emptied first (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--plants", defaultValue = "8", paramLabel = "N")
    int plants;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N")
    int days;

    @Option(names = "--java-opts", defaultValue = "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
            paramLabel = "OPTS", description = "JVM options of the network's node processes (default: ${DEFAULT-VALUE}).")
    String javaOpts;

    @Option(names = "--keep", description = "Leave the consortium network running at the end (stop it with "
            + "'energychain network down --dir DIR/net'), to look at each organisation's web console.")
    boolean keep;

    @SuppressWarnings("NullAway.Init") // set first thing in call()
    private DemoScript script;

    private void step(String s) {
        script.step(s);
    }

    private String expect(int exitCode, String... args) {
        return script.expect(exitCode, args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        script = new DemoScript(spec.commandLine().getOut());
        PrintWriter out = script.out;
        List<String> failures = script.failures;
        clean(work);
        Path data = work.resolve("data");
        String from = "2026-01-01";
        String to = java.time.LocalDate.parse(from).plusDays(days - 1).toString();

        step("1. generate " + plants + " plants x " + days + " days of 15-minute readings");
        expect(0, "generate", "--out", data.toString(), "--plants", String.valueOf(plants), "--days",
                String.valueOf(days), "--quiet");

        for (String suite : List.of("sha256-ed25519", "sm3-sm2")) {
            Path db = work.resolve(suite + ".db");
            step("2. ingest into " + db + " with suite " + suite);
            JsonNode ingest = json(expect(0, "ingest", "--group", data.resolve("group.yaml").toString(), "--mapping",
                    data.resolve("mapping.yaml").toString(), "--from", from, "--to", to, "--suite", suite, "--db",
                    db.toString(), "--out", work.resolve("out-" + suite).toString(), "--json", "--quiet",
                    data.resolve("readings").toString()));
            String groupRoot = ingest.path("groupRoot").asText();
            String plant = ingest.path("plants").path(0).path("id").asText();
            out.printf("   Hash_G = %s over %d plants, %,d readings%n", groupRoot, ingest.path("plants").size(),
                    ingest.path("readings").asLong());

            String day = java.time.LocalDate.parse(from).plusDays(Math.min(2, days - 1)).toString();
            step("3. prove reading 42 of " + plant + " on " + day + " and verify it against Hash_G");
            Path proof = work.resolve("proof-" + suite + ".json");
            Files.writeString(proof, expect(0, "prove", "--plant", plant, "--day", day, "--reading", "42", "--db",
                    db.toString(), "--json"));
            out.print("   " + expect(0, "verify", "--proof", proof.toString(), "--root", groupRoot));

            step("4. alter the value in the proof: verify must fail and say which reading");
            ObjectNode tampered = (ObjectNode) json(Files.readString(proof));
            ObjectNode reading = (ObjectNode) tampered.get("reading");
            reading.put("value", new java.math.BigDecimal(reading.get("value").asText()).add(java.math.BigDecimal.ONE)
                    .toPlainString());
            Path bad = work.resolve("proof-" + suite + "-tampered.json");
            Files.writeString(bad, Json.MAPPER.writeValueAsString(tampered));
            out.print(indent(expect(1, "verify", "--proof", bad.toString(), "--root", groupRoot)));

            step("5. check against the regulator's D2 package, and audit the whole store");
            String pkg = ingest.path("regulatoryPackage").asText();
            out.print("   " + expect(0, "verify", "--proof", proof.toString(), "--package", pkg));
            out.print("   " + expect(0, "verify", "--db", db.toString()));

            step("6. destroy " + plant + "'s first day; the other days still prove");
            out.print(indent(expect(0, "destroy", "--plant", plant, "--from", from, "--to", from, "--reason",
                    "demo: retention of raw readings", "--db", db.toString())));
            Files.writeString(proof, expect(0, "prove", "--plant", plant, "--day", day, "--reading", "42", "--db",
                    db.toString(), "--json"));
            out.print("   " + expect(0, "verify", "--proof", proof.toString(), "--root", groupRoot));
            out.print("   " + expect(0, "verify", "--db", db.toString()));
        }
        new NetworkDemo(script, work, days, javaOpts, keep).run(from, to);
        out.println();
        if (failures.isEmpty()) {
            out.println("demo: every step behaved as expected (files in " + work + ")");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("demo: " + failures.size() + " step(s) did not behave as expected:");
        failures.forEach(f -> out.println("  " + f));
        out.flush();
        return ExitCodes.VERIFICATION_FAILED;
    }


    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
