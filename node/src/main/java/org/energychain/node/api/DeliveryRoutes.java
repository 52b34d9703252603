package org.energychain.node.api;

import static org.energychain.node.api.ApiServer.ADDRESSEE;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.genesis.Member;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.trading.market.TradeRef;
import org.energychain.trading.market.TradeState;

/**
 * A seller's delivery endpoint (docs/market.md): the buyer of a trade fetches the sealed delivery
 * package peer to peer from the seller's node, never through the platform. Only the trade's buyer, as
 * the market contract records it, gets it, and only with a request it signed; the package is encrypted
 * anyway, and its key is revealed on chain only after the buyer confirmed receipt. A delivery request is
 * addressed to the trade's seller (its {@code X-EC-Node}), for whom this node serves the package: the
 * buyer learns the seller from the chain, not from the listing's endpoint.
 */
final class DeliveryRoutes {
    static final String MARKET = "market";

    private final Node node;
    private final Path dir;

    DeliveryRoutes(Node node, Path dir) {
        this.node = node;
        this.dir = dir;
    }

    void register(CatalogRoutes.Registrar r) {
        r.route(HandlerType.GET, "/chains/{chain}/market/deliveries/{trade}", this::delivery);
    }

    private void delivery(Context ctx) {
        String chainId = ctx.pathParam("chain");
        HostedChain c = node.chain(chainId).orElseThrow(() -> new ApiError(404, "UNKNOWN_CHAIN", "no chain " + chainId));
        if (dir == null || !c.genesis().contracts().contains(MARKET)) {
            throw new ApiError(404, "NO_DELIVERIES", "this node serves no deliveries for chain " + chainId);
        }
        String trade = ctx.pathParam("trade");
        if (!trade.matches("[0-9a-f]{64}")) {
            throw new ApiError(400, "MALFORMED", "trade id must be 64 lower-case hex digits, got '" + trade + "'");
        }
        Member caller = ctx.attribute(ApiServer.CALLER);
        if (caller == null) {
            throw new ApiError(401, "UNAUTHENTICATED", "sign the request as the trade's buyer");
        }
        TradeState t;
        try {
            t = TradeState.decode(c.chain().query(MARKET, "trade", new TradeRef(trade).encode(), caller));
        } catch (ContractException e) {
            throw new ApiError(404, "NOT_FOUND", e.getMessage());
        }
        if (!t.seller().equals(ctx.attribute(ADDRESSEE))) {
            throw new ApiError(401, "WRONG_NODE", "a delivery request is addressed to the trade's seller " + t.seller()
                    + ", this one to " + ctx.attribute(ADDRESSEE) + " (" + RequestSigning.NODE + ")");
        }
        if (!t.buyer().equals(caller.id())) {
            throw new ApiError(403, "NOT_THE_BUYER", caller.id() + " is not the buyer of trade " + trade);
        }
        if (t.delivered() == null) {
            throw new ApiError(409, "NOT_DELIVERED", "the seller has not committed a delivery for trade " + trade);
        }
        try {
            byte[] pkg = Files.readAllBytes(dir.resolve(org.energychain.trading.market.DeliveryPackage.fileName(trade)));
            ctx.contentType("application/octet-stream").result(pkg);
        } catch (NoSuchFileException e) {
            throw new ApiError(404, "NOT_FOUND", "this node holds no package for trade " + trade);
        } catch (IOException e) {
            throw new ApiError(500, "INTERNAL", "could not read the package of trade " + trade);
        }
    }
}
