package org.energychain.node.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.energychain.node.Node;

/**
 * A module's routes on a node's REST API, so that the API names no domain: a provider is found on the
 * class path by {@link ServiceLoader} ({@code META-INF/services/org.energychain.node.api.RouteProvider}),
 * as contracts and roles are, opened for a node, and its {@link NodeRoutes} handed to the
 * {@link ApiServer}. The domain logic behind the routes stays in its module, free of HTTP; the provider
 * is the adapter that speaks HTTP for it, and describes its routes for the node's OpenAPI description
 * ({@link NodeRoutes#openApi}).
 */
public interface RouteProvider {
    /**
     * This provider's part of {@code node}, opened before the node starts (it may follow the node's chains
     * from their current height) and closed after it stops.
     *
     * @param dataDir where it may keep files (snapshots, packages to serve); null: none
     */
    NodeRoutes open(Node node, Path dataDir);

    /** The providers on the class path. */
    static List<RouteProvider> discovered() {
        return ServiceLoader.load(RouteProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(RouteProvider.class::cast).toList();
    }

    /** Opens every provider for {@code node}; if one fails, those already opened are closed. */
    static List<NodeRoutes> openAll(List<RouteProvider> providers, Node node, Path dataDir) {
        List<NodeRoutes> opened = new ArrayList<>();
        try {
            for (RouteProvider p : providers) {
                opened.add(p.open(node, dataDir));
            }
        } catch (RuntimeException e) {
            opened.forEach(NodeRoutes::close);
            throw e;
        }
        return List.copyOf(opened);
    }
}
