package org.energychain.supervision.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.supervision.tree.SmallGroupFixture;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz test of a proof as a verifier receives it (docs/fuzzing.md): JSON text, parsed strictly into a
 * {@link ProofDocument} and checked by the one verifier against a trusted root alone and against one that
 * fixes hash, group, period and plant roots. Any input is refused with an {@link IllegalArgumentException}
 * that says why, or gives a {@link Verdict}: it holds with no differences, or fails naming at least one
 * (the CLI's exit 1). A document that parses writes back as JSON that parses to the same document.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class ProofDecodersFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper(); // as the CLI reads proof files
    static final SmallGroupFixture F = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
    static final TrustedRoot ROOT = TrustedRoot.of(F.group.root());
    static final TrustedRoot ANCHOR = TrustedRoot.of("anchor", F.group.root(), "SHA-256", "G1", F.ctx.start(), F.ctx.end())
            .withPlantRoots(Map.of("G1-A", F.periodTrees.get(0).tree().root(), "G1-B", F.periodTrees.get(1).tree().root(),
                    "G1-C", F.periodTrees.get(2).tree().root()));

    @MethodSource("proofs")
    @FuzzTest
    void proofJson(byte[] input) {
        JsonNode tree;
        try {
            tree = JSON.readTree(input);
        } catch (IOException e) {
            return; // not JSON: the CLI's file reader refuses it before a proof is parsed
        }
        ProofDocument doc = DecoderContract.decodeOrNull("proof", b -> ProofDocument.parse(tree), input);
        if (doc == null) {
            return;
        }
        for (TrustedRoot trusted : new TrustedRoot[] {ROOT, ANCHOR}) {
            Verdict v = ProofChainVerifier.verify(doc, trusted);
            assertThat(v.holds()).as("holds exactly without differences").isEqualTo(v.differences().isEmpty());
            v.differences().forEach(d -> assertThat(d).isNotBlank());
        }
        JsonNode written = doc.toJson();
        assertThat(ProofDocument.parse(written).toJson()).as("the document written back").isEqualTo(written);
    }

    static Stream<Arguments> proofs() {
        return Stream.of(
                seed("reading", ProofDocument.of(ProofChainVerifierTest.readingProof(F, 1, 2, 7)).toJson()),
                seed("day", ProofDocument.of(ProofChains.forDay(F.dayTrees.get(2).get(0), F.periodTrees.get(2), F.group))
                        .toJson()));
    }

    static Arguments seed(String name, JsonNode doc) {
        return Arguments.of(Named.of(name, doc.toPrettyString().getBytes(StandardCharsets.UTF_8)));
    }
}
