package org.energychain.ledger.finality;

import java.util.Objects;
import java.util.Optional;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;

/**
 * A validator's signed attestation of a {@link VoteTarget}, with its node's consensus key. Encoding: tag
 * {@code EC/signedvote/v1}, the target's encoding (inline), string node, bytes signature over the target's
 * encoding.
 */
public record Vote(VoteTarget target, String node, byte[] signature) {
    public static final String TAG = "EC/signedvote/v1";

    public Vote {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        signature = signature.clone();
    }

    public static Vote sign(VoteTarget target, String node, PrivateKey key, Genesis genesis) {
        return new Vote(target, node, genesis.cryptoSuite().signatures().sign(key, target.encode()));
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Empty if this is a valid vote of a validator of the genesis roster; otherwise why not. */
    public Optional<String> problem(Genesis genesis) {
        return problem(genesis, genesis.roster());
    }

    /** Empty if this is a valid vote of a validator of {@code roster} on the chain of {@code genesis}. */
    public Optional<String> problem(Genesis genesis, Roster roster) {
        if (!target.chainId().equals(genesis.chainId())) {
            return Optional.of("vote for chain " + target.chainId() + " sent to chain " + genesis.chainId());
        }
        if (roster.validator(node).isEmpty()) {
            return Optional.of("vote from " + node + ", which is not a validator of chain " + genesis.chainId()
                    + " at height " + target.height());
        }
        NodeInfo n = roster.node(node).orElseThrow();
        if (!genesis.cryptoSuite().signatures().verify(n.consensusKey(), target.encode(), signature)) {
            return Optional.of("vote of " + node + " for " + target + " is not signed by its consensus key");
        }
        return Optional.empty();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256).tag(TAG);
        target.write(w);
        return w.string(node).bytes(signature).toByteArray();
    }

    /** @throws IllegalArgumentException naming what is malformed */
    public static Vote decode(byte[] bytes, int width) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        VoteTarget t = VoteTarget.read(r, width);
        Vote v = new Vote(t, r.string("node"), r.bytes("signature"));
        r.end();
        return v;
    }
}
