package org.energychain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.energychain.node.client.NodeClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** {@code chain status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Height, last block, pending transactions, members and contracts of a chain. Private "
                    + "chains need --member and --key.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:ok", "2:refused by the node (4xx) or bad input",
                "3:node unreachable or failed"})
    static final class Status implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        RemoteOptions remote;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            return Remote.run(spec.commandLine().getErr(), "chain status", () -> {
                JsonNode s = remote.client().status(remote.chain);
                if (json) {
                    Json.print(w, s);
                } else {
                    w.printf("chain %s (%s, %s) height %d, %d pending%n", s.path("chain").asText(),
                            s.path("suite").asText(), s.path("private").asBoolean() ? "private" : "public",
                            s.path("height").asLong(), s.path("pending").asLong());
                    w.printf("genesis %s%n", s.path("genesisHash").asText());
                    if (s.has("lastBlockHash")) {
                        w.printf("last block %s at %s%n", s.path("lastBlockHash").asText(), s.path("lastBlockTime").asText());
                    }
                    w.printf("members %s%ncontracts %s%n", s.path("members").findValuesAsText("id"), s.path("contracts"));
                    w.flush();
                }
                return ExitCodes.OK;
            });
        }
    }

    /** {@code chain block}. */
    @Command(name = "block", mixinStandardHelpOptions = true, sortOptions = false,
            description = "A block by height or hash (default: the latest).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:ok", "2:no such block, refused or bad input",
                "3:node unreachable or failed"})
    static final class BlockCmd implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        RemoteOptions remote;

        static final class Which {
            @Option(names = "--height", paramLabel = "N", description = "Block height (1 is the first block).")
            Long height;

            @Option(names = "--hash", paramLabel = "HEX", description = "Block hash.")
            String hash;
        }

        @ArgGroup(exclusive = true)
        Which which;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            return Remote.run(spec.commandLine().getErr(), "chain block", () -> {
                NodeClient c = remote.client();
                JsonNode b = which == null ? c.latestBlock(remote.chain)
                        : which.height != null ? c.block(remote.chain, which.height)
                        : c.blockByHash(remote.chain, which.hash);
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
            });
        }
    }
}
