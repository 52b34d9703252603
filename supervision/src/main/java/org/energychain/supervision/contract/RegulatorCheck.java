package org.energychain.supervision.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energychain.supervision.proof.ProofChain;
import org.energychain.supervision.proof.ProofChainVerifier;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.TrustedRoot;
import org.energychain.supervision.proof.Verdict;

/**
 * How the regulator checks a delivered plant-day (or reading) against what is on chain, without seeing
 * any other data: the filing (regulatory chain) or anchor (business chain) becomes the
 * {@link TrustedRoot} of {@link ProofChainVerifier}, the one verifier: the proof must lead to its
 * {@code Hash_G} with its hash, its plant leaf must name the same group and period, and, against an
 * anchor, the plant's period root must be the anchored {@code Hash^j}. A failed check is an answer, not
 * an exception: the {@link Verdict} says what differs. Stateless.
 */
public final class RegulatorCheck {
    private RegulatorCheck() {
    }

    /** Checks a delivered proof against a filed {@code Hash_G}. */
    public static Verdict verify(Filing filing, ProofChain delivery) {
        return ProofChainVerifier.verify(delivery, trusted(filing));
    }

    /** Checks a delivered proof against an anchored {@code Hash_G} and the anchored plant root. */
    public static Verdict verify(Anchor anchor, ProofChain delivery) {
        return ProofChainVerifier.verify(delivery, trusted(anchor));
    }

    /** Checks a proof document (as {@code energychain prove --json} writes it), its readable fields too. */
    public static Verdict verify(Filing filing, ProofDocument delivery) {
        return ProofChainVerifier.verify(delivery, trusted(filing));
    }

    /** Checks a proof document against an anchor. */
    public static Verdict verify(Anchor anchor, ProofDocument delivery) {
        return ProofChainVerifier.verify(delivery, trusted(anchor));
    }

    /** What a filing fixes: {@code Hash_G}, the hash, the group and the period. */
    public static TrustedRoot trusted(Filing filing) {
        FilingArgs a = filing.args();
        return TrustedRoot.of("filing", a.groupRoot(), a.hash(), a.period().groupId(), a.period().start(),
                a.period().endExclusive());
    }

    /** What an anchor fixes: as a filing, and every plant's period root. */
    public static TrustedRoot trusted(Anchor anchor) {
        AnchorArgs a = anchor.args();
        Map<String, byte[]> plants = new LinkedHashMap<>();
        for (PlantRoot p : a.plants()) {
            plants.put(p.plantId(), p.root());
        }
        return TrustedRoot.of("anchor", a.groupRoot(), a.hash(), a.period().groupId(), a.period().start(),
                a.period().endExclusive()).withPlantRoots(plants);
    }
}
