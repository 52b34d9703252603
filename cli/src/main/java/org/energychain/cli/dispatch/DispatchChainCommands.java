package org.energychain.cli.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.RemoteOptions;
import org.energychain.cli.common.SignedCalls;
import org.energychain.dispatch.io.BusMapFile;
import org.energychain.dispatch.io.DemandProfileFile;
import org.energychain.dispatch.io.LoadShares;
import org.energychain.dispatch.negotiation.AcceptancePolicy;
import org.energychain.dispatch.negotiation.DemandRef;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.MeritOrderPlanner;
import org.energychain.dispatch.negotiation.NegotiationConfig;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.energychain.dispatch.negotiation.OpenDemands;
import org.energychain.dispatch.negotiation.Participant;
import org.energychain.dispatch.negotiation.PlanRow;
import org.energychain.dispatch.negotiation.PolicyList;
import org.energychain.dispatch.negotiation.PostDemandArgs;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.negotiation.QpPlanner;
import org.energychain.dispatch.negotiation.RejectReason;
import org.energychain.dispatch.negotiation.Round;
import org.energychain.dispatch.negotiation.SourcePolicy;
import org.energychain.dispatch.negotiation.Vote;
import org.energychain.dispatch.negotiation.VoteArgs;
import org.energychain.dispatch.weight.Technology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The negotiation on the dispatch chain from the command line, through a running node (contract
 * {@code dispatch-negotiation}, see docs/dispatch.md): {@code dispatch post}, {@code publish-policy},
 * {@code propose}, {@code vote}, {@code close-round}, {@code inspect}. Transactions are signed as
 * {@code --member} with {@code --key}; each command waits for its receipt.
 */
final class DispatchChainCommands {
    static final String CONTRACT = NegotiationContract.NAME;

    private DispatchChainCommands() {
    }

    static DemandState demand(RemoteOptions remote, String id) throws IOException {
        return DemandState.decode(remote.client().query(remote.chain(), CONTRACT, NegotiationContract.DEMAND,
                DemandRef.of(id).encode()));
    }

    static long milli(BigDecimal perMwh, String option) {
        try {
            return perMwh.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(option + " " + perMwh + ": at most 3 decimals (milli-currency per MWh)");
        }
    }

    /** {@code dispatch post}. */
    @Command(name = "post", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Post a demand (GRID or LOAD): a profile in kW per interval from --profile FILE (CSV or JSON) or "
                    + "--kw; the contract computes every source's weight from the chain.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:posted", "1:refused by the contract",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class Post extends RemoteCommand {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "Demand id.")
        String id;

        @Option(names = "--period", required = true, paramLabel = "TEXT", description = "The period, e.g. 2026-06-02/P1D.")
        String period;

        @Option(names = "--interval-minutes", defaultValue = "15", paramLabel = "MIN",
                description = "Length of one interval (default: ${DEFAULT-VALUE}).")
        int intervalMinutes;

        @Option(names = "--profile", paramLabel = "FILE", description = "Profile: CSV (kW per line or interval,kW) or JSON.")
        Path profile;

        @Option(names = "--kw", split = ",", paramLabel = "KW,KW", description = "Profile on the command line.")
        List<Long> kw;

        @Option(names = "--sources", split = ",", paramLabel = "ID,ID",
                description = "Participants (default: every source with a published policy).")
        List<String> sources = new ArrayList<>();

        @Option(names = "--max-rounds", defaultValue = "3", paramLabel = "N", description = "1..10 (default: ${DEFAULT-VALUE}).")
        int maxRounds;

        @Option(names = "--round-seconds", defaultValue = "0", paramLabel = "S",
                description = "Deadline of each round after it opens (0: the chain's configuration).")
        long roundSeconds;

        @Override
        protected Integer work() throws Exception {
            if ((profile == null) == (kw == null)) {
                throw new IllegalArgumentException("give the profile with exactly one of --profile FILE and --kw");
            }
            List<Long> p = profile != null ? DemandProfileFile.read(profile) : kw;
            PostDemandArgs a = new PostDemandArgs(id, period, intervalMinutes, p, sources, maxRounds,
                    Math.multiplyExact(roundSeconds, 1000));
            NegotiationContract.validateDemand(a);
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.POST_DEMAND, a.encode(),
                    spec.commandLine().getOut(), json, "demand " + id);
        }
    }

    /** {@code dispatch publish-policy}. */
    @Command(name = "publish-policy", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Publish the signing source's acceptance policy: technology, output limits, ramp, offered price "
                    + "and the lowest clearing price at which it accepts to run.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:published", "1:refused by the contract",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class PublishPolicy extends RemoteCommand {
        @Option(names = "--technology", required = true, paramLabel = "TECH",
                description = "coal, gas, biomass, solar-pv, geothermal, solar-csp, hydro, nuclear, wind-offshore, wind-onshore.")
        String technology;

        @Option(names = "--min-kw", defaultValue = "0", paramLabel = "KW", description = "Minimum output when running.")
        long minKw;

        @Option(names = "--max-kw", required = true, paramLabel = "KW", description = "Maximum output.")
        long maxKw;

        @Option(names = "--ramp-kw", defaultValue = "0", paramLabel = "KW", description = "Largest change per interval (0: none).")
        long rampKw;

        @Option(names = "--price", required = true, paramLabel = "PER_MWH", description = "Offered price per MWh.")
        BigDecimal price;

        @Option(names = "--min-price", defaultValue = "0", paramLabel = "PER_MWH",
                description = "Lowest clearing price per MWh at which it accepts to run (default: ${DEFAULT-VALUE}).")
        BigDecimal minPrice;

        @Override
        protected Integer work() throws Exception {
            SourcePolicy p = new SourcePolicy(Technology.byCode(technology), minKw, maxKw, rampKw, milli(price, "--price"),
                    milli(minPrice, "--min-price"));
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.PUBLISH_POLICY, p.encode(),
                    spec.commandLine().getOut(), json, "policy of " + remote.member());
        }
    }

    /** {@code dispatch publish-grid}. */
    @Command(name = "publish-grid", mixinStandardHelpOptions = true, sortOptions = false,
            description = "As the grid company (GRID), publish the transmission network on the dispatch chain: the "
                    + "case's buses with their share of the load, its in-service branches with their limits, and each "
                    + "source's bus. From then on the contract refuses a plan whose DC flows overload a line.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:published", "1:refused by the contract",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class PublishGrid extends RemoteCommand {
        @Option(names = "--case", required = true, paramLabel = "FILE.m", description = "MATPOWER case of the grid.")
        java.nio.file.Path caseFile;

        @Option(names = "--bus-map", paramLabel = "FILE.csv",
                description = "Where each source connects: lines 'source,bus' ('#' comments). Default: the case's "
                        + "generators G1, G2, ... at their buses.")
        java.nio.file.Path busMap;

        @Option(names = "--id", paramLabel = "ID", description = "Name of this grid version (default: the case file's name).")
        String id;

        @Option(names = "--tolerance-ppm", defaultValue = "1000", paramLabel = "PPM",
                description = "How far a flow may exceed its line's limit, in ppm of the limit, for kW rounding "
                        + "(default: ${DEFAULT-VALUE}).")
        long tolerancePpm;

        @Override
        protected Integer work() throws Exception {
            org.energychain.dispatch.plan.MatpowerCase mpc = org.energychain.dispatch.plan.MatpowerReader.read(caseFile);
            java.util.Map<String, Integer> buses;
            if (busMap != null) {
                buses = BusMapFile.read(busMap, mpc.network().buses());
            } else {
                buses = new java.util.LinkedHashMap<>();
                for (org.energychain.dispatch.plan.Unit u : mpc.units()) {
                    buses.put(u.id(), u.bus());
                }
            }
            String name = id != null ? id : caseFile.getFileName().toString().replaceFirst("\\.m$", "");
            org.energychain.dispatch.negotiation.GridArgs g = org.energychain.dispatch.negotiation.GridArgs.fromCase(
                    name, mpc, buses, tolerancePpm);
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.PUBLISH_GRID, g.encode(),
                    spec.commandLine().getOut(), json, "grid " + name + " (" + g.buses().size() + " buses, "
                            + g.branches().size() + " branches, " + g.sources().size() + " sources)");
        }
    }

    /** The grid published on the chain, or null if none. */
    static org.energychain.dispatch.negotiation.GridArgs publishedGrid(RemoteOptions remote) throws IOException {
        try {
            return org.energychain.dispatch.negotiation.GridArgs.decode(remote.client().query(remote.chain(), CONTRACT,
                    NegotiationContract.GRID, new byte[0]));
        } catch (org.energychain.node.client.NodeClientException e) {
            if (e.status() == 422) {
                return null; // the contract's answer: no grid has been published
            }
            throw e;
        }
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

    /** {@code dispatch inspect}. */
    @Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Show a demand: weights and their factors, each round's plan, votes with reasons, the outcome. "
                    + "Without --demand: the configuration, the published policies and the open demands.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:shown", "2:bad input or unknown demand",
                "3:node unreachable"})
    static final class Inspect extends RemoteCommand {
        @Option(names = "--demand", paramLabel = "ID", description = "Demand id.")
        String demandId;

        @Override
        protected Integer work() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ObjectNode n = demandId == null ? overview() : view(demand(remote, demandId));
            if (json) {
                Json.print(out, n);
            } else {
                printText(out, n);
            }
            return ExitCodes.OK;
        }

        private ObjectNode overview() throws IOException {
            var c = remote.client();
            NegotiationConfig cfg = NegotiationConfig.decode(c.query(remote.chain(), CONTRACT, NegotiationContract.CONFIG,
                    new byte[0]));
            ObjectNode n = Json.MAPPER.createObjectNode();
            ObjectNode k = n.putObject("config");
            k.put("tradedPpm", cfg.coefficients().tradedPpm()).put("cleannessPpm", cfg.coefficients().cleannessPpm())
                    .put("socialPpm", cfg.coefficients().socialPpm()).put("pricePpm", cfg.coefficients().pricePpm())
                    .put("capPpm", cfg.coefficients().capPpm()).put("lookbackMillis", cfg.lookbackMillis())
                    .put("roundMillis", cfg.roundMillis()).put("tolerancePpm", cfg.tolerancePpm())
                    .put("defaultSocialPpm", cfg.defaultSocialPpm());
            ArrayNode ps = n.putArray("policies");
            PolicyList.decode(c.query(remote.chain(), CONTRACT, NegotiationContract.POLICIES, new byte[0])).policies()
                    .forEach((id, p) -> policy(ps.addObject().put("source", id), p));
            ArrayNode open = n.putArray("openDemands");
            OpenDemands.decode(c.query(remote.chain(), CONTRACT, NegotiationContract.OPEN_DEMANDS, new byte[0]))
                    .demandIds().forEach(open::add);
            return n;
        }

        private void printText(PrintWriter out, ObjectNode n) {
            if (!n.has("demand")) {
                out.println("configuration: " + n.get("config"));
                out.println("policies:");
                n.get("policies").forEach(p -> out.println("  " + p));
                out.println("open demands: " + n.get("openDemands"));
                out.flush();
                return;
            }
            JsonNode d = n.get("demand");
            out.printf("demand %s (%s), %d intervals of %d min, posted by %s: %s%s%n", d.get("id").asText(),
                    d.get("period").asText(), d.get("profileKw").size(), d.get("intervalMinutes").asInt(),
                    d.get("poster").asText(), d.get("status").asText(),
                    d.get("committedRound").asInt() > 0 ? " in round " + d.get("committedRound").asInt() : "");
            out.println("weights (ppm) and factors: W kWh, R ppm, S ppm, M per MWh");
            for (JsonNode p : n.get("participants")) {
                out.printf("  %-12s %9d   W %12.1f  R %8d  S %8d  M %10.3f  %s%n", p.get("source").asText(),
                        p.get("ppm").asLong(), p.get("energyKwh").asDouble(), p.get("cleannessPpm").asLong(),
                        p.get("socialPpm").asLong(), p.get("price").asDouble(), p.get("technology").asText());
            }
            for (JsonNode r : n.get("rounds")) {
                out.printf("round %d: proposer %s, deadline %s, %s, accepting %d ppm, rejecting %d ppm%n",
                        r.get("number").asInt(), r.get("proposer").asText(), r.get("deadline").asText(),
                        r.get("outcome").asText(), r.get("acceptPpm").asLong(), r.get("rejectPpm").asLong());
                if (r.has("plan")) {
                    r.get("plan").get("rows").properties().forEach(e -> out.printf("  plan %-12s %s kW%n", e.getKey(),
                            e.getValue()));
                    out.printf("  prices (milli per MWh) %s%n", r.get("plan").get("pricesMilli"));
                }
                for (JsonNode v : r.get("votes")) {
                    out.printf("  vote %-12s %-7s %9d ppm%s%n", v.get("voter").asText(),
                            v.get("accept").asBoolean() ? "accept" : "reject", v.get("ppm").asLong(),
                            v.get("accept").asBoolean() ? "" : " (" + v.get("reason").asText() + ")");
                }
            }
            out.flush();
        }
    }

    static void policy(ObjectNode n, SourcePolicy p) {
        n.put("technology", p.technology().code()).put("minKw", p.minKw()).put("maxKw", p.maxKw())
                .put("rampKw", p.rampKw()).put("price", p.priceMilli() / 1000.0).put("minPrice", p.minPriceMilli() / 1000.0);
    }

    /** The JSON view of a demand, as {@code inspect --json} prints it (docs/dispatch.md). */
    static ObjectNode view(DemandState s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        PostDemandArgs a = s.demand();
        ObjectNode d = n.putObject("demand");
        d.put("id", a.demandId()).put("period", a.period()).put("intervalMinutes", a.intervalMinutes());
        ArrayNode prof = d.putArray("profileKw");
        a.profileKw().forEach(prof::add);
        d.put("poster", s.record().poster()).put("postedAt", Instant.ofEpochMilli(s.record().postedAtMillis()).toString())
                .put("status", s.status().name()).put("committedRound", s.record().committedRound())
                .put("maxRounds", a.maxRounds()).put("roundMillis", s.record().roundMillis())
                .put("tolerancePpm", s.record().tolerancePpm());
        ArrayNode ps = n.putArray("participants");
        for (Participant p : s.participants()) {
            ObjectNode o = ps.addObject().put("source", p.sourceId()).put("ppm", p.ppm())
                    .put("energyKwh", p.energyKwMin() / 60.0).put("cleannessPpm", p.cleannessPpm())
                    .put("socialPpm", p.socialPpm());
            policy(o, p.policy());
        }
        ArrayNode rounds = n.putArray("rounds");
        for (Round r : s.rounds()) {
            ObjectNode o = rounds.addObject().put("number", r.number()).put("proposer", r.proposer())
                    .put("openedAt", Instant.ofEpochMilli(r.openedAtMillis()).toString())
                    .put("deadline", Instant.ofEpochMilli(r.deadlineMillis()).toString())
                    .put("outcome", r.outcome().name()).put("acceptPpm", r.acceptPpm()).put("rejectPpm", r.rejectPpm());
            ProposeArgs plan = s.plan(r.number());
            if (plan != null) {
                ObjectNode po = o.putObject("plan");
                ObjectNode rows = po.putObject("rows");
                for (PlanRow row : plan.plan()) {
                    ArrayNode kw = rows.putArray(row.sourceId());
                    row.kw().forEach(kw::add);
                }
                ArrayNode prices = po.putArray("pricesMilli");
                plan.pricesMilli().forEach(prices::add);
            }
            ArrayNode votes = o.putArray("votes");
            for (Vote v : s.votes(r.number())) {
                votes.addObject().put("voter", v.voter()).put("ppm", v.ppm()).put("accept", v.accept())
                        .put("reason", v.reason().code());
            }
        }
        return n;
    }
}
