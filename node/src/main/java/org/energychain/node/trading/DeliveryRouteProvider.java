package org.energychain.node.trading;

import java.nio.file.Path;
import org.energychain.node.Node;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.trading.market.SellerDeliveries;

/** Serves a seller's sealed delivery packages from {@code <data dir>/deliveries} through {@link DeliveryRoutes}. */
public final class DeliveryRouteProvider implements RouteProvider {
    @Override
    public NodeRoutes open(Node node, Path dataDir) {
        return new DeliveryRoutes(node, new SellerDeliveries(dataDir == null ? null : dataDir.resolve("deliveries")));
    }
}
