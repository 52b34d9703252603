package org.energychain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    private PrintWriter out;
    private final List<String> failures = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
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
        chains(data, from, to);
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

    /** Paper II.B: anchor on the business chain, file with the regulator, acknowledge, check a delivery. */
    private void chains(Path data, String from, String to) throws IOException {
        Path net = work.resolve("net");
        step("7. create the default network (keys, genesis files) and start a node on RocksDB");
        expect(0, "genesis", "network", "--groups", "G1", "--regulator", "REG", "--platform", "PLAT", "--out",
                net.toString());
        org.energychain.node.config.NodeConfig c = org.energychain.node.config.NodeConfig.load(net.resolve("node.yaml"));
        c = new org.energychain.node.config.NodeConfig(c.dataDir(), c.http().withPort(0), c.metrics(), c.store(),
                c.chains());
        String db = work.resolve("sha256-ed25519.db").toString();
        String g1Key = net.resolve("keys/G1.key").toString();
        String regKey = net.resolve("keys/REG.key").toString();
        try (org.energychain.node.Node node = org.energychain.node.Node.fromConfig(c,
                org.energychain.node.Node.discoveredContracts(),
                org.energychain.node.ChainStoreFactory.of(c.store(), c.dataDir()), java.time.Clock.systemUTC())) {
            node.start();
            try (org.energychain.node.api.ApiServer api = new org.energychain.node.api.ApiServer(node, c.http(), false)
                    .start()) {
                String url = "http://127.0.0.1:" + api.port();
                out.println("   node at " + url);
                step("8. anchor Hash_G and the plant roots on business-g1; a second anchor is refused");
                out.print("   " + expect(0, "anchor", "--db", db, "--url", url, "--chain", "business-g1", "--member", "G1",
                        "--key", g1Key));
                out.print("   " + expect(1, "anchor", "--db", db, "--url", url, "--chain", "business-g1", "--member",
                        "G1", "--key", g1Key));
                step("9. file Hash_G and Hash(D2) with the regulator; the regulator acknowledges");
                String pkg = work.resolve("out-sha256-ed25519").resolve("d2-G1-" + from + "-"
                        + java.time.LocalDate.parse(to).plusDays(1) + ".json").toString();
                out.print("   " + expect(0, "file", "--package", pkg, "--db", db, "--url", url, "--chain", "regulatory",
                        "--member", "G1", "--key", g1Key));
                out.print(indent(expect(0, "filings", "--pending", "--url", url, "--chain", "regulatory", "--member",
                        "REG", "--key", regKey)));
                out.print("   " + expect(0, "ack", "--group", "G1", "--from", from, "--to", to, "--note", "received",
                        "--url", url, "--chain", "regulatory", "--member", "REG", "--key", regKey));
                step("10. the regulator checks a delivered reading against the filed Hash_G, and a tampered one");
                Path delivery = work.resolve("delivery.json");
                String day = java.time.LocalDate.parse(from).plusDays(Math.min(2, days - 1)).toString();
                String plant = Json.MAPPER.readTree(Files.readString(work.resolve("proof-sha256-ed25519.json")))
                        .path("plant").asText();
                Files.writeString(delivery, expect(0, "prove", "--plant", plant, "--day", day, "--reading", "42", "--db",
                        db, "--json"));
                out.print("   " + expect(0, "check-delivery", "--proof", delivery.toString(), "--url", url, "--chain",
                        "regulatory", "--member", "REG", "--key", regKey));
                out.print(indent(expect(1, "check-delivery", "--proof",
                        work.resolve("proof-sha256-ed25519-tampered.json").toString(), "--url", url, "--chain",
                        "regulatory", "--member", "REG", "--key", regKey)));
            }
        }
        step("11. with the node stopped, re-verify every chain from disk");
        out.print(indent(expect(0, "chain", "verify", "--config", net.resolve("node.yaml").toString())));
    }

    private void step(String s) {
        out.println(s);
        out.flush();
    }

    /** Runs a sub-command in-process and checks its exit code; returns its stdout. */
    private String expect(int exitCode, String... args) {
        StringWriter sout = new StringWriter();
        StringWriter serr = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(sout));
        cl.setErr(new PrintWriter(serr));
        int code = cl.execute(args);
        if (code != exitCode) {
            failures.add("energychain " + String.join(" ", args) + " exited " + code + ", expected " + exitCode
                    + (serr.toString().isBlank() ? "" : ": " + serr.toString().strip()));
            out.println("   UNEXPECTED exit " + code + ": " + serr.toString().strip());
        }
        return sout.toString();
    }

    private static JsonNode json(String s) throws IOException {
        return s.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(s);
    }

    private static String indent(String s) {
        return s.indent(3);
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
