package org.energychain.supervision.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.supervision.proof.ProofChain;
import org.energychain.supervision.proof.ProofChainVerifier;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.Verdict;
import org.energychain.supervision.store.PeriodKey;
import org.energychain.supervision.tree.PlantLeaf;

/**
 * How the regulator checks a delivered plant-day (or reading) against what is on chain, without seeing
 * any other data: the proof must verify ({@link ProofChainVerifier}) up to the {@code Hash_G} of the
 * filing (regulatory chain) or anchor (business chain), its plant leaf must name the same group and
 * period, and, against an anchor, the plant's period root must be the anchored {@code Hash^j}. A failed
 * check is an answer, not an exception: the {@link Verdict} says what differs. Stateless.
 */
public final class RegulatorCheck {
    private RegulatorCheck() {
    }

    /** Checks a delivered proof against a filed {@code Hash_G}. */
    public static Verdict verify(Filing filing, ProofChain delivery) {
        FilingArgs a = filing.args();
        return verify(a.period(), a.hash(), a.groupRoot(), null, delivery, "filing");
    }

    /** Checks a delivered proof against an anchored {@code Hash_G} and the anchored plant root. */
    public static Verdict verify(Anchor anchor, ProofChain delivery) {
        AnchorArgs a = anchor.args();
        return verify(a.period(), a.hash(), a.groupRoot(), a, delivery, "anchor");
    }

    /** Checks a proof document ({@link ProofDocument} JSON, as {@code energychain prove --json} writes it). */
    public static Verdict verify(Filing filing, JsonNode proofDocument) {
        return verifyDocument(proofDocument, chain -> verify(filing, chain));
    }

    /** Checks a proof document against an anchor. */
    public static Verdict verify(Anchor anchor, JsonNode proofDocument) {
        return verifyDocument(proofDocument, chain -> verify(anchor, chain));
    }

    private static Verdict verifyDocument(JsonNode doc, java.util.function.Function<ProofChain, Verdict> check) {
        ProofChain chain;
        try {
            chain = ProofDocument.chainFromJson(doc);
        } catch (IllegalArgumentException e) {
            return Verdict.fails("the proof document is malformed: " + e.getMessage());
        }
        Verdict v = check.apply(chain);
        if (!v.holds()) {
            return v;
        }
        // the readable view must say what the verified leaf says
        return Verdict.fails(ProofDocument.viewDifferences(doc, chain));
    }

    private static Verdict verify(PeriodKey period, String hashName, byte[] trustedRoot, AnchorArgs anchor,
            ProofChain delivery, String what) {
        HashFunction hash = Codec.hash(hashName, "hash");
        Verdict v = new ProofChainVerifier(hash).verify(delivery, trustedRoot);
        if (!v.holds()) {
            return v;
        }
        PlantLeaf plant = PlantLeaf.decode(delivery.levels().get(delivery.levels().size() - 1).leaf(),
                hash.digestLength());
        List<String> diffs = new ArrayList<>();
        if (!plant.groupId().equals(period.groupId()) || !plant.periodStart().equals(period.start())
                || !plant.periodEnd().equals(period.endExclusive())) {
            diffs.add("the proof is of group " + plant.groupId() + " period " + plant.periodStart() + ".."
                    + plant.periodEnd() + ", the " + what + " of " + period);
        }
        if (anchor != null) {
            byte[] anchored = anchor.plantRoot(plant.plantId());
            if (anchored == null) {
                diffs.add("plant " + plant.plantId() + " is not among the anchored plants of " + period);
            } else if (!MessageDigest.isEqual(anchored, plant.root())) {
                diffs.add("plant " + plant.plantId() + ": the proof's period root " + Hex.encode(plant.root())
                        + " differs from the anchored root " + Hex.encode(anchored));
            }
        }
        return Verdict.fails(diffs);
    }
}
