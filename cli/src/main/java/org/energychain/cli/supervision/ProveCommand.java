package org.energychain.cli.supervision;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.GroupResolver;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.StoreOptions;
import org.energychain.crypto.Hex;
import org.energychain.supervision.pipeline.ProofService;
import org.energychain.supervision.proof.ProofChain;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.ProofLevel;
import org.energychain.supervision.store.OffChainStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain prove}: the chain of inclusion proofs from a reading or plant-day up to Hash_G. */
@Command(name = "prove", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prove that a plant-day (or one reading of it) is part of the group root Hash_G of the latest "
                + "stored period holding that day. Prints RFC 9162 inclusion proofs from the bottom up "
                + "(reading -> day -> plant -> group); discloses only the proven reading.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:proof printed", "2:bad input", "3:internal error"})
public final class ProveCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--plant", required = true, paramLabel = "ID")
    String plant;

    @Option(names = "--day", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate day;

    @Option(names = "--reading", paramLabel = "N",
            description = "0-based index of the reading in the day's canonical order (timestamp, then measurement).")
    Integer reading;

    @Option(names = "--group", paramLabel = "ID", description = "Group id (default: the only group in the store).")
    String group;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the proof as JSON (the format verify --proof reads).")
    boolean json;

    @Override
    public Integer call() {
        try (OffChainStore s = store.open()) {
            String groupId = group != null ? group : GroupResolver.onlyGroup(s);
            ProofChain chain = new ProofService(s).prove(groupId, plant, day, reading);
            var out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, ProofDocument.of(chain).toJson());
            } else {
                out.printf("proof (%s) that %s%s of group %s is under Hash_G %s%n", chain.hash(),
                        reading == null ? "plant-day " + plant + " " + day : "reading " + reading + " of " + plant + " " + day,
                        "", groupId, Hex.encode(chain.topRoot()));
                for (ProofLevel l : chain.levels()) {
                    out.printf("  %-6s leaf %d of %d, path of %d hashes, root %s%n", l.tree().code(), l.leafIndex(),
                            l.treeSize(), l.path().size(), Hex.encode(l.root()));
                }
                out.println("  (use --json to save it for energychain verify --proof)");
                out.flush();
            }
        }
        return ExitCodes.OK;
    }
}
