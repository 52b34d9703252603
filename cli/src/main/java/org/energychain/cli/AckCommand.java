package org.energychain.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.energychain.supervision.contract.AckArgs;
import org.energychain.supervision.store.PeriodKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain ack}: the regulator acknowledges a filing on the regulatory chain. */
@Command(name = "ack", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Acknowledge, as the regulator, a group's filing of a period (--chain regulatory).",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:acknowledged",
            "1:the contract refused it (unknown or already acknowledged)", "2:bad input or refused by the node",
            "3:node unreachable"})
public final class AckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--group", required = true, paramLabel = "ID")
    String group;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the filed period.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day, inclusive.")
    LocalDate to;

    @Option(names = "--period-version", defaultValue = "1", paramLabel = "N",
            description = "Period version (default: 1).")
    int version;

    @Option(names = "--note", defaultValue = "", paramLabel = "TEXT", description = "A note kept with the acknowledgement.")
    String note;

    @Mixin
    RemoteOptions remote;

    @Option(names = "--json", description = "Print the receipt as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        AckArgs args = new AckArgs(new PeriodKey(group, from, to.plusDays(1), version), note);
        return Remote.run(spec.commandLine().getErr(), "ack", () -> SignedCalls.submit(remote,
                "regulatory-filing", "acknowledge", args.encode(), spec.commandLine().getOut(), json,
                "acknowledgement of " + args.filing()));
    }
}
