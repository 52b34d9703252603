package org.energychain.supervision.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import org.energychain.crypto.HashFunctions;
import org.energychain.supervision.tree.SmallGroupFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProofDocumentTest {
    static final SmallGroupFixture F = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);

    static ObjectNode readingDoc(int plant) {
        return ProofDocument.of(ProofChainVerifierTest.readingProof(F, plant, 1, 4)).toJson();
    }

    static Verdict verify(ObjectNode doc) {
        return ProofChainVerifier.verify(ProofDocument.parse(doc), TrustedRoot.of(F.group.root()));
    }

    @Test
    void theDocumentOfEveryPlantsReadingAndDayVerifies() {
        for (int p = 0; p < 3; p++) {
            assertThat(verify(readingDoc(p)).differences()).isEmpty();
            ObjectNode day = ProofDocument.of(ProofChains.forDay(F.dayTrees.get(p).get(2), F.periodTrees.get(p), F.group))
                    .toJson();
            assertThat(day.has("reading")).isFalse();
            assertThat(verify(day).differences()).isEmpty();
        }
    }

    @Test
    void theGroupLevelShowsSidesNotAPositionOrSizeTheRootDoesNotBind() {
        ObjectNode group = (ObjectNode) readingDoc(2).get("levels").get(2);
        assertThat(group.has("leafIndex")).isFalse();
        assertThat(group.has("treeSize")).isFalse();
        // plant 2 of 3: its sibling is the left subtree of plants 0 and 1
        assertThat(group.get("sides").toString()).isEqualTo("[\"left\"]");
        ObjectNode flipped = readingDoc(2);
        ((ArrayNode) flipped.get("levels").get(2).get("sides")).set(0, "right");
        assertThat(verify(flipped).differences()).singleElement().asString().contains("group level")
                .contains("does not lead");
    }

    @ParameterizedTest
    @CsvSource({"group,G2", "plant,G1-A", "periodStart,2025-12-31", "periodEnd,2026-01-05", "day,2026-01-03",
        "groupRoot,00", "reading.index,5", "reading.timestamp,2026-01-02T00:15:00Z", "reading.measurement,energy",
        "reading.value,1.0001", "reading.unit,MW", "reading.salt,00"})
    void everyShownFieldIsComparedWithWhatTheLeavesBind(String field, String value) {
        ObjectNode doc = readingDoc(1);
        ObjectNode target = field.startsWith("reading.") ? (ObjectNode) doc.get("reading") : doc;
        String name = field.replace("reading.", "");
        switch (name) {
            case "index" -> target.put(name, Long.parseLong(value));
            case "groupRoot", "salt" -> target.put(name, value.repeat(name.equals("salt") ? 16 : 32));
            default -> target.put(name, value);
        }
        Verdict v = verify(doc);
        assertThat(v.holds()).isFalse();
        assertThat(v.differences()).singleElement().asString().startsWith("plant G1-B, day 2026-01-02")
                .contains(name + " is ");
    }

    @Test
    void aReadingNeedsItsDayLevelAndADayLevelItsReading() {
        ObjectNode noDayLevel = readingDoc(0);
        ((ArrayNode) noDayLevel.get("levels")).remove(0);
        assertThat(verify(noDayLevel).differences()).singleElement().asString().contains("no day level");
        ObjectNode noReading = readingDoc(0);
        noReading.remove("reading");
        assertThat(verify(noReading).differences()).singleElement().asString().contains("does not show its reading");
        ObjectNode onlyGroup = readingDoc(0);
        ((ArrayNode) onlyGroup.get("levels")).remove(0);
        ((ArrayNode) onlyGroup.get("levels")).remove(0);
        onlyGroup.remove("reading");
        assertThat(verify(onlyGroup).differences().get(0)).contains("only a group level");
    }

    @Test
    void equalNumbersAndInstantsInAnotherNotationAreTheSameValue() {
        ObjectNode doc = readingDoc(1);
        ObjectNode r = (ObjectNode) doc.get("reading");
        r.put("value", new java.math.BigDecimal(r.get("value").asText()).setScale(9).toPlainString());
        r.put("timestamp", r.get("timestamp").asText().replace("Z", ".000Z"));
        assertThat(verify(doc).differences()).isEmpty();
    }

    @Test
    void parsingIsStrictAndNamesTheField() {
        ObjectNode extra = readingDoc(0);
        extra.put("approved", true);
        assertThatThrownBy(() -> ProofDocument.parse(extra)).hasMessageContaining("approved: a proof has no such field");
        ObjectNode sizeAtGroup = readingDoc(0);
        ((ObjectNode) sizeAtGroup.get("levels").get(2)).put("treeSize", 3);
        assertThatThrownBy(() -> ProofDocument.parse(sizeAtGroup))
                .hasMessageContaining("levels[2].treeSize: a group level has no such field");
        ObjectNode missing = readingDoc(0);
        ((ObjectNode) missing.get("reading")).remove("salt");
        assertThatThrownBy(() -> ProofDocument.parse(missing)).hasMessageContaining("reading.salt is missing");
        ObjectNode fraction = readingDoc(0);
        ((ObjectNode) fraction.get("levels").get(0)).put("leafIndex", 4.5);
        assertThatThrownBy(() -> ProofDocument.parse(fraction)).hasMessageContaining("levels[0].leafIndex is missing or not an integer");
        ObjectNode sides = readingDoc(0);
        ((ArrayNode) sides.get("levels").get(2).get("sides")).add("left");
        assertThatThrownBy(() -> ProofDocument.parse(sides)).hasMessageContaining("levels[2].sides");
        ObjectNode badDate = readingDoc(0);
        badDate.put("day", "2026-13-01");
        assertThatThrownBy(() -> ProofDocument.parse(badDate)).hasMessageContaining("day: not a date");
    }

    @Test
    void aTrustedSourceFixesHashGroupPeriodAndPlantRoots() {
        ProofChain chain = ProofChainVerifierTest.readingProof(F, 1, 0, 0);
        byte[] root = F.group.root();
        LocalDate start = F.ctx.start();
        LocalDate end = F.ctx.end();
        assertThat(ProofChainVerifier.verify(chain, TrustedRoot.of("filing", root, "SHA-256", "G1", start, end)).holds())
                .isTrue();
        assertThat(ProofChainVerifier.verify(chain, TrustedRoot.of("filing", root, "SM3", "G1", start, end))
                .differences()).singleElement().asString().contains("the filing SM3");
        assertThat(ProofChainVerifier.verify(chain, TrustedRoot.of("filing", root, "SHA-256", "G1", start,
                end.plusDays(1))).differences()).singleElement().asString().contains("the filing of group G1 period");
        TrustedRoot anchor = TrustedRoot.of("anchor", root, "SHA-256", "G1", start, end);
        assertThat(ProofChainVerifier.verify(chain, anchor.withPlantRoots(Map.of("G1-B", F.periodTrees.get(1).leaf()
                .root()))).holds()).isTrue();
        assertThat(ProofChainVerifier.verify(chain, anchor.withPlantRoots(Map.of("G1-B", F.periodTrees.get(0).leaf()
                .root()))).differences()).singleElement().asString().contains("differs from the root");
        assertThat(ProofChainVerifier.verify(chain, anchor.withPlantRoots(Map.of("G1-A", root))).differences())
                .singleElement().asString().contains("not among the plants of the anchor");
    }
}
