package org.energychain.cli.chain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.ledger.store.rocks.RocksChainStore;
import org.energychain.ledger.store.rocks.RocksChainStores;
import org.energychain.ledger.verify.ChainVerifier;
import org.energychain.node.Node;
import org.energychain.node.config.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain chain verify}: re-checks chains from a (stopped) node's RocksDB directory: links,
 * roots, every signature, nonces, and the state commitment by replaying every block.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Re-check chains from disk (the node must be stopped: RocksDB allows one process): block links, "
                + "tx and results roots, the proposer's and every transaction's signature, nonces, and the state "
                + "commitment by replaying every block with the node's contracts.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:every chain verifies",
            "1:a chain does not (its first bad block is named)", "2:bad input"})
final class ChainVerifyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The node's configuration (its data-dir is read).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "The node's data directory instead of --config.")
    Path data;

    @Option(names = "--chain", paramLabel = "ID", description = "Only this chain (default: all).")
    String chain;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        if ((config == null) == (data == null)) {
            throw new IllegalArgumentException("give --config FILE or --data DIR");
        }
        Path dir = (data != null ? data : NodeConfig.load(config).dataDir()).resolve("chains");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no chain database here");
        }
        List<ChainVerifier.Report> reports = new ArrayList<>();
        try (RocksChainStores db = RocksChainStores.open(dir)) {
            List<String> ids = chain != null ? List.of(chain) : db.chainIds();
            ChainVerifier verifier = new ChainVerifier(Node.discoveredContracts());
            for (String id : ids) {
                RocksChainStore store = db.existing(id).orElseThrow(() -> new IllegalArgumentException(
                        "no chain " + id + " in " + dir + " (it holds " + db.chainIds() + ")"));
                reports.add(verifier.verify(store));
            }
        }
        var out = spec.commandLine().getOut();
        boolean ok = reports.stream().allMatch(ChainVerifier.Report::ok);
        if (json) {
            var arr = Json.MAPPER.createArrayNode();
            for (ChainVerifier.Report r : reports) {
                var n = arr.addObject().put("chain", r.chainId()).put("height", r.height()).put("ok", r.ok())
                        .put("finalHeight", r.finalHeight());
                if (!r.ok()) {
                    n.put("badHeight", r.badHeight()).put("reason", r.reason());
                }
            }
            Json.print(out, arr);
        } else {
            reports.forEach(r -> out.println(r.ok() ? "OK: " + r.message() : "FAILED: " + r.message()));
            out.flush();
        }
        return ok ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
    }
}
