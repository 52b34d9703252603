package org.energychain.cli.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.cli.common.StoreOptions;
import org.energychain.crypto.Hex;
import org.energychain.supervision.contract.FilingArgs;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.PeriodInfo;
import org.energychain.supervision.store.PeriodKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code energychain file}: files a D2 package's {@code Hash_G} and {@code Hash(D2)} on the regulatory
 * chain (contract {@code regulatory-filing}); the package itself goes to the regulator off chain.
 */
@Command(name = "file", mixinStandardHelpOptions = true, sortOptions = false,
        description = "File the D2 package of a period with the regulator: Hash_G, Hash(D2) and the dataset count go on "
                + "the regulatory chain (--chain regulatory). The period version is taken from the store (the one "
                + "whose Hash_G the package carries) or from --period-version.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:filed", "1:the contract refused it (e.g. already filed)",
            "2:bad input or refused by the node", "3:node unreachable"})
public final class FileCommand extends RemoteCommand {

    @Option(names = "--package", required = true, paramLabel = "FILE", description = "The D2 package (from ingest).")
    Path packageFile;

    @Option(names = "--period-version", paramLabel = "N",
            description = "Period version (default: looked up in the store).")
    Integer version;

    @Mixin
    StoreOptions store;



    @Override
    protected Integer work() throws Exception {
        JsonNode pkg = Json.MAPPER.readTree(packageFile.toFile());
        if (!"energychain-d2/v1".equals(pkg.path("format").asText())) {
            throw new IllegalArgumentException(packageFile + ": not an EnergyChain D2 package (format energychain-d2/v1)");
        }
        String group = pkg.path("group").asText();
        LocalDate start = LocalDate.parse(pkg.path("periodStart").asText());
        LocalDate end = LocalDate.parse(pkg.path("periodEnd").asText());
        byte[] groupRoot = Hex.decode(pkg.path("groupRoot").asText());
        int v = version != null ? version : versionOf(group, start, end, groupRoot);
        FilingArgs args = new FilingArgs(new PeriodKey(group, start, end, v), pkg.path("hash").asText(), groupRoot,
                Hex.decode(pkg.path("hashD2").asText()), pkg.path("datasets").size());
        return SignedCalls.submit(remote,
                "regulatory-filing", "file", args.encode(), spec.commandLine().getOut(), json,
                "filing of " + args.period());
    }

    private int versionOf(String group, LocalDate start, LocalDate end, byte[] groupRoot) {
        try (OffChainStore s = store.open()) {
            for (PeriodInfo p : s.periods(group)) {
                if (p.key().start().equals(start) && p.key().endExclusive().equals(end)
                        && MessageDigest.isEqual(p.groupRoot(), groupRoot)) {
                    return p.key().version();
                }
            }
        }
        throw new IllegalArgumentException(packageFile + ": no period in " + store.describe() + " has this package's Hash_G "
                + "(give --period-version)");
    }
}
