package org.energychain.node.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one kind of address a buyer signs a request for on a seller's word: the market delivery path of
 * the trading chain, {@code http(s)://HOST[:PORT]/chains/{chain}/market/deliveries}, as a listing's
 * {@code endpoint} gives it. Anything else (another path, another chain, a query, a fragment, user
 * information) is refused, so that a seller cannot make a buyer sign a read of some other route.
 */
public final class DeliveryEndpoint {
    private DeliveryEndpoint() {
    }

    /**
     * The URL of {@code trade}'s package under {@code endpoint}.
     *
     * @throws IllegalArgumentException naming what is wrong with the endpoint
     */
    public static URI resolve(URI endpoint, String chain, String trade) {
        if (!trade.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("trade id must be 64 lower-case hex digits, got '" + trade + "'");
        }
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getRawAuthority() == null
                || endpoint.getHost() == null) {
            throw refused(endpoint, chain, "not an http(s) URL with a host");
        }
        if (endpoint.getRawUserInfo() != null || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw refused(endpoint, chain, "it has user information, a query or a fragment");
        }
        String expected = "/chains/" + URLEncoder.encode(chain, StandardCharsets.UTF_8).replace("+", "%20")
                + "/market/deliveries";
        String path = endpoint.getRawPath();
        if (!(path.equals(expected) || path.equals(expected + "/"))) {
            throw refused(endpoint, chain, "its path is not " + expected);
        }
        return URI.create(scheme + "://" + endpoint.getRawAuthority() + expected + "/" + trade);
    }

    private static IllegalArgumentException refused(URI endpoint, String chain, String why) {
        return new IllegalArgumentException("the listing's endpoint " + endpoint + " is not a delivery path of chain "
                + chain + " (" + why + "); not signing a request for it");
    }
}
