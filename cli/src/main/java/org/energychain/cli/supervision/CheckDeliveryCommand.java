package org.energychain.cli.supervision;

import java.nio.file.Path;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.crypto.Hex;
import org.energychain.supervision.contract.Filing;
import org.energychain.supervision.contract.FilingQuery;
import org.energychain.supervision.contract.RegulatorCheck;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.Verdict;
import org.energychain.supervision.store.PeriodKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code energychain check-delivery}: the regulator checks a plant-day (or reading) a group delivered,
 * as a proof file, against the {@code Hash_G} the group filed on the regulatory chain.
 */
@Command(name = "check-delivery", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check a delivered proof (energychain prove --json) against the Hash_G filed on the regulatory "
                + "chain for its group and period (--chain regulatory), without trusting the group.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:the delivery holds against the filed root",
            "1:it does not (what differs is printed)", "2:bad input, or no such filing", "3:node unreachable"})
public final class CheckDeliveryCommand extends RemoteCommand {

    @Option(names = "--proof", required = true, paramLabel = "FILE", description = "The delivered proof (JSON).")
    Path proof;

    @Option(names = "--period-version", defaultValue = "1", paramLabel = "N",
            description = "Filed period version (default: 1).")
    int version;



    @Override
    protected Integer work() throws Exception {
        ProofDocument doc;
        try {
            doc = ProofDocument.parse(Json.MAPPER.readTree(proof.toFile()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(proof + ": not a readable proof file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(proof + ": " + e.getMessage(), e);
        }
        // the filing is looked up by what the proof shows; the verifier then binds those fields to its leaves
        PeriodKey key;
        try {
            key = new PeriodKey(doc.view().group(), doc.view().periodStart(), doc.view().periodEnd(), version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(proof + ": " + e.getMessage(), e);
        }
        Filing filing = Filing.decode(remote.client().query(remote.chain(), "regulatory-filing", "filing",
                new FilingQuery(key).encode()));
        Verdict v = RegulatorCheck.verify(filing, doc);
        var out = spec.commandLine().getOut();
        if (json) {
            var n = Json.MAPPER.createObjectNode();
            n.put("holds", v.holds());
            n.put("filedRoot", Hex.encode(filing.groupRoot()));
            n.put("acknowledged", filing.acknowledged());
            var d = n.putArray("differences");
            v.differences().forEach(d::add);
            Json.print(out, n);
        } else if (v.holds()) {
            out.printf("OK: the delivery holds against Hash_G %s filed by %s for %s%n", Hex.encode(filing.groupRoot()),
                    filing.filed().sender(), key);
        } else {
            out.println("FAILED: the delivery does not hold against the filed Hash_G");
            v.differences().forEach(x -> out.println("  " + x));
        }
        out.flush();
        return v.holds() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
    }
}
