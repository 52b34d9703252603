package org.energychain.cli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.Cli;
import org.energychain.cli.common.Json;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.PlantLeaf;
import org.energychain.supervision.tree.ReadingLeaf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The foundation's flow through the real command line: generate, ingest, prove, verify, destroy. */
class IngestProveVerifyTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void generate() {
        data = dir.resolve("data");
        Cli g = Cli.run("generate", "--out", data.toString(), "--plants", "5", "--days", "3", "--quiet");
        assertThat(g.exit()).as(g.toString()).isZero();
    }

    static Cli ingest(Path db, String suite, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--group", data.resolve("group.yaml").toString(),
                "--mapping", data.resolve("mapping.yaml").toString(), "--from", "2026-01-01", "--to", "2026-01-03",
                "--suite", suite, "--db", db.toString(), "--out", dir.resolve("out-" + db.getFileName()).toString(),
                "--json", "--quiet"));
        args.addAll(List.of(extra));
        if (extra.length == 0) {
            args.add(data.resolve("readings").toString());
        }
        return Cli.run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519", "sm3-sm2"})
    void ingestPrintsTheContractAndItsLeavesRebuildTheGroupRoot(String suite) {
        Cli r = ingest(dir.resolve("contract-" + suite + ".db"), suite);
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode j = r.json();
        HashFunction h = suite.startsWith("sm3") ? HashFunctions.SM3 : HashFunctions.SHA256;
        assertThat(j.get("suite").asText()).isEqualTo(suite);
        assertThat(j.get("plants")).hasSize(5);
        List<byte[]> plantLeaves = new ArrayList<>();
        for (JsonNode p : j.get("plants")) {
            PlantLeaf leaf = PlantLeaf.decode(Hex.decode(p.get("leaf").asText()), 32);
            assertThat(leaf.plantId()).isEqualTo(p.get("id").asText());
            assertThat(Hex.encode(leaf.root())).isEqualTo(p.get("root").asText());
            List<byte[]> dayLeaves = new ArrayList<>();
            for (JsonNode d : p.get("days")) {
                DayLeaf dl = DayLeaf.decode(Hex.decode(d.get("leaf").asText()), 32);
                assertThat(dl.day().toString()).isEqualTo(d.get("date").asText());
                assertThat(Hex.encode(dl.root())).isEqualTo(d.get("root").asText());
                dayLeaves.add(dl.encode());
            }
            assertThat(dayLeaves).hasSize(3);
            assertThat(MerkleTree.rootOf(h, dayLeaves)).isEqualTo(leaf.root());
            plantLeaves.add(leaf.encode());
        }
        assertThat(Hex.encode(MerkleTree.rootOf(h, plantLeaves))).isEqualTo(j.get("groupRoot").asText());
        assertThat(Path.of(j.get("regulatoryPackage").asText())).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519", "sm3-sm2"})
    void aReadingProofVerifiesAndAnyAlteredValueFails(String suite) throws Exception {
        Path db = dir.resolve("prove-" + suite + ".db");
        JsonNode ingest = ingest(db, suite).json();
        String root = ingest.get("groupRoot").asText();
        String plant = ingest.get("plants").get(2).get("id").asText();
        Cli prove = Cli.run("prove", "--plant", plant, "--day", "2026-01-02", "--reading", "100", "--db", db.toString(), "--json");
        assertThat(prove.exit()).as(prove.toString()).isZero();
        JsonNode proof = prove.json();
        assertThat(proof.get("levels")).hasSize(3);
        assertThat(proof.get("levels").get(0).get("tree").asText()).isEqualTo("day");
        assertThat(proof.get("levels").get(0).get("leafIndex").asLong()).isEqualTo(100);
        Path file = dir.resolve("proof-" + suite + ".json");
        Files.writeString(file, prove.out());
        assertThat(Cli.run("verify", "--proof", file.toString(), "--root", root).exit()).isZero();

        // the readable view altered
        ObjectNode viewAltered = (ObjectNode) proof.deepCopy();
        ((ObjectNode) viewAltered.get("reading")).put("value", "12345.678");
        Cli v1 = verify(viewAltered, root, "view-" + suite);
        assertThat(v1.exit()).isEqualTo(1);
        assertThat(v1.out()).contains("plant " + plant).contains("reading #100").contains("value");

        // the leaf itself altered (and its leafHash recomputed, as a forger would)
        HashFunction h = suite.startsWith("sm3") ? HashFunctions.SM3 : HashFunctions.SHA256;
        ReadingLeaf leaf = ReadingLeaf.decode(Hex.decode(proof.get("levels").get(0).get("leaf").asText()));
        ReadingLeaf forged = new ReadingLeaf(leaf.hash(), leaf.groupId(), leaf.plantId(), leaf.timestamp(),
                leaf.measurement(), leaf.unit(), leaf.value().add(new BigDecimal("0.001")), leaf.salt());
        ObjectNode leafAltered = (ObjectNode) proof.deepCopy();
        ObjectNode level0 = (ObjectNode) leafAltered.get("levels").get(0);
        level0.put("leaf", Hex.encode(forged.encode()));
        level0.put("leafHash", Hex.encode(MerkleTree.leafHash(h, forged.encode())));
        ((ObjectNode) leafAltered.get("reading")).put("value", forged.value().toPlainString());
        Cli v2 = verify(leafAltered, root, "leaf-" + suite);
        assertThat(v2.exit()).isEqualTo(1);
        assertThat(v2.out()).contains("plant " + plant).contains("day 2026-01-02").contains("reading #100");

        // a different trusted root
        Cli v3 = Cli.run("verify", "--proof", file.toString(), "--root", "00".repeat(32));
        assertThat(v3.exit()).isEqualTo(1);
        assertThat(v3.out()).contains("differs from the trusted root");
    }

    @Test
    void aDayProofVerifiesAgainstTheRegulatorsPackage() throws Exception {
        Path db = dir.resolve("day.db");
        JsonNode ingest = ingest(db, "sha256-ed25519").json();
        String plant = ingest.get("plants").get(0).get("id").asText();
        Cli prove = Cli.run("prove", "--plant", plant, "--day", "2026-01-03", "--db", db.toString(), "--json");
        assertThat(prove.json().get("levels")).hasSize(2);
        Path file = dir.resolve("day-proof.json");
        Files.writeString(file, prove.out());
        Cli v = Cli.run("verify", "--proof", file.toString(), "--package", ingest.get("regulatoryPackage").asText());
        assertThat(v.exit()).as(v.toString()).isZero();
    }

    @Test
    void badInputExitsTwoNamingFileAndLineAndStoresNothing() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("readings").resolve(firstCsv())));
        lines.set(5, lines.get(5).replaceFirst(",([0-9.]+),", ",12x.5,"));
        Files.write(bad.resolve("p.csv"), lines);
        Path db = dir.resolve("bad.db");
        Cli r = ingest(db, "sha256-ed25519", bad.resolve("p.csv").toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("p.csv:6");
        Cli audit = Cli.run("verify", "--db", db.toString());
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.err()).contains("no data");
    }

    @Test
    void verifyRefusesAProofWithoutTrustedRootOrMalformed() throws Exception {
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"hash\":\"SHA-256\",\"levels\":[{\"tree\":\"day\"}]}");
        assertThat(Cli.run("verify", "--proof", junk.toString(), "--root", "00".repeat(32)).exit()).isEqualTo(2);
        Files.writeString(junk, "not json");
        assertThat(Cli.run("verify", "--proof", junk.toString(), "--root", "00".repeat(32)).exit()).isEqualTo(2);
        assertThat(Cli.run("verify", "--proof", dir.resolve("missing.json").toString(), "--root", "00").exit()).isEqualTo(2);
    }

    @Test
    void destroyKeepsTheRestProvableAndTheAuditFindsTamperedReadings() throws Exception {
        Path db = dir.resolve("destroy.db");
        JsonNode ingest = ingest(db, "sha256-ed25519").json();
        String root = ingest.get("groupRoot").asText();
        String plant = ingest.get("plants").get(1).get("id").asText();
        Cli d = Cli.run("destroy", "--plant", plant, "--from", "2026-01-01", "--to", "2026-01-01", "--reason", "test",
                "--db", db.toString());
        assertThat(d.exit()).as(d.toString()).isZero();
        Cli gone = Cli.run("prove", "--plant", plant, "--day", "2026-01-01", "--reading", "0", "--db", db.toString());
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("destroyed");
        Cli dayProof = Cli.run("prove", "--plant", plant, "--day", "2026-01-01", "--db", db.toString(), "--json");
        Path file = dir.resolve("destroyed-day.json");
        Files.writeString(file, dayProof.out());
        assertThat(Cli.run("verify", "--proof", file.toString(), "--root", root).exit()).isZero();
        assertThat(Cli.run("verify", "--db", db.toString()).exit()).isZero();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE reading SET value = '1' WHERE rowid IN (SELECT rowid FROM reading LIMIT 1)"
                    .replace("rowid", "ts"))).isPositive();
        }
        Cli audit = Cli.run("verify", "--db", db.toString());
        assertThat(audit.exit()).as(audit.toString()).isEqualTo(1);
        assertThat(audit.out()).contains("plant ").contains("day 2026-01-");
    }

    static Cli verify(JsonNode proof, String root, String name) throws Exception {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, Json.MAPPER.writeValueAsString(proof));
        return Cli.run("verify", "--proof", f.toString(), "--root", root);
    }

    static String firstCsv() throws Exception {
        try (var s = Files.list(data.resolve("readings"))) {
            return s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }
}
