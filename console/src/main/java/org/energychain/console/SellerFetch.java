package org.energychain.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.energychain.crypto.Hex;
import org.energychain.crypto.tls.PinnedTrust;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.NodeIdentity;
import org.energychain.node.client.DeliveryReceipt;
import org.energychain.node.client.NodeClient;
import org.energychain.trading.market.TradeState;

/**
 * How the console's node fetches a bought package from the seller's node for its organisation, as
 * {@code energychain market receive} does ({@link DeliveryReceipt}): signed as the organisation with its key
 * on the node, addressed to the trade's seller on the chain, over HTTPS trusting exactly the certificates
 * the node pins for its peers (its network's trust, which follows governance; without a network, those in
 * the chain's genesis), reading no more than the trade's package can be and no longer than {@link #TIMEOUT}.
 */
final class SellerFetch {
    /** How long a fetch may take in all. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SellerFetch() {
    }

    /**
     * Trade {@code t}'s package from the listing's {@code endpoint}, checked against the chain.
     *
     * @throws DeliveryReceipt.NotReceived naming what is wrong: the endpoint, the seller's node, the package
     */
    static DeliveryReceipt.Received fetch(Node node, HostedChain c, TradeState t, String endpoint, long maxBytes)
            throws DeliveryReceipt.NotReceived {
        NodeIdentity seller = new NodeIdentity(c.id(), Hex.encode(c.genesis().hash()), t.seller());
        Optional<PinnedTrust> trust = trust(node, c);
        return DeliveryReceipt.fetch(c.id(), t, endpoint, maxBytes, (uri, max) -> {
            NodeClient plain = new NodeClient(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()))
                    .with(TIMEOUT, node.clock());
            NodeClient client = c.signingAsMember(trust.map(plain::trusting).orElse(plain))
                    .orElseThrow(() -> new ApiError(409, "NO_KEY", "this node holds no key of " + c.member()
                            + " on chain " + c.id() + " (key in node.yaml), so it cannot ask the seller for the package"));
            return client.fetchDelivery(seller, uri, t.tradeId(), max);
        });
    }

    /** The certificates this node trusts for its peers' HTTPS, if it pins any. */
    static Optional<PinnedTrust> trust(Node node, HostedChain c) {
        Optional<PinnedTrust> network = node.network().map(n -> n.settings().tls())
                .map(tls -> tls.trustManager() instanceof PinnedTrust p ? p : null);
        if (network.isPresent()) {
            return network;
        }
        List<byte[]> pinned = c.genesis().nodes().stream().map(NodeInfo::tlsCertificate).filter(d -> d.length > 0)
                .toList();
        return pinned.isEmpty() ? Optional.empty()
                : Optional.of(PinnedTrust.ofDer(pinned, node.clock(), "the nodes in the genesis of chain " + c.id()));
    }
}
