package org.energychain.cli.chain;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.RemoteOptions;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.governance.Proposal;
import org.energychain.ledger.governance.RosterAt;
import org.energychain.ledger.governance.RosterChange;
import org.energychain.ledger.governance.ValidatorsContract;
import org.energychain.node.genesis.GenesisFile;
import org.energychain.node.genesis.NodeAddition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code energychain validators}: who runs a shared chain after its genesis. The organisations that run its
 * validators add or remove a node by a vote weighted by their validators' power (more than two thirds);
 * the network then reconfigures itself. {@code new-node} prepares the directory of a node to add.
 */
@Command(name = "validators", mixinStandardHelpOptions = true,
        description = "Show a chain's nodes and validators; propose and approve adding or removing one; prepare a"
                + " new node.",
        subcommands = {ValidatorsCommand.Show.class, ValidatorsCommand.Propose.class, ValidatorsCommand.Approve.class,
            ValidatorsCommand.NewNode.class})
public final class ValidatorsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The roster in force: nodes, validators"
            + " and their power, and the height it holds from.", exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:shown", "2:bad input or refused by the node", "3:node unreachable"})
    static final class Show extends RemoteCommand {
        @Override
        protected Integer work() throws Exception {
            PrintWriter out = out();
            RosterAt r = RosterAt.decode(remote.client().query(remote.chain(), ValidatorsContract.NAME,
                    ValidatorsContract.ROSTER, new byte[0]));
            if (json) {
                var root = Json.MAPPER.createObjectNode().put("chain", remote.chain()).put("from", r.from());
                var open = root.putArray("openProposals");
                for (Proposal p : openProposals(remote)) {
                    var o = open.addObject().put("number", p.number()).put("change", p.change().toString());
                    p.approvals().forEach(o.putArray("approvals")::add);
                }
                var nodes = root.putArray("nodes");
                for (NodeInfo n : r.roster().nodes()) {
                    nodes.addObject().put("id", n.id()).put("org", n.org()).put("address", n.address())
                            .put("api", n.api()).put("power", r.roster().validator(n.id()).map(Validator::power)
                            .orElse(0L));
                }
                Json.print(out, root);
            } else {
                out.printf("chain %s: roster in force from height %d, total power %d%n", remote.chain(), r.from(),
                        r.roster().totalPower());
                for (NodeInfo n : r.roster().nodes()) {
                    long p = r.roster().validator(n.id()).map(Validator::power).orElse(0L);
                    out.printf("  %-16s %-10s %-24s %s%n", n.id(), n.org(), n.address(),
                            p > 0 ? "validator, power " + p : "replica");
                }
                printOpen(out, remote, r);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static List<Proposal> openProposals(RemoteOptions remote) throws java.io.IOException {
        return ValidatorsContract.decodeOpen(remote.client().query(remote.chain(), ValidatorsContract.NAME,
                ValidatorsContract.OPEN, new byte[0]));
    }

    static void printOpen(PrintWriter out, RemoteOptions remote, RosterAt r) throws java.io.IOException {
        List<Proposal> open = openProposals(remote);
        if (open.isEmpty()) {
            out.println("no open proposal");
        }
        for (Proposal p : open) {
            long power = 0;
            for (String org : p.approvals()) {
                power += r.roster().powerOf(org);
            }
            out.printf("proposal %d: %s; approved by %s (power %d of %d; more than two thirds enacts it)%n",
                    p.number(), p.change(), String.join(", ", p.approvals()), power, r.roster().totalPower());
        }
    }

    /** One change: add a node from its description file, or remove one. */
    static final class Change {
        @Option(names = "--add", paramLabel = "FILE", description = "Add the node this description file gives "
                + "(node-info.yaml from 'validators new-node').")
        Path add;

        @Option(names = "--remove", paramLabel = "NODE", description = "Remove this node.")
        String remove;
    }

    @Command(name = "propose", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Propose adding or removing a node, as an organisation that runs a validator of the chain "
                    + "(your approval counts at once; enacted, from the next height, when approvals hold more than two"
                    + " thirds of the power).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:proposed (or enacted)",
                "1:the contract refused it", "2:bad input or refused by the node", "3:node unreachable"})
    static final class Propose extends RemoteCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Change change;

        @Option(names = "--power", defaultValue = "1", paramLabel = "N",
                description = "Voting power of an added node; 0: it hosts a replica and does not vote (default: 1).")
        long power;

        @Override
        protected Integer work() throws Exception {
            RosterChange c = change.add != null ? RosterChange.add(GenesisFile.loadNode(change.add), power)
                    : RosterChange.remove(change.remove);
            int code = submit(ValidatorsContract.NAME, ValidatorsContract.PROPOSE, c.encode(), "proposal to " + c);
            if (code == ExitCodes.OK && !json) {
                printOpen(out(), remote, RosterAt.decode(remote.client().query(remote.chain(),
                        ValidatorsContract.NAME, ValidatorsContract.ROSTER, new byte[0])));
                out().flush();
            }
            return code;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a proposal, as an organisation that runs a validator of the chain.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:approved (or enacted)",
                "1:the contract refused it (unknown, closed, already approved)", "2:bad input or refused by the node",
                "3:node unreachable"})
    static final class Approve extends RemoteCommand {
        @Parameters(index = "0", paramLabel = "PROPOSAL", description = "The proposal's number (printed by propose"
                + " and show).")
        long number;

        @Override
        protected Integer work() throws Exception {
            return submit(ValidatorsContract.NAME, ValidatorsContract.APPROVE, ValidatorsContract.number(number),
                    "approval of proposal " + number);
        }
    }

    @Command(name = "new-node", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Prepare a node to add to a consortium network made by 'genesis network --consortium': its"
                    + " directory under DIR/nodes with its own keys, node.yaml and node-info.yaml. Start it with"
                    + " 'network start'; it waits as a listener until the validators add it.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "2:bad input (nothing written)"})
    static final class NewNode implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The network's directory.")
        Path dir;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The new node's id.")
        String id;

        @Option(names = "--org", required = true, paramLabel = "ID", description = "Its organisation.")
        String org;

        @Option(names = "--chains", required = true, split = ",", paramLabel = "C1,C2",
                description = "The chains it will host.")
        List<String> chains;

        @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
                description = "The address other nodes reach it at (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--replication-port", defaultValue = "0", paramLabel = "PORT",
                description = "Its replication port (default: a free port of this machine).")
        int replicationPort;

        @Option(names = "--api-port", defaultValue = "0", paramLabel = "PORT",
                description = "Its REST API port (default: a free port of this machine).")
        int apiPort;

        @Option(names = "--https", description = "Serve its REST API over HTTPS.")
        boolean https;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try {
                NodeAddition.Added a = NodeAddition.write(dir, id, org, chains, host,
                        new int[] {replicationPort, apiPort}, https, Duration.ofDays(365), new SecureRandom(),
                        Instant.now());
                out.printf("node %s of %s written to %s%n  replication %s, API %s%n  its roster entry: %s%n"
                        + "next: energychain network start --dir %s --node %s, then, as an organisation that runs a"
                        + " validator: energychain validators propose --chain C --add %s%n", id, org, a.dir(),
                        a.info().address(), a.info().api(), a.nodeInfo(), dir, id, a.nodeInfo());
                out.flush();
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("validators new-node: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
