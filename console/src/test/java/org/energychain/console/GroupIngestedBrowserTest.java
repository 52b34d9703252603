package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.supervision.classify.ClassificationPolicyFile;
import org.energychain.supervision.contract.AnchorArgs;
import org.energychain.supervision.contract.PeriodAnchorContract;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.supervision.generate.SyntheticGroupGenerator;
import org.energychain.supervision.ingest.ErrorPolicy;
import org.energychain.supervision.ingest.MappingConfig;
import org.energychain.supervision.ingest.ValidationRules;
import org.energychain.supervision.pipeline.IngestRequest;
import org.energychain.supervision.pipeline.IngestResult;
import org.energychain.supervision.pipeline.PeriodIngest;
import org.energychain.supervision.pipeline.Progress;
import org.energychain.supervision.pipeline.ReadingSource;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.PlantType;
import org.energychain.supervision.store.OffChainLocation;
import org.energychain.supervision.store.SqliteOffChainStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The group page of group G1's node, whose console reads G1's off-chain store (SQLite, named in the
 * console's settings as {@code console.offchain-db} in node.yaml): G1 ingested March and April (as
 * {@code energychain ingest} does) and anchored March only (as {@code energychain anchor} does). The page
 * lists both ingested periods, March anchored in its block and April marked "not anchored". A store that
 * is named but not there is said so in words.
 */
class GroupIngestedBrowserTest {
    static final KeyPair G1 = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final Genesis BUSINESS = new Genesis("business-g1", ConsoleNode.SUITE.name(), true, ConsoleNode.T0,
            List.of(new Member("G1", Set.of(SupervisionRoles.GROUP), G1.publicKey())),
            List.of(NodeInfo.solo("G1-node", "G1", G1.publicKey())), List.of(new Validator("G1-node", 10)),
            List.of(PeriodAnchorContract.NAME), new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20)));
    static ConsoleNode node;
    static Browser browser;
    static IngestResult march;
    static IngestResult april;

    @TempDir
    static Path dir;

    /** Generates {@code days} days of G1's plants from {@code start} and ingests them into the store. */
    static IngestResult ingest(SqliteOffChainStore store, LocalDate start, int days) throws Exception {
        Path in = dir.resolve("in-" + start);
        Group group = SyntheticGroupGenerator.generate(new SyntheticGroupGenerator.Spec("G1",
                Map.of(PlantType.SOLAR, 1, PlantType.WIND, 1), List.of("Qinghai"), start, days, 5), in,
                SyntheticGroupGenerator.Progress.NONE);
        MappingConfig mapping = MappingConfig.load(in.resolve("mapping.yaml"));
        List<ReadingSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(in.resolve("readings"))) {
            files.sorted().forEach(f -> sources.add(ReadingSource.csv(f, mapping)));
        }
        return new PeriodIngest(store, Clock.fixed(Instant.parse("2026-05-02T08:00:00Z"), ZoneOffset.UTC),
                new SecureRandom()).run(new IngestRequest(group, ValidationRules.of(start, start.plusDays(days)),
                HashFunctions.SHA256, sources, ErrorPolicy.FAIL, ClassificationPolicyFile.defaults(),
                dir.resolve("out-" + start)), Progress.NONE);
    }

    @BeforeAll
    static void start() throws Exception {
        Path db = dir.resolve("g1.db");
        try (SqliteOffChainStore store = new SqliteOffChainStore(db)) {
            march = ingest(store, LocalDate.of(2026, 3, 1), 2);
            april = ingest(store, LocalDate.of(2026, 4, 1), 2);
        }
        node = new ConsoleNode(List.of(BUSINESS), "G1", G1.privateKey(), null,
                Optional.of(OffChainLocation.sqlite(db)));
        assertThat(ConsoleNode.commit(node.node, "business-g1", "G1", G1.privateKey(), 0, PeriodAnchorContract.NAME,
                PeriodAnchorContract.ANCHOR, AnchorArgs.of(march).encode())).isZero();
        browser = new Browser(1280, 800);
        browser.logIn(node);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    @Test
    void aPeriodIngestedButNeverAnchoredIsShownAsNotAnchored() throws Exception {
        browser.driver.get(node.url("/console/group.html"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ingested-table")));
        assertThat(browser.driver.findElement(By.id("ingested-summary")).getText())
                .isEqualTo("1 period ingested into the off-chain store but not anchored on business-g1.");
        List<String> rows = browser.driver.findElements(By.cssSelector("#ingested-table tbody tr")).stream()
                .map(r -> r.getText()).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("2026-04-01 to 2026-04-02").contains(Hex.encode(april.groupRoot()))
                .contains("2 plants").endsWith("not anchored");
        assertThat(rows.get(1)).startsWith("2026-03-01 to 2026-03-02").contains(Hex.encode(march.groupRoot()))
                .contains("anchored in block 1");
        assertThat(browser.driver.findElement(By.id("anchors-table")).getText()).contains("2026-03-01 to 2026-03-02")
                .doesNotContain("2026-04-01");
        browser.screenshot("group-ingested", By.id("ingested-table"));
    }

    @Test
    void aStoreThatIsNamedButNotThereIsSaidSo() {
        try (ConsoleNode missing = new ConsoleNode(List.of(BUSINESS), "G1", G1.privateKey(), null,
                Optional.of(OffChainLocation.sqlite(dir.resolve("no-such.db"))))) {
            ObjectNode g = new GroupViews(missing.node, new BuyerViews(missing.node)).group();
            assertThat(g.path("store").path("configured").asBoolean()).isTrue();
            assertThat(g.path("store").path("problem").asText()).isEqualTo("the off-chain store "
                    + dir.resolve("no-such.db") + " (console.offchain-db in node.yaml) does not exist: nothing "
                    + "ingested yet, or another file?");
            assertThat(g.path("chains").get(0).has("ingested")).isFalse();
            assertThat(dir.resolve("no-such.db")).as("the console created no store").doesNotExist();
        }
    }
}
