package org.energychain.ledger.genesis;

import java.util.Arrays;
import java.util.Objects;
import org.energychain.crypto.sign.PublicKey;

/**
 * A node of the consortium that hosts a chain: which organisation runs it, the consensus key it signs
 * blocks and finality votes with (apart from the organisation's transaction key, so that a node's
 * compromise does not let it spend for the organisation, and an organisation may run several nodes), the
 * TLS certificate its peers pin, the address of its replication endpoint and the URL of its API.
 *
 * @param tlsCertificate DER encoding of the node's X.509 certificate (empty for a node that serves no peers)
 * @param address host:port of the node's replication endpoint (empty for a chain ordered by one node)
 * @param api base URL of the node's REST API (empty if not published)
 */
public record NodeInfo(String id, String org, PublicKey consensusKey, byte[] tlsCertificate, String address,
        String api) {
    public NodeInfo {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("node id '" + id + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(consensusKey, "consensusKey");
        tlsCertificate = tlsCertificate == null ? new byte[0] : tlsCertificate.clone();
        address = address == null ? "" : address;
        api = api == null ? "" : api;
        if (!address.isEmpty() && !address.matches("[A-Za-z0-9.\\-\\[\\]:]{1,253}:[0-9]{1,5}")) {
            throw new IllegalArgumentException("node " + id + ": address '" + address + "' must be host:port");
        }
    }

    /** A node that orders a chain alone: no peers, so no TLS certificate and no replication address. */
    public static NodeInfo solo(String id, String org, PublicKey consensusKey) {
        return new NodeInfo(id, org, consensusKey, null, "", "");
    }

    @Override
    public byte[] tlsCertificate() {
        return tlsCertificate.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeInfo n && id.equals(n.id) && org.equals(n.org) && consensusKey.equals(n.consensusKey)
                && Arrays.equals(tlsCertificate, n.tlsCertificate) && address.equals(n.address) && api.equals(n.api);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, org, consensusKey, Arrays.hashCode(tlsCertificate), address, api);
    }

    @Override
    public String toString() {
        return "NodeInfo[" + id + " of " + org + " at " + (address.isEmpty() ? "-" : address) + "]";
    }
}
