package org.energychain.cli.dispatch;

import static org.energychain.cli.dispatch.NegotiationCalls.CONTRACT;
import static org.energychain.cli.dispatch.NegotiationCalls.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.NegotiationConfig;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.energychain.dispatch.negotiation.OpenDemands;
import org.energychain.dispatch.negotiation.Participant;
import org.energychain.dispatch.negotiation.PlanRow;
import org.energychain.dispatch.negotiation.PolicyList;
import org.energychain.dispatch.negotiation.PostDemandArgs;
import org.energychain.dispatch.negotiation.ProposeArgs;
import org.energychain.dispatch.negotiation.Round;
import org.energychain.dispatch.negotiation.SourcePolicy;
import org.energychain.dispatch.negotiation.Vote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dispatch inspect}: a demand with its weights, rounds, plans and votes, or the chain's overview. */
final class NegotiationInspect {
    private NegotiationInspect() {
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
