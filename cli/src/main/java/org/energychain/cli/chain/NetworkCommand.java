package org.energychain.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain network up|down|status|start|stop}: a consortium network of this machine, one node
 * process per node directory that {@code genesis network --consortium} wrote.
 */
@Command(name = "network", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a consortium network on this machine: one node process per node of DIR/nodes "
                + "(written by 'energychain genesis network --consortium --out DIR').",
        subcommands = {NetworkCommand.Up.class, NetworkCommand.Down.class, NetworkCommand.Status.class,
            NetworkCommand.Start.class, NetworkCommand.Stop.class})
public final class NetworkCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand takes. */
    static class Where {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The network's directory.")
        Path dir;

        @Option(names = "--java-opts", paramLabel = "OPTS", defaultValue = "-Xmx384m -XX:+UseSerialGC",
                description = "JVM options of each node process (default: ${DEFAULT-VALUE}).")
        String javaOpts;

        List<String> javaOptions() {
            List<String> out = new ArrayList<>();
            for (String o : javaOpts.trim().split("\\s+")) {
                if (!o.isEmpty()) {
                    out.add(o);
                }
            }
            return out;
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Start every node that is not running; "
            + "wait until each API answers.", exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:every node answers", "1:a node did not come up (see its node.log)", "2:bad input"})
    static final class Up extends Where implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--wait-seconds", defaultValue = "240", paramLabel = "S",
                description = "How long to wait for the nodes (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Override
        public Integer call() throws Exception {
            LocalNetworkProcesses net = new LocalNetworkProcesses(dir);
            Map<String, LocalNetworkProcesses.LocalNode> nodes = net.nodes();
            PrintWriter w = spec.commandLine().getOut();
            for (LocalNetworkProcesses.LocalNode n : nodes.values()) {
                w.printf("node %-8s pid %d  %s%n", n.id(), net.start(n, javaOptions()).pid(), n.url());
            }
            w.flush();
            int down = 0;
            long end = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
            for (LocalNetworkProcesses.LocalNode n : nodes.values()) {
                Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
                if (!net.awaitUp(n, left)) {
                    w.printf("node %s did not come up; see %s%n", n.id(), n.dir().resolve("node.log"));
                    down++;
                }
            }
            if (down == 0) {
                w.printf("network up: %d nodes answer%n", nodes.size());
            } else {
                w.printf("network: %d of %d nodes answer%n", nodes.size() - down, nodes.size());
            }
            w.flush();
            return down == 0 ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop every node (SIGTERM, then SIGKILL "
            + "after a grace period).")
    static final class Down extends Where implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--kill", description = "SIGKILL at once.")
        boolean kill;

        @Override
        public Integer call() throws Exception {
            LocalNetworkProcesses net = new LocalNetworkProcesses(dir);
            PrintWriter w = spec.commandLine().getOut();
            int stopped = 0;
            for (LocalNetworkProcesses.LocalNode n : net.nodes().values()) {
                if (net.stop(n, kill, Duration.ofSeconds(20))) {
                    stopped++;
                }
            }
            w.printf("network down: %d node processes stopped%n", stopped);
            w.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start one node.")
    static final class Start extends Where implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--node", required = true, paramLabel = "NODE", description = "The node id.")
        String node;

        @Option(names = "--wait-seconds", defaultValue = "120", paramLabel = "S",
                description = "How long to wait for its API (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Override
        public Integer call() throws Exception {
            LocalNetworkProcesses net = new LocalNetworkProcesses(dir);
            LocalNetworkProcesses.LocalNode n = find(net, node);
            long pid = net.start(n, javaOptions()).pid();
            boolean up = net.awaitUp(n, Duration.ofSeconds(waitSeconds));
            spec.commandLine().getOut().printf("node %s pid %d %s%n", n.id(), pid, up ? "answers at " + n.url()
                    : "did not come up; see " + n.dir().resolve("node.log"));
            spec.commandLine().getOut().flush();
            return up ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop one node (--kill: SIGKILL, as a "
            + "crash).")
    static final class Stop extends Where implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--node", required = true, paramLabel = "NODE", description = "The node id.")
        String node;

        @Option(names = "--kill", description = "SIGKILL (kill -9): a crash, nothing flushed.")
        boolean kill;

        @Override
        public Integer call() throws Exception {
            LocalNetworkProcesses net = new LocalNetworkProcesses(dir);
            boolean stopped = net.stop(find(net, node), kill, Duration.ofSeconds(20));
            spec.commandLine().getOut().printf(stopped ? "node %s stopped%s%n" : "node %s was not running%s%n", node,
                    kill ? " (SIGKILL)" : "");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Each node: running or not, and per "
            + "chain its height, final height, leader and health.")
    static final class Status extends Where implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            LocalNetworkProcesses net = new LocalNetworkProcesses(dir);
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (LocalNetworkProcesses.LocalNode n : net.nodes().values()) {
                ObjectNode o = out.addObject().put("node", n.id()).put("url", n.url())
                        .put("running", net.process(n).isPresent());
                ArrayNode chains = o.putArray("chains");
                JsonNode list = net.get(n, "/chains").orElse(null);
                o.put("answers", list != null);
                if (list == null) {
                    continue;
                }
                for (JsonNode c : list.path("chains")) {
                    ObjectNode co = chains.addObject().put("chain", c.path("id").asText());
                    if (c.path("private").asBoolean()) {
                        co.put("private", true);
                        continue;
                    }
                    net.get(n, "/chains/" + c.path("id").asText() + "/status").ifPresent(s -> {
                        co.put("height", s.path("height").asLong()).put("final", s.path("finalHeight").asLong())
                                .put("health", s.at("/health/status").asText());
                        if (s.has("network")) {
                            co.put("leader", s.at("/network/leader").asText()).put("term", s.at("/network/term").asLong());
                        }
                    });
                }
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                Json.print(w, out);
                return ExitCodes.OK;
            }
            for (JsonNode o : out) {
                w.printf("%-8s %-7s %s%n", o.path("node").asText(), o.path("answers").asBoolean() ? "up"
                        : o.path("running").asBoolean() ? "no-api" : "down", o.path("url").asText());
                for (JsonNode c : o.path("chains")) {
                    if (c.path("private").asBoolean()) {
                        w.printf("         %-12s private%n", c.path("chain").asText());
                    } else {
                        w.printf("         %-12s height %d final %d leader %s %s%n", c.path("chain").asText(),
                                c.path("height").asLong(), c.path("final").asLong(), c.path("leader").asText("-"),
                                c.path("health").asText());
                    }
                }
            }
            w.flush();
            return ExitCodes.OK;
        }
    }

    private static LocalNetworkProcesses.LocalNode find(LocalNetworkProcesses net, String node) throws java.io.IOException {
        LocalNetworkProcesses.LocalNode n = net.nodes().get(node);
        if (n == null) {
            throw new IllegalArgumentException("no node " + node + " in this network (its nodes: " + net.nodes().keySet()
                    + ")");
        }
        return n;
    }
}
