package org.energychain.supervision.proof;

import java.util.List;

/**
 * A chain of inclusion proofs from a reading (or a plant-day) up to a group root {@code Hash_G}: each
 * level's root is the root bound inside the next level's leaf. Verified by {@link ProofChainVerifier}.
 */
public record ProofChain(String hash, List<ProofLevel> levels) {
    public ProofChain {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a proof chain needs at least one level");
        }
    }

    /** The root the chain leads to (to be compared with a trusted {@code Hash_G}). */
    public byte[] topRoot() {
        return levels.get(levels.size() - 1).root();
    }
}
