package org.energychain.supervision.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.ReadingLeaf;
import org.energychain.supervision.tree.SmallGroupFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProofChainVerifierTest {

    static SmallGroupFixture fixture(String hash) {
        return new SmallGroupFixture(HashFunctions.byName(hash), 3, 10);
    }

    static ProofChain readingProof(SmallGroupFixture f, int plant, int day, int reading) {
        var rs = f.readings.get(plant).get(day);
        ReadingLeaf leaf = f.encoder.leaf(rs.get(reading));
        return ProofChains.forReading(leaf, reading, f.dayTrees.get(plant).get(day), f.periodTrees.get(plant), f.group);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SM3"})
    void everyReadingOfEveryPlantDayVerifiesAgainstTheGroupRoot(String hash) {
        SmallGroupFixture f = fixture(hash);
                for (int p = 0; p < 3; p++) {
            for (int d = 0; d < 3; d++) {
                for (int r = 0; r < 10; r++) {
                    assertThat(verify(readingProof(f, p, d, r), f.group.root()).holds()).isTrue();
                }
                assertThat(verify(ProofChains.forDay(f.dayTrees.get(p).get(d), f.periodTrees.get(p), f.group),
                        f.group.root()).holds()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SM3"})
    void anAlteredValueFailsNamingPlantDayAndReading(String hash) {
        SmallGroupFixture f = fixture(hash);
        ProofChain good = readingProof(f, 1, 2, 4);
        ReadingLeaf leaf = ReadingLeaf.decode(good.levels().get(0).leaf());
        ReadingLeaf altered = new ReadingLeaf(leaf.hash(), leaf.groupId(), leaf.plantId(), leaf.timestamp(),
                leaf.measurement(), leaf.unit(), leaf.value().add(new BigDecimal("0.001")), leaf.salt());
        ProofChain bad = replaceLeaf(good, 0, altered.encode(), true);
        Verdict verdict = verify(bad, f.group.root());
        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.differences().get(0)).contains("plant G1-B").contains("day 2026-01-03").contains("reading #4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SM3"})
    void aLeafWhoseHashIsNotRecomputedFailsToo(String hash) {
        SmallGroupFixture f = fixture(hash);
        ProofChain good = readingProof(f, 0, 0, 0);
        ReadingLeaf leaf = ReadingLeaf.decode(good.levels().get(0).leaf());
        ReadingLeaf altered = new ReadingLeaf(leaf.hash(), leaf.groupId(), leaf.plantId(), leaf.timestamp(),
                leaf.measurement(), leaf.unit(), leaf.value().negate().subtract(BigDecimal.ONE), leaf.salt());
        Verdict verdict = verify(replaceLeaf(good, 0, altered.encode(), false),
                f.group.root());
        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.differences().get(0)).contains("does not hash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SM3"})
    void aDayRootReplayedAsAnotherPlantsFails(String hash) {
        SmallGroupFixture f = fixture(hash);
        // take plant A's day leaf but claim it sits in plant B's period tree
        DayLeaf a = f.dayTrees.get(0).get(1).leaf();
        DayLeaf asB = new DayLeaf(a.hash(), a.groupId(), "G1-B", a.day(), a.readingCount(), a.root());
        ProofChain bChain = ProofChains.forDay(f.dayTrees.get(1).get(1), f.periodTrees.get(1), f.group);
        Verdict verdict = verify(replaceLeaf(bChain, 0, asB.encode(), true),
                f.group.root());
        assertThat(verdict.holds()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SM3"})
    void aWrongTrustedRootOrWrongLevelOrderFails(String hash) {
        SmallGroupFixture f = fixture(hash);
        ProofChain good = readingProof(f, 2, 1, 9);
                byte[] otherRoot = f.group.root();
        otherRoot[0] ^= 1;
        assertThat(verify(good, otherRoot).differences().get(0)).contains("differs from the trusted root");
        List<ProofLevel> swapped = new ArrayList<>(good.levels());
        java.util.Collections.swap(swapped, 1, 2);
        assertThat(verify(new ProofChain(good.hash(), swapped), f.group.root()).holds()).isFalse();
        assertThat(verify(new ProofChain(good.hash(), good.levels().subList(0, 2)), f.group.root()).holds()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SM3"})
    void aReadingMovedToAnotherIndexFails(String hash) {
        SmallGroupFixture f = fixture(hash);
        ProofChain good = readingProof(f, 0, 0, 3);
        ProofLevel l0 = good.levels().get(0);
        ProofLevel moved = new ProofLevel(l0.tree(), l0.leaf(), l0.leafHash(), 2, l0.treeSize(), l0.path(), l0.root());
        List<ProofLevel> levels = new ArrayList<>(good.levels());
        levels.set(0, moved);
        assertThat(verify(new ProofChain(good.hash(), levels), f.group.root()).holds())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA-256", "SM3"})
    void theTwoSuitesGiveDifferentRoots(String hash) {
        HashFunction other = hash.equals("SM3") ? HashFunctions.SHA256 : HashFunctions.SM3;
        assertThat(fixture(hash).group.root()).isNotEqualTo(fixture(other.name()).group.root());
        assertThat(ProofChainVerifier.verify(readingProof(fixture(hash), 0, 0, 0), TrustedRoot.of("test",
                fixture(hash).group.root(), other.name(), null, null, null)).holds()).isFalse();
    }

    static Verdict verify(ProofChain chain, byte[] root) {
        return ProofChainVerifier.verify(chain, TrustedRoot.of(root));
    }

    static ProofChain replaceLeaf(ProofChain chain, int level, byte[] leaf, boolean rehash) {
        ProofLevel l = chain.levels().get(level);
        byte[] leafHash = rehash ? org.energychain.crypto.merkle.MerkleTree.leafHash(
                HashFunctions.byName(chain.hash()), leaf) : l.leafHash();
        List<ProofLevel> levels = new ArrayList<>(chain.levels());
        levels.set(level, new ProofLevel(l.tree(), leaf, leafHash, l.leafIndex(), l.treeSize(), l.path(), l.root()));
        return new ProofChain(chain.hash(), levels);
    }
}
