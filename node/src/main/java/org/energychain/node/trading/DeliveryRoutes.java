package org.energychain.node.trading;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import org.energychain.ledger.genesis.Member;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.ApiServer;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.OpenApiPart;
import org.energychain.node.api.RequestSigning;
import org.energychain.node.api.Routes;
import org.energychain.trading.market.SellerDeliveries;

/**
 * A seller's delivery endpoint (docs/market.md) over REST: the buyer of a trade fetches the sealed
 * delivery package peer to peer from the seller's node, never through the platform. A delivery request
 * is addressed to the trade's seller (its {@code X-EC-Node}), for whom this node serves the package, so
 * the route takes requests addressed to any member and {@link SellerDeliveries} checks the addressee.
 */
final class DeliveryRoutes implements NodeRoutes {
    private final Node node;
    private final SellerDeliveries deliveries;

    DeliveryRoutes(Node node, SellerDeliveries deliveries) {
        this.node = node;
        this.deliveries = deliveries;
    }

    /** The description of these routes (delivery-openapi.json beside this class). */
    @Override
    public OpenApiPart openApi() {
        return OpenApiPart.resource(DeliveryRoutes.class, "delivery-openapi.json");
    }

    @Override
    public void register(Routes r) {
        r.routeForAnyAddressee(HandlerType.GET, "/chains/{chain}/market/deliveries/{trade}", this::delivery);
    }

    private void delivery(Context ctx) {
        String chainId = ctx.pathParam("chain");
        HostedChain c = node.chain(chainId).orElseThrow(() -> new ApiError(404, "UNKNOWN_CHAIN", "no chain " + chainId));
        String trade = ctx.pathParam("trade");
        Member caller = ApiServer.caller(ctx).orElse(null);
        byte[] pkg;
        try {
            pkg = deliveries.fetch(c.chain(), trade, caller, ApiServer.addressee(ctx).orElse(null));
        } catch (SellerDeliveries.RefusedException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new ApiError(500, "INTERNAL", "could not read the package of trade " + trade);
        }
        ctx.contentType("application/octet-stream").result(pkg);
    }

    private static ApiError refusal(SellerDeliveries.RefusedException e) {
        return switch (e.refusal()) {
            case NO_DELIVERIES -> new ApiError(404, "NO_DELIVERIES", e.getMessage());
            case MALFORMED -> new ApiError(400, "MALFORMED", e.getMessage());
            case UNAUTHENTICATED -> new ApiError(401, "UNAUTHENTICATED", e.getMessage());
            case NOT_FOUND -> new ApiError(404, "NOT_FOUND", e.getMessage());
            case WRONG_NODE -> new ApiError(401, "WRONG_NODE", e.getMessage() + " (" + RequestSigning.NODE + ")");
            case NOT_THE_BUYER -> new ApiError(403, "NOT_THE_BUYER", e.getMessage());
            case NOT_DELIVERED -> new ApiError(409, "NOT_DELIVERED", e.getMessage());
        };
    }
}
