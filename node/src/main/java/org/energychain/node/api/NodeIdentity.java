package org.energychain.node.api;

import java.util.Objects;
import org.energychain.crypto.Hex;

/**
 * Whom a signed request is addressed to: a chain (its id and genesis hash, so that a chain of the same
 * name on another network is another chain) and the member a node is on it. A node lists its own
 * identity per chain in {@code GET /chains}; a client takes it from the node it was configured with,
 * never from an address someone else gave it (docs/api.md, "Request signing").
 *
 * @param chain the chain id
 * @param genesisHash lower-case hex of the chain's genesis hash
 * @param node the member id of the addressed node on that chain (for a market delivery: the trade's seller)
 */
public record NodeIdentity(String chain, String genesisHash, String node) {
    public NodeIdentity {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(node, "node");
        Hex.decode(genesisHash);
    }

    /** The same chain, addressed to another member's node. */
    public NodeIdentity withNode(String member) {
        return new NodeIdentity(chain, genesisHash, member);
    }
}
