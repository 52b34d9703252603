package org.energychain.node.api;

import java.util.Optional;
import org.energychain.node.HostedChain;

/** The routes one {@link RouteProvider} mounts on one node, and what it holds open for them. */
public interface NodeRoutes extends AutoCloseable {
    /** Registers the routes; called once, when the {@link ApiServer} is built. */
    void register(Routes routes);

    /**
     * The OpenAPI description of every route {@link #register} registers, which the node serves within its
     * own ({@code GET /openapi.json}); usually {@link OpenApiPart#resource} beside the class. A route left out
     * is a route the node serves undocumented: the API's tests compare the served description with the routes
     * the server registered.
     */
    OpenApiPart openApi();

    /** What this node serves for chain {@code c} through these routes ("its catalogue"), for the log; empty: nothing. */
    default Optional<String> serving(HostedChain c) {
        return Optional.empty();
    }

    /** Releases what {@link RouteProvider#open} opened (saves snapshots); called after the node stopped. */
    @Override
    default void close() {
    }
}
