package org.energychain.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.node.config.NodeConfig;

/**
 * A real node in the test's JVM from a {@code node.yaml} (in-memory stores, a free port, the route
 * extensions found on the class path), on the clock the test gives it: what the CLI talks to when a
 * test must move the node's time (contract deadlines) instead of waiting for it.
 */
public final class InProcessNode implements AutoCloseable {
    public final Node node;
    public final ApiServer api;
    public final List<NodeRoutes> extensions;
    public final NodeConfig config;

    private InProcessNode(Node node, ApiServer api, List<NodeRoutes> extensions, NodeConfig config) {
        this.node = node;
        this.api = api;
        this.extensions = extensions;
        this.config = config;
    }

    public static InProcessNode start(Path nodeYaml, Clock clock) throws Exception {
        NodeConfig c = NodeConfig.load(nodeYaml);
        c = new NodeConfig(c.dataDir(), c.http().withPort(0), c.metrics(), c.store(), c.chains());
        Node node = Node.fromConfig(c, Node.discoveredContracts(), ChainStoreFactory.inMemory(), clock);
        List<NodeRoutes> extensions = RouteProvider.openAll(RouteProvider.discovered(), node, c.dataDir());
        node.start();
        ApiServer api = new ApiServer(node, c.http(), false, extensions).start();
        return new InProcessNode(node, api, extensions, c);
    }

    public String url() {
        return "http://127.0.0.1:" + api.port();
    }

    @Override
    public void close() {
        api.close();
        node.close();
        extensions.forEach(NodeRoutes::close);
    }
}
