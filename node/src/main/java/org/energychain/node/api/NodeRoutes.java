package org.energychain.node.api;

import java.util.Optional;
import org.energychain.node.HostedChain;

/** The routes one {@link RouteProvider} mounts on one node, and what it holds open for them. */
public interface NodeRoutes extends AutoCloseable {
    /** Registers the routes; called once, when the {@link ApiServer} is built. */
    void register(Routes routes);

    /** What this node serves for chain {@code c} through these routes ("its catalogue"), for the log; empty: nothing. */
    default Optional<String> serving(HostedChain c) {
        return Optional.empty();
    }

    /** Releases what {@link RouteProvider#open} opened (saves snapshots); called after the node stopped. */
    @Override
    default void close() {
    }
}
