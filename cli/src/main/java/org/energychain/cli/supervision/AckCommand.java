package org.energychain.cli.supervision;

import java.time.LocalDate;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.supervision.contract.AckArgs;
import org.energychain.supervision.store.PeriodKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code energychain ack}: the regulator acknowledges a filing on the regulatory chain. */
@Command(name = "ack", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Acknowledge, as the regulator, a group's filing of a period (--chain regulatory).",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:acknowledged",
            "1:the contract refused it (unknown or already acknowledged)", "2:bad input or refused by the node",
            "3:node unreachable"})
public final class AckCommand extends RemoteCommand {

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



    @Override
    protected Integer work() throws Exception {
        AckArgs args = new AckArgs(new PeriodKey(group, from, to.plusDays(1), version), note);
        return SignedCalls.submit(remote,
                "regulatory-filing", "acknowledge", args.encode(), spec.commandLine().getOut(), json,
                "acknowledgement of " + args.filing());
    }
}
