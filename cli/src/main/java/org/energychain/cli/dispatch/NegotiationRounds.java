package org.energychain.cli.dispatch;

import static org.energychain.cli.dispatch.NegotiationCalls.CONTRACT;
import static org.energychain.cli.dispatch.NegotiationCalls.demand;
import static org.energychain.cli.dispatch.NegotiationCalls.milli;
import static org.energychain.cli.dispatch.NegotiationCalls.publishedGrid;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Set;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.dispatch.io.BusMapFile;
import org.energychain.dispatch.io.LoadShares;
import org.energychain.dispatch.negotiation.AcceptancePolicy;
import org.energychain.dispatch.negotiation.DemandRef;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.MeritOrderPlanner;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.energychain.dispatch.negotiation.Participant;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.negotiation.QpPlanner;
import org.energychain.dispatch.negotiation.RejectReason;
import org.energychain.dispatch.negotiation.Round;
import org.energychain.dispatch.negotiation.VoteArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The rounds of a negotiation: {@code dispatch propose} (the round's proposer plans and submits),
 * {@code vote} (a source accepts or rejects by its policy) and {@code close-round} (after the deadline).
 */
final class NegotiationRounds {
    private NegotiationRounds() {
    }

    /** {@code dispatch propose}. */
    @Command(name = "propose", mixinStandardHelpOptions = true, sortOptions = false,
            description = "As the open round's proposer, plan the demand from the participants' published policies "
                    + "(leaving out the sources that rejected earlier rounds for their limits or price) and submit it.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:proposed", "1:refused by the contract",
                "2:bad input, no feasible plan, or refused by the node", "3:node unreachable"})
    static final class Propose extends RemoteCommand {
        @Option(names = "--demand", required = true, paramLabel = "ID", description = "Demand id.")
        String demandId;

        @Option(names = "--solver", defaultValue = "qp", paramLabel = "qp|merit-order",
                description = "qp: EconomicDispatch (ojAlgo, whole horizon, ramps with look-ahead); merit-order: exact "
                        + "integer merit order, interval by interval (fast for large cases). Default: ${DEFAULT-VALUE}.")
        String solver;

        @Option(names = "--co2-price", defaultValue = "0", paramLabel = "PER_TONNE",
                description = "Clean-energy preference: shadow CO2 price per tonne (default: ${DEFAULT-VALUE}).")
        BigDecimal co2Price;

        @Option(names = "--network", paramLabel = "FILE.m",
                description = "Plan within the line limits of this MATPOWER case (its branches, and its bus loads as "
                        + "the demand's split over buses), the whole horizon as one DC-OPF; needs --bus-map. Without "
                        + "it, a grid published on the chain (publish-grid) is planned within.")
        java.nio.file.Path network;

        @Option(names = "--bus-map", paramLabel = "FILE.csv",
                description = "Where each source connects to the --network: lines 'source,bus' ('#' comments).")
        java.nio.file.Path busMap;

        @Option(names = "--n1-security", description = "Within a grid (--network or the chain's), keep every line within "
                + "its limit after any single branch outage as well (N-1).")
        boolean n1;

        @Override
        protected Integer work() throws Exception {
            if ((network == null) != (busMap == null)) {
                throw new IllegalArgumentException("--network and --bus-map go together");
            }
            DemandState s = demand(remote, demandId);
            Round r = s.current();
            if (s.status() != org.energychain.dispatch.negotiation.DemandRecord.Status.OPEN) {
                throw new IllegalArgumentException("demand " + demandId + " is closed (" + s.status() + ")");
            }
            if (remote.member() != null && !r.proposer().equals(remote.member())) {
                throw new IllegalArgumentException("the proposer of round " + r.number() + " of " + demandId + " is "
                        + r.proposer() + ", not " + remote.member());
            }
            Set<String> excluded = MeritOrderPlanner.excludedAfter(s);
            org.energychain.dispatch.negotiation.GridArgs grid = network == null ? publishedGrid(remote) : null;
            ProposeArgs plan;
            try {
                plan = network != null ? networkPlan(s, r.number(), excluded)
                        : grid != null ? org.energychain.dispatch.negotiation.NetworkPlanner.plan(demandId, r.number(),
                                s.demand().profileKw(), s.demand().intervalMinutes(), s.participants(), excluded,
                                milli(co2Price, "--co2-price"), grid.network(), grid.busOf(), grid.loadShare(), n1)
                        : switch (solver) {
                    case "qp" -> QpPlanner.plan(demandId, r.number(), s.demand().profileKw(),
                            s.demand().intervalMinutes(), s.participants(), excluded, co2Price.doubleValue());
                    case "merit-order" -> MeritOrderPlanner.plan(demandId, r.number(), s.demand().profileKw(),
                            s.participants(), excluded, milli(co2Price, "--co2-price"));
                    default -> throw new IllegalArgumentException("--solver must be qp or merit-order, got " + solver);
                };
            } catch (IllegalStateException | org.energychain.dispatch.plan.InfeasibleDispatchException e) {
                throw new IllegalArgumentException("no plan for " + demandId + ": " + e.getMessage(), e);
            }
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.PROPOSE, plan.encode(),
                    spec.commandLine().getOut(), json, "plan for round " + r.number() + " of " + demandId);
        }

        private ProposeArgs networkPlan(DemandState s, int round, Set<String> excluded) throws java.io.IOException {
            org.energychain.dispatch.plan.MatpowerCase mpc = org.energychain.dispatch.plan.MatpowerReader.read(network);
            return org.energychain.dispatch.negotiation.NetworkPlanner.plan(demandId, round, s.demand().profileKw(),
                    s.demand().intervalMinutes(), s.participants(), excluded, milli(co2Price, "--co2-price"),
                    mpc.network(), BusMapFile.read(busMap, mpc.network().buses()),
                    LoadShares.of(mpc, network), n1);
        }
    }

    /** {@code dispatch vote}. */
    @Command(name = "vote", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Vote on the open round's plan as the signing source: by its own published policy (limits, "
                    + "ramp, minimum price), unless --accept or --reject says otherwise.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:vote recorded", "1:refused by the contract",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class VoteCommand extends RemoteCommand {
        @Option(names = "--demand", required = true, paramLabel = "ID", description = "Demand id.")
        String demandId;

        @Option(names = "--accept", description = "Accept whatever the policy says.")
        boolean accept;

        @Option(names = "--reject", description = "Reject whatever the policy says.")
        boolean reject;

        @Option(names = "--reason", paramLabel = "REASON", defaultValue = "other",
                description = "With --reject: limit, ramp, price or other (default: ${DEFAULT-VALUE}).")
        String reason;

        @Override
        protected Integer work() throws Exception {
            if (accept && reject) {
                throw new IllegalArgumentException("--accept and --reject exclude each other");
            }
            if (remote.member() == null) {
                throw new IllegalArgumentException("vote needs --member and --key (the vote is signed)");
            }
            DemandState s = demand(remote, demandId);
            Round r = s.current();
            ProposeArgs plan = s.plan(r.number());
            if (plan == null) {
                throw new IllegalArgumentException("round " + r.number() + " of " + demandId + " has no plan yet");
            }
            VoteArgs v;
            if (accept) {
                v = new VoteArgs(demandId, r.number(), true, RejectReason.NONE);
            } else if (reject) {
                RejectReason why = RejectReason.byCode(reason);
                if (why == RejectReason.NONE || why == RejectReason.SILENT) {
                    throw new IllegalArgumentException("--reason must be limit, ramp, price or other");
                }
                v = new VoteArgs(demandId, r.number(), false, why);
            } else {
                Participant me = s.participants().stream().filter(p -> p.sourceId().equals(remote.member()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(remote.member()
                                + " is not a source of " + demandId));
                v = new AcceptancePolicy(me.sourceId(), me.policy()).vote(plan, s.demand().profileKw().size());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (!json) {
                out.printf("%s %s round %d of %s%s%n", remote.member(), v.accept() ? "accepts" : "rejects", r.number(),
                        demandId, v.accept() ? "" : " (" + v.reason().code() + ")");
            }
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.VOTE, v.encode(), out, json,
                    "vote on round " + r.number() + " of " + demandId);
        }
    }

    /** {@code dispatch close-round}. */
    @Command(name = "close-round", mixinStandardHelpOptions = true, sortOptions = false,
            description = "After the open round's deadline, tally it (missing votes do not accept) and open the next "
                    + "round or fail the demand. Any member may.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:closed", "1:refused (e.g. before the deadline)",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class CloseRound extends RemoteCommand {
        @Option(names = "--demand", required = true, paramLabel = "ID", description = "Demand id.")
        String demandId;

        @Option(names = "--round", paramLabel = "N", description = "Round (default: the open one).")
        Integer round;

        @Override
        protected Integer work() throws Exception {
            int n = round != null ? round : demand(remote, demandId).current().number();
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.CLOSE_ROUND,
                    new DemandRef(demandId, n).encode(), spec.commandLine().getOut(), json,
                    "close of round " + n + " of " + demandId);
        }
    }
}
