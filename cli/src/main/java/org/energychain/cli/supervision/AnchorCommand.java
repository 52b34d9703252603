package org.energychain.cli.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.common.GroupResolver;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.cli.common.StoreOptions;
import org.energychain.cli.common.StoredPeriods;
import org.energychain.supervision.contract.AnchorArgs;
import org.energychain.supervision.contract.PlantRoot;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.PeriodInfo;
import org.energychain.supervision.store.PlantRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code energychain anchor}: puts a stored period's {@code Hash_G} and plant roots on the group's private
 * business chain (contract {@code period-anchor}).
 */
@Command(name = "anchor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Anchor the group root Hash_G and the plant roots of a stored period on the group's business "
                + "chain (--chain business-<group>), signed as --member with --key.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:anchored", "1:the contract refused it (e.g. already anchored)",
            "2:bad input or refused by the node", "3:node unreachable"})
public final class AnchorCommand extends RemoteCommand {

    @Mixin
    StoreOptions store;


    @Option(names = "--group", paramLabel = "ID", description = "Group (default: the only one in the store).")
    String group;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD",
            description = "A day of the period to anchor (default: the most recently ingested period).")
    LocalDate day;


    @Override
    protected Integer work() throws Exception {
        AnchorArgs args;
        try (OffChainStore s = store.open()) {
            String groupId = group != null ? group : GroupResolver.onlyGroup(s);
            PeriodInfo info = StoredPeriods.select(s, groupId, day);
            List<PlantRoot> plants = new ArrayList<>();
            for (PlantRecord p : s.plants(info.key())) {
                plants.add(new PlantRoot(p.plantId(), p.root()));
            }
            args = new AnchorArgs(info.key(), info.suiteName(), info.groupRoot(), plants);
        }
        return SignedCalls.submit(remote,
                "period-anchor", "anchor", args.encode(), spec.commandLine().getOut(), json,
                "anchor of " + args.period());
    }
}
