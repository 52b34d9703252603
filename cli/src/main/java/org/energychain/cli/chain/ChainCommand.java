package org.energychain.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain chain}: reads a chain on a node. */
@Command(name = "chain", mixinStandardHelpOptions = true, description = "Read a chain on a node (status, blocks).",
        subcommands = {ChainCommand.Status.class, ChainCommand.BlockCmd.class, ChainVerifyCommand.class})
public final class ChainCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code chain status}: one node's view of a chain, or each node's side by side. */
    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Height, last block, pending transactions, members and contracts of a chain. With "
                    + "several --url, each node's height, pending transactions, health and whether it answers "
                    + "(and its leader, final height and peers when it reports them). Private chains need "
                    + "--member and --key.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:ok (with several nodes: at least one answered)",
                "2:refused by the node (4xx) or bad input", "3:node unreachable or failed"})
    static final class Status extends RemoteCommand {



        @Override
        protected Integer work() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            NodeClient client = remote.client();
            if (client.addresses().size() == 1) {
                JsonNode s = client.status(remote.chain());
                if (json) {
                    Json.print(w, s);
                } else {
                    printSummary(w, s);
                    printNode(w, null, s);
                    w.flush();
                }
                return ExitCodes.OK;
            }
            return eachNode(client, w);
        }

        /** Asks every node on its own (no failover), signing for each as that node says it is. */
        private int eachNode(NodeClient client, PrintWriter w) {
            ObjectNode out = Json.MAPPER.createObjectNode().put("chain", remote.chain());
            ArrayNode nodes = out.putArray("nodes");
            JsonNode first = null;
            NodeClientException firstError = null;
            for (URI address : client.addresses()) {
                ObjectNode n = nodes.addObject().put("url", address.toString());
                try {
                    JsonNode s = client.at(address).status(remote.chain());
                    first = first == null ? s : first;
                    n.put("reachable", true).put("height", s.path("height").asLong()).put("pending",
                            s.path("pending").asLong());
                    for (String field : NODE_FIELDS) {
                        if (s.has(field)) {
                            n.set(field, s.get(field));
                        }
                    }
                    if (s.has("finalHeight")) {
                        n.put("finalityLag", s.path("height").asLong() - s.path("finalHeight").asLong());
                    }
                } catch (NodeClientException e) {
                    firstError = firstError == null ? e : firstError;
                    n.put("reachable", e.status() != 0);
                    n.putObject("error").put("status", e.status()).put("code", e.code()).put("message", e.getMessage());
                }
            }
            if (first == null) {
                throw firstError;
            }
            out.set("status", first);
            if (json) {
                Json.print(w, out);
                return ExitCodes.OK;
            }
            long answering = 0;
            for (JsonNode n : nodes) {
                answering += n.has("height") ? 1 : 0;
            }
            printSummary(w, first);
            w.printf("%d of %d nodes answer%n", answering, nodes.size());
            for (JsonNode n : nodes) {
                printNode(w, n.path("url").asText(), n);
            }
            w.flush();
            return ExitCodes.OK;
        }

        /** What each node reports of itself: health now, leader, final height and peers once the network reports them. */
        private static final List<String> NODE_FIELDS = List.of("nodeMember", "health", "leader", "finalHeight", "peers");

        private static void printSummary(PrintWriter w, JsonNode s) {
            w.printf("chain %s (%s, %s) height %d, %d pending%n", s.path("chain").asText(),
                    s.path("suite").asText(), s.path("private").asBoolean() ? "private" : "public",
                    s.path("height").asLong(), s.path("pending").asLong());
            w.printf("genesis %s%n", s.path("genesisHash").asText());
            if (s.has("lastBlockHash")) {
                w.printf("last block %s at %s%n", s.path("lastBlockHash").asText(), s.path("lastBlockTime").asText());
            }
            w.printf("members %s%ncontracts %s%n", s.path("members").findValuesAsText("id"), s.path("contracts"));
        }

        /**
         * One node's line: its address (with several), height, pending, health, and the consensus fields
         * when the node reports them; for a node that did not answer, why.
         */
        private static void printNode(PrintWriter w, String url, JsonNode n) {
            StringBuilder b = new StringBuilder(url == null ? "node" : "  " + url);
            if (n.has("error")) {
                JsonNode e = n.path("error");
                b.append(n.path("reachable").asBoolean() ? ": answered " + e.path("status").asInt() + " " : ": unreachable, ")
                        .append(e.path("code").asText()).append(' ').append(e.path("message").asText());
                w.println(b);
                return;
            }
            if (url != null) {
                b.append(": height ").append(n.path("height").asLong()).append(", ").append(n.path("pending").asLong())
                        .append(" pending");
            }
            if (n.has("nodeMember")) {
                b.append(url == null ? " " : ", as ").append(n.path("nodeMember").asText());
            }
            JsonNode health = n.path("health");
            if (health.isObject()) {
                boolean ok = "ok".equals(health.path("status").asText());
                b.append(", health ").append(health.path("status").asText());
                if (!ok) {
                    b.append(" since ").append(health.path("since").asText()).append(" (")
                            .append(health.path("reason").asText()).append(')');
                }
            }
            if (n.has("leader")) {
                b.append(", leader ").append(n.path("leader").asText());
            }
            if (n.has("finalHeight")) {
                b.append(", final height ").append(n.path("finalHeight").asLong()).append(" (lag ")
                        .append(n.path("height").asLong() - n.path("finalHeight").asLong()).append(')');
            }
            if (n.has("peers")) {
                b.append(", peers ").append(n.path("peers"));
            }
            w.println(b);
        }
    }

    /** {@code chain block}. */
    @Command(name = "block", mixinStandardHelpOptions = true, sortOptions = false,
            description = "A block by height or hash (default: the latest).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:ok", "2:no such block, refused or bad input",
                "3:node unreachable or failed"})
    static final class BlockCmd extends RemoteCommand {


        static final class Which {
            @Option(names = "--height", paramLabel = "N", description = "Block height (1 is the first block).")
            Long height;

            @Option(names = "--hash", paramLabel = "HEX", description = "Block hash.")
            String hash;
        }

        @ArgGroup(exclusive = true)
        Which which;


        @Override
        protected Integer work() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            NodeClient c = remote.client();
            JsonNode b = which == null ? c.latestBlock(remote.chain())
                    : which.height != null ? c.block(remote.chain(), which.height)
                    : c.blockByHash(remote.chain(), which.hash);
            if (json) {
                Json.print(w, b);
            } else {
                w.printf("block %d of %s: %s%n  previous %s%n  time %s, proposer %s, %d transactions%n",
                        b.path("height").asLong(), b.path("chain").asText(), b.path("hash").asText(),
                        b.path("previousHash").asText(), b.path("time").asText(), b.path("proposer").asText(),
                        b.path("txCount").asInt());
                for (JsonNode t : b.path("transactions")) {
                    w.printf("  %s %s#%d %s.%s -> %d %s%n", t.path("id").asText(), t.path("sender").asText(),
                            t.path("nonce").asLong(), t.path("contract").asText(), t.path("method").asText(),
                            t.at("/result/code").asInt(), t.at("/result/message").asText());
                }
                w.flush();
            }
            return ExitCodes.OK;
        }
    }
}
