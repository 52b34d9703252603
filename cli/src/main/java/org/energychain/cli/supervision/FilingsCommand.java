package org.energychain.cli.supervision;

import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.crypto.Hex;
import org.energychain.node.client.NodeClient;
import org.energychain.supervision.contract.Filing;
import org.energychain.supervision.contract.Page;
import org.energychain.supervision.contract.PageArgs;
import org.energychain.supervision.contract.PendingArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code energychain filings}: what groups filed on the regulatory chain, and what awaits acknowledgement. */
@Command(name = "filings", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the filings on the regulatory chain: one group's (--group), or those still awaiting the "
                + "regulator's acknowledgement (--pending, for the regulator).",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:listed", "2:bad input or refused by the node",
            "3:node unreachable"})
public final class FilingsCommand extends RemoteCommand {


    @Option(names = "--group", paramLabel = "ID", description = "List this group's filings.")
    String group;

    @Option(names = "--pending", description = "List filings not yet acknowledged (all groups, or --group).")
    boolean pending;


    @Override
    protected Integer work() throws Exception {
        if (!pending && group == null) {
            throw new IllegalArgumentException("give --group ID, or --pending");
        }
        NodeClient client = remote.client();
        Page<Filing> page = pending
                ? Page.decode(client.query(remote.chain(), "regulatory-filing", "pending",
                        (group == null ? PendingArgs.all() : new PendingArgs(group, 100)).encode()), Filing::decode)
                : Page.decode(client.query(remote.chain(), "regulatory-filing", "filings",
                        PageArgs.first(group).encode()), Filing::decode);
        var out = spec.commandLine().getOut();
        if (json) {
            var arr = Json.MAPPER.createArrayNode();
            for (Filing f : page.items()) {
                var n = arr.addObject();
                n.put("group", f.period().groupId());
                n.put("periodStart", f.period().start().toString());
                n.put("periodEnd", f.period().endExclusive().toString());
                n.put("version", f.period().version());
                n.put("hash", f.args().hash());
                n.put("groupRoot", Hex.encode(f.groupRoot()));
                n.put("hashD2", Hex.encode(f.args().hashD2()));
                n.put("filedBy", f.filed().sender());
                n.put("filedAt", f.filed().time().toString());
                n.put("acknowledged", f.acknowledged());
                f.ack().ifPresent(a -> n.put("acknowledgedBy", a.recorded().sender()).put("note", a.note()));
            }
            Json.print(out, arr);
        } else {
            out.printf("%d filing(s)%s%n", page.total(), pending ? " awaiting acknowledgement" : "");
            for (Filing f : page.items()) {
                out.printf("  %s  Hash_G %s  filed by %s at %s%s%n", f.period(), Hex.encode(f.groupRoot()),
                        f.filed().sender(), f.filed().time(), f.acknowledged()
                                ? "  acknowledged by " + f.ack().get().recorded().sender() : "");
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
