package org.energychain.node.client;

import static org.energychain.node.client.NodeTransport.BINARY;
import static org.energychain.node.client.NodeTransport.JSON;
import static org.energychain.node.client.NodeTransport.MAPPER;
import static org.energychain.node.client.NodeTransport.chainPath;
import static org.energychain.node.client.NodeTransport.queryString;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.energychain.node.api.NodeIdentity;
import org.energychain.node.client.NodeTransport.Call;

/**
 * The trading part of the client: the platform's catalogue (search, directory tree, one listing, the
 * directory rebuilt and compared) and a market delivery fetched from the seller's node.
 */
final class TradingRequests {
    private final NodeTransport t;

    TradingRequests(NodeTransport t) {
        this.t = t;
    }

    /** A catalogue search on a platform node; {@code params} as in docs/api.md ("Catalogue"). */
    JsonNode catalogSearch(String chain, java.util.Map<String, String> params) {
        return t.send(new Call(chain, "GET", chainPath(chain) + "/catalog/listings", queryString(params), null, JSON));
    }

    /** The children (with counts) of a directory path on a platform node. */
    JsonNode catalogTree(String chain, String path) {
        return t.send(new Call(chain, "GET", chainPath(chain) + "/catalog/tree",
                queryString(java.util.Map.of("path", path)), null, JSON));
    }

    /** One listing of the catalogue, by id. */
    JsonNode catalogListing(String chain, String id) {
        return t.send(new Call(chain, "GET", chainPath(chain) + "/catalog/listing",
                queryString(java.util.Map.of("id", id)), null, JSON));
    }

    /** Asks the platform to rebuild its directory from the chain and compare. */
    JsonNode catalogVerify(String chain) {
        return t.get(chain, chainPath(chain) + "/catalog/verify");
    }

    /**
     * GETs the sealed package of {@code trade} from a seller's delivery endpoint (as its listing names
     * it), signed as this client's member and addressed to {@code seller} on {@code chain}, whose genesis
     * hash this client takes from its own node. The endpoint must be exactly a delivery path of that chain
     * ({@link DeliveryEndpoint}); a captured request is then good for nothing but this delivery, at the
     * seller's node, once. At most {@code maxBytes} are read, within the client's timeout.
     *
     * @throws IllegalArgumentException when the endpoint is not a delivery path of {@code chain}
     */
    byte[] fetchDelivery(String chain, String seller, URI endpoint, String trade, long maxBytes) {
        DeliveryEndpoint.resolve(endpoint, chain, trade);
        return fetchDelivery(t.identity(chain).withNode(seller), endpoint, trade, maxBytes);
    }

    /** {@link #fetchDelivery(String, String, URI, String, long)} addressed to {@code seller} as given. */
    byte[] fetchDelivery(NodeIdentity seller, URI endpoint, String trade, long maxBytes) {
        if (t.key == null) {
            throw new IllegalStateException("fetching a delivery needs a signing client (signedAs)");
        }
        URI uri = DeliveryEndpoint.resolve(endpoint, seller.chain(), trade);
        HttpResponse<byte[]> resp = t.getBounded(uri, BINARY + ", " + JSON, seller, maxBytes);
        if (resp.statusCode() >= 300) {
            JsonNode json;
            try {
                json = MAPPER.readTree(resp.body());
            } catch (IOException | RuntimeException e) {
                json = MAPPER.createObjectNode();
            }
            throw new NodeClientException(resp.statusCode(), json.path("error").asText("HTTP_" + resp.statusCode()),
                    json.path("message").asText("HTTP " + resp.statusCode() + " from " + uri));
        }
        return resp.body();
    }
}
