package org.energychain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.catalog.CatalogIndex;
import org.energychain.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain node}: runs a node until SIGTERM (or Ctrl-C). */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a node: the chains of its configuration with their REST API and metrics, until SIGTERM. "
                + "Contracts are those on the class path (META-INF/services/org.energychain.ledger.contract.Contract).",
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
        List<CatalogIndex> catalogs = new ArrayList<>();
        try {
            catalogs.addAll(CatalogIndex.openAll(node, c.dataDir()));
            node.start();
            api = new ApiServer(node, c.http(), c.metrics(), catalogs, c.dataDir().resolve("deliveries")).start();
        } catch (RuntimeException e) {
            catalogs.forEach(CatalogIndex::close);
            node.close();
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
            w.printf("chain %s (%s) height %d as %s%s%n", h.id(), h.genesis().isPrivate() ? "private" : "public",
                    h.chain().store().height(), h.member(), CatalogIndex.serves(h) ? ", serving its catalogue" : "");
        }
        w.flush();
        try {
            stopped.await();
        } finally {
            try {
                api.close();
                node.close();
                catalogs.forEach(CatalogIndex::close);
                w.println("node stopped");
                w.flush();
            } finally {
                closed.countDown();
            }
        }
        return ExitCodes.OK;
    }
}
