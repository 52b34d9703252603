package org.energychain.cli.supervision;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.GroupResolver;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.StoreOptions;
import org.energychain.crypto.Hex;
import org.energychain.supervision.pipeline.StoreAudit;
import org.energychain.supervision.proof.ProofChainVerifier;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.TrustedRoot;
import org.energychain.supervision.proof.Verdict;
import org.energychain.supervision.store.OffChainStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain verify}: checks a proof against a trusted root, or a store's data against its
 * roots. Exit 0 when it holds, 1 when it does not, 2 for bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"With --proof: check a proof (from energychain prove --json) against a trusted group root "
                + "(--root, or the groupRoot of the regulator's D2 package given with --package, whose hash, group and "
                + "period the proof must then share). Every readable field of the proof must be what its leaves bind.",
                "Without --proof: re-hash the data in the store and check every plant-day, plant and group root "
                        + "of the group's periods (optionally one --plant / --day)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:it holds", "1:it does not hold (what differs is printed)", "2:bad input"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--proof", paramLabel = "FILE", description = "Proof file (JSON) to check.")
    Path proof;

    @Option(names = "--root", paramLabel = "HEX", description = "Trusted group root Hash_G (hex).")
    String root;

    @Option(names = "--package", paramLabel = "FILE", description = "D2 package whose groupRoot is trusted.")
    Path regulatoryPackage;

    @Option(names = "--group", paramLabel = "ID", description = "Group to check in the store (default: the only one).")
    String group;

    @Option(names = "--plant", paramLabel = "ID", description = "Only this plant (store check).")
    String plant;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "Only this day (store check).")
    LocalDate day;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Verdict verdict = proof != null ? verifyProof() : verifyStore();
        var out = spec.commandLine().getOut();
        if (json) {
            var node = Json.MAPPER.createObjectNode();
            node.put("holds", verdict.holds());
            var diffs = node.putArray("differences");
            verdict.differences().forEach(diffs::add);
            Json.print(out, node);
        } else if (verdict.holds()) {
            out.println("OK: it holds");
        } else {
            out.println("FAILED: it does not hold");
            verdict.differences().forEach(d -> out.println("  " + d));
        }
        out.flush();
        return verdict.holds() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
    }

    private Verdict verifyProof() throws IOException {
        JsonNode doc = readJson(proof, "proof");
        ProofDocument document;
        try {
            document = ProofDocument.parse(doc);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(proof + ": " + e.getMessage(), e);
        }
        return ProofChainVerifier.verify(document, trustedRoot());
    }

    private TrustedRoot trustedRoot() throws IOException {
        if (root != null && regulatoryPackage != null) {
            throw new IllegalArgumentException("give either --root or --package, not both");
        }
        if (root != null) {
            try {
                return TrustedRoot.of(Hex.decode(root));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--root: " + e.getMessage(), e);
            }
        }
        if (regulatoryPackage != null) {
            return packageRoot(readJson(regulatoryPackage, "D2 package"));
        }
        throw new IllegalArgumentException("a proof is checked against a trusted root: give --root HEX or --package FILE");
    }

    /** A D2 package fixes Hash_G, the hash, the group and the period. */
    private TrustedRoot packageRoot(JsonNode pkg) {
        try {
            return TrustedRoot.of("D2 package", Hex.decode(packageText(pkg, "groupRoot")), packageText(pkg, "hash"),
                    packageText(pkg, "group"), LocalDate.parse(packageText(pkg, "periodStart")),
                    LocalDate.parse(packageText(pkg, "periodEnd")));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new IllegalArgumentException(regulatoryPackage + ": " + e.getMessage(), e);
        }
    }

    private static String packageText(JsonNode pkg, String field) {
        if (!pkg.path(field).isTextual()) {
            throw new IllegalArgumentException("no " + field + " in the D2 package");
        }
        return pkg.get(field).asText();
    }

    private Verdict verifyStore() {
        if (root != null || regulatoryPackage != null) {
            throw new IllegalArgumentException("--root and --package need --proof");
        }
        try (OffChainStore s = store.open()) {
            String groupId = group != null ? group : GroupResolver.onlyGroup(s);
            return new StoreAudit(s).audit(groupId, plant, day);
        }
    }

    private static JsonNode readJson(Path file, String what) throws IOException {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such " + what + " file", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a valid JSON " + what + ": " + e.getOriginalMessage(), e);
        }
    }
}
