package org.energychain.console;

import java.nio.file.Path;
import org.energychain.node.Node;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.jspecify.annotations.Nullable;

/** Mounts the web console ({@link ConsoleRoutes}) on every node that has this module on its class path. */
public final class ConsoleRouteProvider implements RouteProvider {
    @Override
    public NodeRoutes open(Node node, @Nullable Path dataDir) {
        return new ConsoleRoutes(node, node.clock());
    }
}
