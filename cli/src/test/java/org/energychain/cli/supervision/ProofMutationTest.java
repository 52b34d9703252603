package org.energychain.cli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.Cli;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.crypto.Hex;
import org.energychain.supervision.proof.ProofChainVerifier;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.TrustedRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A proof that verifies means what it shows: real proofs from generate, ingest and prove, and every
 * single-field change of them ({@link ProofMutations}: leaf bytes, hashes, indexes, paths, sides, top-level
 * and reading fields, dropped, swapped and duplicated levels, added fields) exits 1 or 2 from
 * {@code energychain verify --proof}, never 0, and the shared verifier agrees with the command.
 */
class ProofMutationTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void generate() {
        data = dir.resolve("data");
        Cli g = Cli.run("generate", "--out", data.toString(), "--plants", "5", "--days", "3", "--quiet");
        assertThat(g.exit()).as(g.toString()).isZero();
    }

    /** A group root and a proof of {@code plant}'s day (and {@code reading}, when not null). */
    record Proven(String root, JsonNode proof, Path pkg) {
    }

    static Proven prove(String suite, int plant, String day, Integer reading) {
        Path db = dir.resolve(suite + "-" + plant + "-" + day + "-" + reading + ".db");
        Cli ingest = Cli.run("ingest", "--group", data.resolve("group.yaml").toString(), "--mapping",
                data.resolve("mapping.yaml").toString(), "--from", "2026-01-01", "--to", "2026-01-03", "--suite", suite,
                "--db", db.toString(), "--out", dir.resolve("out-" + db.getFileName()).toString(), "--json", "--quiet",
                data.resolve("readings").toString());
        assertThat(ingest.exit()).as(ingest.toString()).isZero();
        String plantId = ingest.json().get("plants").get(plant).get("id").asText();
        List<String> args = new ArrayList<>(List.of("prove", "--plant", plantId, "--day", day, "--db", db.toString(),
                "--json"));
        if (reading != null) {
            args.addAll(List.of("--reading", reading.toString()));
        }
        Cli prove = Cli.run(args.toArray(String[]::new));
        assertThat(prove.exit()).as(prove.toString()).isZero();
        return new Proven(ingest.json().get("groupRoot").asText(), prove.json(),
                Path.of(ingest.json().get("regulatoryPackage").asText()));
    }

    static Cli verify(JsonNode proof, String root) throws Exception {
        return verify(proof, root, Cli::run);
    }

    static Cli verify(JsonNode proof, String root, java.util.function.Function<String[], Cli> cli) throws Exception {
        Path f = Files.createTempFile(dir, "proof", ".json");
        Files.writeString(f, Json.MAPPER.writeValueAsString(proof));
        return cli.apply(new String[] {"verify", "--proof", f.toString(), "--root", root});
    }

    /** The shared verifier's answer as an exit code: 2 when the document does not parse, 1 when it does not hold. */
    static int sharedVerifier(JsonNode proof, String root) {
        ProofDocument doc;
        try {
            doc = ProofDocument.parse(proof);
        } catch (IllegalArgumentException e) {
            return ExitCodes.BAD_INPUT;
        }
        return ProofChainVerifier.verify(doc, TrustedRoot.of(Hex.decode(root))).holds() ? ExitCodes.OK
                : ExitCodes.VERIFICATION_FAILED;
    }

    /**
     * Plants 4 and 2 of 5: the last plant (the group tree's right edge, where sizes 5 to 8 have the same
     * path) and one in the middle; readings 0 and 100 of 288 and a day of 3.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519:4:2026-01-02:100", "sm3-sm2:2:2026-01-01:0", "sha256-ed25519:2:2026-01-03:"})
    void everySingleFieldChangeOfARealProofFails(String spec) throws Exception {
        String[] s = spec.split(":", -1);
        Proven p = prove(s[0], Integer.parseInt(s[1]), s[2], s[3].isEmpty() ? null : Integer.valueOf(s[3]));
        assertThat(verify(p.proof(), p.root()).exit()).isZero();
        assertThat(sharedVerifier(p.proof(), p.root())).isZero();

        List<ProofMutations.Mutation> mutations = ProofMutations.of(p.proof());
        assertThat(mutations).hasSizeGreaterThan(s[3].isEmpty() ? 150 : 300);
        List<String> verified = new ArrayList<>();
        Cli.Runner cli = new Cli.Runner();
        for (ProofMutations.Mutation m : mutations) {
            Cli v = verify(m.doc(), p.root(), cli::run);
            if (v.exit() == 0) {
                verified.add(m.what());
            }
            assertThat(v.exit()).as(m.what() + "\n" + v).isIn(ExitCodes.VERIFICATION_FAILED, ExitCodes.BAD_INPUT);
            assertThat(sharedVerifier(m.doc(), p.root())).as(m.what()).isEqualTo(v.exit());
            if (v.exit() == ExitCodes.VERIFICATION_FAILED) {
                assertThat(v.out()).as(m.what()).startsWith("FAILED: it does not hold").contains("\n  ");
            } else {
                assertThat(v.err()).as(m.what()).startsWith("energychain verify: ");
            }
        }
        assertThat(verified).isEmpty();
    }

    @Test
    void aReadingWithoutItsDayLevelFailsWhateverItsValue() throws Exception {
        // issue 10: the day level removed and the value changed verified (the view was not compared)
        Proven p = prove("sha256-ed25519", 1, "2026-01-02", 7);
        ObjectNode forged = p.proof().deepCopy();
        ((ArrayNode) forged.get("levels")).remove(0);
        ((ObjectNode) forged.get("reading")).put("value", "99999");
        Cli v = verify(forged, p.root());
        assertThat(v.exit()).as(v.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(v.out()).contains("plant " + p.proof().get("plant").asText()).contains("day 2026-01-02")
                .contains("no day level");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plant=G1-W001", "group=G2", "day=2026-01-03", "periodStart=2025-12-31",
        "periodEnd=2026-01-05", "groupRoot=00", "reading.index=8"})
    void everyShownFieldMustBeWhatTheLeavesBind(String change) throws Exception {
        // issue 10: these were shown but never compared with the leaves
        Proven p = prove("sha256-ed25519", 1, "2026-01-02", 7);
        String[] kv = change.split("=");
        ObjectNode forged = p.proof().deepCopy();
        ObjectNode target = kv[0].startsWith("reading.") ? (ObjectNode) forged.get("reading") : forged;
        String field = kv[0].replace("reading.", "");
        if (field.equals("index")) {
            target.put(field, Integer.parseInt(kv[1]));
        } else if (field.equals("groupRoot")) {
            target.put(field, "00".repeat(32));
        } else {
            target.put(field, kv[1]);
        }
        Cli v = verify(forged, p.root());
        assertThat(v.exit()).as(v.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(v.out()).contains(field + " is ").contains("plant " + p.proof().get("plant").asText());
    }

    @Test
    void anEqualNumberInAnotherNotationStillVerifies() throws Exception {
        Proven p = prove("sha256-ed25519", 3, "2026-01-01", 12);
        ObjectNode same = p.proof().deepCopy();
        ObjectNode reading = (ObjectNode) same.get("reading");
        reading.put("value", new java.math.BigDecimal(reading.get("value").asText()).setScale(6).toPlainString());
        assertThat(verify(same, p.root()).exit()).isZero();
    }

    @Test
    void aFieldThatNoLeafBindsIsBadInput() throws Exception {
        Proven p = prove("sha256-ed25519", 0, "2026-01-02", null);
        ObjectNode extra = p.proof().deepCopy();
        extra.put("status", "approved by the regulator");
        Cli v = verify(extra, p.root());
        assertThat(v.exit()).as(v.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(v.err()).contains("status: a proof has no such field");
        ObjectNode missing = p.proof().deepCopy();
        missing.remove("plant");
        assertThat(verify(missing, p.root()).err()).contains("plant is missing");
    }

    @Test
    void theRegulatorsPackageFixesHashGroupAndPeriodToo() throws Exception {
        Proven p = prove("sha256-ed25519", 2, "2026-01-02", 3);
        Path proof = dir.resolve("package-proof.json");
        Files.writeString(proof, Json.MAPPER.writeValueAsString(p.proof()));
        assertThat(Cli.run("verify", "--proof", proof.toString(), "--package", p.pkg().toString()).exit()).isZero();
        ObjectNode otherPeriod = (ObjectNode) Json.MAPPER.readTree(p.pkg().toFile());
        otherPeriod.put("periodEnd", "2026-01-05");
        Path pkg = dir.resolve("other-period-d2.json");
        Files.writeString(pkg, Json.MAPPER.writeValueAsString(otherPeriod));
        Cli v = Cli.run("verify", "--proof", proof.toString(), "--package", pkg.toString());
        assertThat(v.exit()).as(v.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(v.out()).contains("the D2 package of group G1 period 2026-01-01..2026-01-05");
    }
}
