package org.energychain.cli.chain;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.energychain.cli.common.ExitCodes;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain node}: runs a node until SIGTERM (or Ctrl-C). */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a node: the chains of its configuration with their REST API and metrics, until SIGTERM. "
                + "Contracts, roles and the domain modules' API routes are those on the class path (META-INF/services).",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"143:stopped by SIGTERM (the JVM's status for it)", "2:bad configuration",
            "3:internal error"})
public final class NodeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Node configuration (YAML).")
    Path config;

    @Option(names = "--port", paramLabel = "PORT", description = "Listen on this port instead (0: any free port).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        NodeConfig c = NodeConfig.load(config);
        if (port != null) {
            c = c.withHttp(c.http().withPort(port));
        }
        LOG.info("node configuration {}: {}", config, c.describe());
        java.nio.file.Files.createDirectories(c.dataDir());
        Node node = Node.fromConfig(c, Node.discoveredContracts(), ChainStoreFactory.of(c.store(), c.dataDir()),
                Clock.systemUTC());
        ApiServer api;
        List<NodeRoutes> extensions = List.of();
        try {
            extensions = RouteProvider.openAll(RouteProvider.discovered(), node, c.dataDir());
            node.start();
            api = new ApiServer(node, c.http(), c.metrics(), extensions).start();
        } catch (RuntimeException e) {
            node.close();
            extensions.forEach(NodeRoutes::close);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "energychain-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("node listening on %s%n", api.url());
        for (HostedChain h : node.chains()) {
            StringBuilder serving = new StringBuilder();
            extensions.forEach(e -> e.serving(h).ifPresent(what -> serving.append(", serving ").append(what)));
            w.printf("chain %s (%s) height %d as %s%s%n", h.id(), h.genesis().isPrivate() ? "private" : "public",
                    h.chain().store().height(), h.member(), serving);
        }
        w.flush();
        try {
            stopped.await();
        } finally {
            try {
                api.close();
                node.close();
                extensions.forEach(NodeRoutes::close);
                w.println("node stopped");
                w.flush();
            } finally {
                closed.countDown();
            }
        }
        return ExitCodes.OK;
    }
}
