package org.energychain.supervision.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.Hex;
import org.energychain.ledger.exec.Receipt;
import org.energychain.supervision.classify.ClassificationPolicyFile;
import org.energychain.supervision.generate.SyntheticGroupGenerator;
import org.energychain.supervision.ingest.ErrorPolicy;
import org.energychain.supervision.ingest.MappingConfig;
import org.energychain.supervision.ingest.ValidationRules;
import org.energychain.supervision.pipeline.IngestRequest;
import org.energychain.supervision.pipeline.IngestResult;
import org.energychain.supervision.pipeline.PeriodIngest;
import org.energychain.supervision.pipeline.Progress;
import org.energychain.supervision.pipeline.ProofService;
import org.energychain.supervision.pipeline.ReadingSource;
import org.energychain.supervision.proof.ProofChain;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.ProofLevel;
import org.energychain.supervision.proof.Verdict;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.PlantType;
import org.energychain.supervision.route.RegulatoryPackageFile;
import org.energychain.supervision.store.DestroyRequest;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.supervision.store.SqliteOffChainStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flow of paper II.A/II.B in one process, for each crypto suite: a synthetic group is ingested into
 * a SQLite store; its {@code Hash_G} and plant roots are anchored on the group's business chain; D2 is
 * filed on the regulatory chain; the regulator acknowledges; then the regulator verifies a delivered
 * plant-day and a reading against the filed root, and tampered deliveries fail.
 */
class SupervisionFlowTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final int DAYS = 2;

    @TempDir
    Path dir;

    static Stream<CryptoSuite> suites() {
        return org.energychain.crypto.CryptoSuites.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void groupAnchorsFilesRegulatorAcknowledgesAndVerifiesDeliveries(CryptoSuite suite) throws Exception {
        // the group's data centre: generate, ingest into its own store
        Group group = SyntheticGroupGenerator.generate(new SyntheticGroupGenerator.Spec("north",
                Map.of(PlantType.SOLAR, 1, PlantType.WIND, 1, PlantType.THERMAL, 1), List.of("Qinghai"), START, DAYS, 5),
                dir.resolve("in"), SyntheticGroupGenerator.Progress.NONE);
        MappingConfig mapping = MappingConfig.load(dir.resolve("in/mapping.yaml"));
        List<ReadingSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("in/readings"))) {
            files.sorted().forEach(f -> sources.add(ReadingSource.csv(f, mapping)));
        }
        try (SqliteOffChainStore store = new SqliteOffChainStore(dir.resolve("store.db"));
                ContractNet net = new ContractNet(suite, group.id())) {
            IngestResult ingest = new PeriodIngest(store, Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC),
                    new SecureRandom()).run(new IngestRequest(group, ValidationRules.of(START, START.plusDays(DAYS)),
                    suite.hash(), sources, ErrorPolicy.FAIL, ClassificationPolicyFile.defaults(), dir.resolve("out")),
                    Progress.NONE);

            // business chain: anchor Hash_G and the plant roots
            Receipt anchored = net.submit(net.business, group.id(), PeriodAnchorContract.ANCHOR,
                    AnchorArgs.of(ingest).encode());
            assertThat(anchored.result().isOk()).as(anchored.result().message()).isTrue();

            // regulatory chain: file D2, the regulator sees it pending and acknowledges it
            FilingArgs filingArgs = FilingArgs.of(ingest,
                    RegulatoryPackageFile.datasetCount(ingest.regulatoryPackage(), ingest.hashD2()));
            assertThat(filingArgs.d2Count()).isPositive();
            assertThat(filingArgs.hashD2()).isEqualTo(ingest.hashD2());
            Receipt filed = net.submit(net.regulatory, group.id(), RegulatoryFilingContract.FILE, filingArgs.encode());
            assertThat(filed.result().isOk()).as(filed.result().message()).isTrue();
            Page<Filing> pending = Page.decode(net.query(net.regulatory, ContractNet.REG, RegulatoryFilingContract.PENDING,
                    PendingArgs.all().encode()), Filing::decode);
            assertThat(pending.items()).extracting(Filing::period).containsExactly(ingest.key());
            Receipt acked = net.submit(net.regulatory, ContractNet.REG, RegulatoryFilingContract.ACKNOWLEDGE,
                    new AckArgs(ingest.key(), "D2 received").encode());
            assertThat(acked.result().isOk()).as(acked.result().message()).isTrue();
            Filing filing = Filing.decode(net.query(net.regulatory, ContractNet.REG, RegulatoryFilingContract.FILING,
                    new FilingQuery(ingest.key()).encode()));
            assertThat(filing.acknowledged()).isTrue();
            assertThat(filing.groupRoot()).isEqualTo(ingest.groupRoot());
            Anchor anchor = Anchor.decode(net.query(net.business, ContractNet.REG, PeriodAnchorContract.GET_ANCHOR,
                    AnchorQuery.latest(group.id(), START, START.plusDays(DAYS)).encode()));

            // the group delivers a plant-day and a reading; the regulator verifies them against the filed root
            ProofService proofs = new ProofService(store);
            String plant = group.plants().get(1).id();
            ProofChain day = proofs.prove(group.id(), plant, START.plusDays(1), null);
            ProofChain reading = proofs.prove(group.id(), plant, START, 5);
            assertHolds(RegulatorCheck.verify(filing, day));
            assertHolds(RegulatorCheck.verify(filing, reading));
            assertHolds(RegulatorCheck.verify(anchor, day));
            ObjectNode doc = ProofDocument.of(reading).toJson();
            assertHolds(RegulatorCheck.verify(filing, ProofDocument.parse(doc)));
            assertHolds(RegulatorCheck.verify(anchor, ProofDocument.parse(ProofDocument.of(day).toJson())));

            // tampered deliveries fail
            ObjectNode editedView = doc.deepCopy();
            ((ObjectNode) editedView.get("reading")).put("value", "123456.7");
            assertFails(RegulatorCheck.verify(filing, ProofDocument.parse(editedView)), "value");
            assertFails(RegulatorCheck.verify(filing, tamperLeaf(reading)), "leaf");
            ProofChain otherPlant = proofs.prove(group.id(), group.plants().get(0).id(), START, null);
            assertFails(RegulatorCheck.verify(filing, swapTop(reading, otherPlant)), "");
            FilingArgs a = filing.args();
            Filing otherRoot = new Filing(new FilingArgs(a.period(), a.hash(), Fixtures.bytes(1), a.hashD2(), a.d2Count()),
                    filing.filed(), null);
            assertFails(RegulatorCheck.verify(otherRoot, day), "differs from the trusted root");

            // a destruction of readings is recorded on both chains; the day stays provable against the filing
            DestructionRecord destroyed = store.destroy(new DestroyRequest(group.id(), plant, START, START.plusDays(1),
                    "retention test", Instant.parse("2026-04-01T00:00:00Z")));
            byte[] dArgs = DestructionArgs.of(destroyed).encode();
            assertThat(net.submit(net.business, group.id(), PeriodAnchorContract.RECORD_DESTRUCTION, dArgs).result().isOk())
                    .isTrue();
            assertThat(net.submit(net.regulatory, group.id(), RegulatoryFilingContract.RECORD_DESTRUCTION, dArgs)
                    .result().isOk()).isTrue();
            Page<Destruction> onChain = Page.decode(net.query(net.regulatory, ContractNet.REG,
                    RegulatoryFilingContract.DESTRUCTIONS, PageArgs.first(group.id()).encode()), Destruction::decode);
            assertThat(onChain.items()).extracting(Destruction::record).containsExactly(destroyed);
            DestructionRecord.DestroyedDay d0 = destroyed.days().get(0);
            assertThat(Hex.encode(d0.dayRoot())).isEqualTo(Hex.encode(ingest.plants().get(1).days().get(0).root()));
            assertHolds(RegulatorCheck.verify(filing, proofs.prove(group.id(), plant, START, null)));
        }
    }

    private static void assertHolds(Verdict v) {
        assertThat(v.holds()).as(String.join("; ", v.differences())).isTrue();
    }

    private static void assertFails(Verdict v, String naming) {
        assertThat(v.holds()).isFalse();
        assertThat(String.join("; ", v.differences())).contains(naming);
    }

    /** The same proof with one byte of the reading leaf changed (a changed value or salt). */
    private static ProofChain tamperLeaf(ProofChain c) {
        List<ProofLevel> levels = new ArrayList<>(c.levels());
        ProofLevel l = levels.get(0);
        byte[] leaf = l.leaf();
        leaf[leaf.length - 1] ^= 1;
        levels.set(0, new ProofLevel(l.tree(), leaf, l.leafHash(), l.leafIndex(), l.treeSize(), l.path(), l.root()));
        return new ProofChain(c.hash(), levels);
    }

    /** A reading of one plant spliced under another plant's group-level proof. */
    private static ProofChain swapTop(ProofChain reading, ProofChain other) {
        List<ProofLevel> levels = new ArrayList<>(reading.levels());
        levels.set(levels.size() - 1, other.levels().get(other.levels().size() - 1));
        return new ProofChain(reading.hash(), levels);
    }

}
