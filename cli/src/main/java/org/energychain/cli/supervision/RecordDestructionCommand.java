package org.energychain.cli.supervision;

import org.energychain.cli.common.GroupResolver;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.cli.common.StoreOptions;
import org.energychain.supervision.contract.DestructionArgs;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.supervision.store.OffChainStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code energychain record-destruction}: puts a destruction record of the off-chain store (what was
 * deleted, when, why, and the roots of the deleted days) on a chain, so deletions are auditable there.
 */
@Command(name = "record-destruction", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Record a destruction (from energychain destroy) on the business chain (contract period-anchor) or "
                + "the regulatory chain (contract regulatory-filing), by its id in the store.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:recorded", "1:the contract refused it (e.g. already recorded)",
            "2:bad input or refused by the node", "3:node unreachable"})
public final class RecordDestructionCommand extends RemoteCommand {

    @Option(names = "--id", required = true, paramLabel = "N", description = "The destruction record's id (destroy prints it).")
    long id;

    @Option(names = "--group", paramLabel = "ID", description = "Group (default: the only one in the store).")
    String group;

    @Mixin
    StoreOptions store;



    @Override
    protected Integer work() throws Exception {
        DestructionRecord record;
        try (OffChainStore s = store.open()) {
            String groupId = group != null ? group : GroupResolver.onlyGroup(s);
            record = s.destructions(groupId).stream().filter(d -> d.id() == id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no destruction record " + id + " of group " + groupId
                            + " in " + store.describe()));
        }
        String contract = remote.chain().startsWith("business-") ? "period-anchor" : "regulatory-filing";
        byte[] args = DestructionArgs.of(record).encode();
        return SignedCalls.submit(remote,
                contract, "record-destruction", args, spec.commandLine().getOut(), json, "destruction record " + id);
    }
}
