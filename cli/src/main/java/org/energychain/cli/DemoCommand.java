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

    @SuppressWarnings("NullAway.Init") // set first thing in call()
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
        chains(from, to);
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
    private void chains(String from, String to) throws IOException {
        Path net = work.resolve("net");
        step("7. create the default network (keys, genesis files) and start a node on RocksDB");
        expect(0, "genesis", "network", "--groups", "G1", "--regulator", "REG", "--platform", "PLAT", "--buyers", "B1",
                "--out", net.toString());
        org.energychain.node.config.NodeConfig c = org.energychain.node.config.NodeConfig.load(net.resolve("node.yaml"));
        c = new org.energychain.node.config.NodeConfig(c.dataDir(), c.http().withPort(0), c.metrics(), c.store(),
                c.chains());
        String db = work.resolve("sha256-ed25519.db").toString();
        String g1Key = net.resolve("keys/G1.key").toString();
        String regKey = net.resolve("keys/REG.key").toString();
        try (org.energychain.node.Node node = org.energychain.node.Node.fromConfig(c,
                org.energychain.node.Node.discoveredContracts(),
                org.energychain.node.ChainStoreFactory.of(c.store(), c.dataDir()), java.time.Clock.systemUTC())) {
            java.util.List<org.energychain.node.catalog.CatalogIndex> catalogs =
                    org.energychain.node.catalog.CatalogIndex.openAll(node, c.dataDir());
            node.start();
            try (org.energychain.node.api.ApiServer api = new org.energychain.node.api.ApiServer(node, c.http(), false,
                    catalogs, c.dataDir().resolve("deliveries")).start()) {
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
                trading(url, db, net, c.dataDir().resolve("deliveries"));
            } finally {
                catalogs.forEach(org.energychain.node.catalog.CatalogIndex::close);
            }
        }
        step("15. multi-source collaboration: 40 sources on a generated 30-bus grid negotiate a day's supply on a "
                + "dispatch chain (weights from the chain, weighted vote > 50 %), beside a cost-only merit order");
        out.print(indent(expect(0, "dispatch", "simulate", "--buses", "30", "--sources", "40", "--intervals", "96",
                "--network-aware", "--seed", "7")));
        step("16. with the node stopped, re-verify every chain from disk");
        out.print(indent(expect(0, "chain", "verify", "--config", net.resolve("node.yaml").toString())));
    }

    /** Paper II.C and the market: publish, search, buy, deliver peer to peer, verify, settle; and a refund. */
    private void trading(String url, String db, Path net, Path deliveries) throws IOException {
        String g1 = net.resolve("keys/G1.key").toString();
        String b1 = net.resolve("keys/B1.key").toString();
        String plat = net.resolve("keys/PLAT.key").toString();
        String[] at = {"--url", url, "--chain", "trading"};
        step("11. G1 publishes its D1 summary blocks on the trading chain; a buyer browses and searches the "
                + "platform's catalogue and checks a listing against its transaction");
        out.print(indent(expect(0, cat(new String[] {"catalog", "publish", "--db", db, "--price", "500", "--member", "G1",
            "--key", g1}, at)).lines().reduce((a, b) -> b).orElse("")));
        out.print(indent(expect(0, cat(new String[] {"catalog", "browse"}, at))));
        JsonNode found = json(expect(0, cat(new String[] {"catalog", "search", "--path", "*/*/*/G1", "--sort", "id",
            "--limit", "2", "--json"}, at)));
        out.printf("   search */*/*/G1: %d listings at height %d%n", found.path("total").asLong(),
                found.path("height").asLong());
        if (found.path("listings").size() < 2) {
            failures.add("catalog search found fewer than two listings of G1");
            return;
        }
        String first = found.path("listings").get(0).path("id").asText();
        String second = found.path("listings").get(1).path("id").asText();
        out.print(indent(expect(0, cat(new String[] {"catalog", "show", "--id", first, "--check"}, at))));

        step("12. B1 buys it: the platform credits B1, the price goes into escrow, G1 seals the data for B1 and "
                + "commits the delivery, B1 fetches it from G1's endpoint and confirms, G1 reveals the key, B1 "
                + "verifies it against Hash(D1) and accepts: G1 is paid");
        Path keys = work.resolve("seller-trade-keys");
        Path inbox = work.resolve("buyer-inbox");
        out.print("   " + expect(0, cat(new String[] {"market", "deposit", "--account", "B1", "--amount", "2000",
            "--member", "PLAT", "--key", plat}, at)));
        String trade = buy(first, b1, at);
        String[] seller = {"--trade", trade, "--member", "G1", "--key", g1};
        String[] buyer = {"--trade", trade, "--member", "B1", "--key", b1};
        out.print("   " + expect(0, cat(cat(new String[] {"market", "deliver", "--db", db, "--outbox", deliveries.toString(),
            "--key-dir", keys.toString()}, seller), at)));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "receive", "--inbox", inbox.toString()}, buyer), at)));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "reveal", "--key-dir", keys.toString()}, seller), at)));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "accept", "--inbox", inbox.toString(), "--out",
            work.resolve("bought-1.dataset").toString()}, buyer), at)));

        step("13. refund path: B1 buys a second dataset, G1 delivers data that does not match what it claimed; "
                + "B1 proves the bad chunk on chain and gets its money back");
        String trade2 = buy(second, b1, at);
        String[] seller2 = {"--trade", trade2, "--member", "G1", "--key", g1};
        String[] buyer2 = {"--trade", trade2, "--member", "B1", "--key", b1};
        out.print("   " + expect(0, cat(cat(new String[] {"market", "deliver", "--simulate-fraud", "--db", db, "--outbox",
            deliveries.toString(), "--key-dir", keys.toString()}, seller2), at)));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "receive", "--inbox", inbox.toString()}, buyer2), at)));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "reveal", "--key-dir", keys.toString()}, seller2), at)));
        out.print(indent(expect(1, cat(cat(new String[] {"market", "accept", "--inbox", inbox.toString(), "--out",
            work.resolve("bought-2.dataset").toString()}, buyer2), at))));
        out.print("   " + expect(0, cat(new String[] {"market", "balance", "--account", "B1"}, at)));
        out.print("   " + expect(0, cat(new String[] {"market", "balance", "--account", "G1"}, at)));

        step("14. the whole trade history, and the platform's directory rebuilt from the chain");
        out.print(indent(expect(0, cat(new String[] {"market", "history", "--buyer", "B1"}, at))));
        out.print("   " + expect(0, cat(new String[] {"catalog", "verify"}, at)));
    }

    private String buy(String listing, String key, String[] at) throws IOException {
        JsonNode r = json(expect(0, cat(new String[] {"market", "buy", "--listing", listing, "--member", "B1", "--key",
            key, "--json"}, at)));
        out.printf("   B1 bought %s: trade %s (price %d in escrow)%n", listing, r.path("tradeId").asText(),
                r.path("price").asLong());
        return r.path("tradeId").asText();
    }

    private static String[] cat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
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
