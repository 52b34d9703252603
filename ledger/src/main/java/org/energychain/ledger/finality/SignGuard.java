package org.energychain.ledger.finality;

import java.util.Arrays;
import java.util.Optional;
import org.energychain.ledger.store.ChainStore;

/**
 * Keeps a validator from ever signing two different things at one height, across crashes: what it signs
 * is recorded (synced, in the node-local part of its chain store) before the signature leaves the node.
 * A vote is refused if a different target was signed at its height; a proposal at a height where the node
 * already signed one is the same block again (so a leader that crashed after proposing re-proposes it).
 */
public final class SignGuard {
    private final ChainStore store;

    public SignGuard(ChainStore store) {
        this.store = store;
    }

    /**
     * Records that this node votes for {@code target}.
     *
     * @throws IllegalStateException if it already voted for another target at that height
     */
    public synchronized void recordVote(VoteTarget target) {
        String key = "vote/" + target.height();
        byte[] encoded = target.encode();
        Optional<byte[]> earlier = store.local(key);
        if (earlier.isPresent()) {
            if (!Arrays.equals(earlier.get(), encoded)) {
                throw new IllegalStateException("chain " + target.chainId() + ": this node already voted for another"
                        + " block at height " + target.height() + "; refusing to sign " + target);
            }
            return;
        }
        store.putLocal(key, encoded);
    }

    /** The block (encoded) this node proposed at {@code height}, if it proposed one. */
    public synchronized Optional<byte[]> proposal(long height) {
        return store.local("proposal/" + height);
    }

    /** Records (synced) the block this node proposes at {@code height}, before it is sent. */
    public synchronized void recordProposal(long height, byte[] block) {
        Optional<byte[]> earlier = store.local("proposal/" + height);
        if (earlier.isPresent() && !Arrays.equals(earlier.get(), block)) {
            throw new IllegalStateException("this node already proposed another block at height " + height);
        }
        store.putLocal("proposal/" + height, block);
    }
}
