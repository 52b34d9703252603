package org.energychain.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.energychain.crypto.Hex;
import org.energychain.ledger.genesis.Member;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.JsonViews;
import org.energychain.supervision.contract.AckArgs;
import org.energychain.supervision.contract.Filing;
import org.energychain.supervision.contract.Page;
import org.energychain.supervision.contract.PageArgs;
import org.energychain.supervision.contract.RegulatoryFilingContract;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.supervision.store.PeriodKey;

/**
 * The regulator's pages: the filings inbox of every regulatory chain this node's organisation regulates
 * (pending and acknowledged), acknowledging a filing with a note (a signed {@code acknowledge}), and a
 * group's history as a timeline. Reads are the regulatory-filing contract's queries as the organisation.
 */
final class RegulatorViews {
    private final Node node;

    RegulatorViews(Node node) {
        this.node = node;
    }

    /** The chains with the regulatory-filing contract on which this node's organisation is the regulator. */
    List<HostedChain> regulated() {
        List<HostedChain> out = new ArrayList<>();
        for (HostedChain c : node.chains()) {
            boolean regulator = c.genesis().member(c.member()).map(m -> m.roles().contains(SupervisionRoles.REGULATOR))
                    .orElse(false);
            if (regulator && c.genesis().contracts().contains(RegulatoryFilingContract.NAME)) {
                out.add(c);
            }
        }
        return out;
    }

    private HostedChain regulatedChain(String id) {
        return regulated().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new ApiError(404,
                "NOT_REGULATED", "this node's organisation is not the regulator of a chain " + id));
    }

    /** Every group's filings on every regulated chain, newest first; {@code pendingOnly} keeps the unacknowledged. */
    ObjectNode inbox(boolean pendingOnly) {
        ObjectNode out = JsonViews.MAPPER.createObjectNode();
        ArrayNode chains = out.putArray("chains");
        for (HostedChain c : regulated()) {
            ObjectNode n = chains.addObject().put("id", c.id());
            ArrayNode filings = n.putArray("filings");
            List<Filing> all = new ArrayList<>();
            for (Member m : c.genesis().members()) {
                if (m.roles().contains(SupervisionRoles.GROUP)) {
                    all.addAll(filingsOf(c, m.id()));
                }
            }
            all.sort(Comparator.comparing((Filing f) -> f.filed().time()).reversed());
            for (Filing f : all) {
                if (!pendingOnly || !f.acknowledged()) {
                    filings.add(view(f));
                }
            }
        }
        return out;
    }

    /** A group's filings and acknowledgements on {@code chain}, as events in time order. */
    ObjectNode history(String chain, String group) {
        HostedChain c = regulatedChain(chain);
        if (c.genesis().member(group).filter(m -> m.roles().contains(SupervisionRoles.GROUP)).isEmpty()) {
            throw new ApiError(404, "NOT_FOUND", group + " is not a group on chain " + chain);
        }
        List<ObjectNode> events = new ArrayList<>();
        for (Filing f : filingsOf(c, group)) {
            events.add(event(f, "filed", f.filed().time().toString(), f.filed().height(), "filed by "
                    + f.filed().sender() + ", Hash_G " + Hex.encode(f.groupRoot())));
            f.ack().ifPresent(a -> events.add(event(f, "acknowledged", a.recorded().time().toString(),
                    a.recorded().height(), "acknowledged by " + a.regulator() + (a.note().isEmpty() ? ""
                            : ": " + a.note()))));
        }
        events.sort(Comparator.comparing((ObjectNode e) -> e.get("height").asLong()));
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", chain).put("group", group);
        ArrayNode list = out.putArray("events");
        events.forEach(list::add);
        return out;
    }

    private static ObjectNode event(Filing f, String kind, String time, long height, String text) {
        return JsonViews.MAPPER.createObjectNode().put("kind", kind).put("time", time).put("height", height)
                .put("period", f.period().start() + " .. " + f.period().endExclusive().minusDays(1)
                        + " (version " + f.period().version() + ")").put("text", text);
    }

    /** Acknowledges a filing as the organisation, with a note. */
    ObjectNode acknowledge(JsonNode body) {
        HostedChain c = regulatedChain(text(body, "chain", 100));
        PeriodKey key;
        try {
            key = new PeriodKey(text(body, "group", 100), LocalDate.parse(text(body, "periodStart", 10)),
                    LocalDate.parse(text(body, "periodEnd", 10)), body.path("version").asInt(1));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", "the filing's period: " + e.getMessage());
        }
        String note = body.path("note").asText("");
        if (note.length() > AckArgs.MAX_NOTE) {
            throw new ApiError(400, "MALFORMED", "a note has at most " + AckArgs.MAX_NOTE + " characters");
        }
        return MemberWrites.submit(c, RegulatoryFilingContract.NAME, RegulatoryFilingContract.ACKNOWLEDGE,
                new AckArgs(key, note).encode());
    }

    private static List<Filing> filingsOf(HostedChain c, String group) {
        List<Filing> out = new ArrayList<>();
        long from = 0;
        for (int page = 0; page < 10; page++) { // at most 1,000 filings of a group on one page of the console
            byte[] r = MemberWrites.query(c, RegulatoryFilingContract.NAME, RegulatoryFilingContract.FILINGS,
                    new PageArgs(group, from, PageArgs.MAX_LIMIT).encode());
            Page<Filing> p = Page.decode(r, Filing::decode);
            out.addAll(p.items());
            if (!p.hasMore()) {
                break;
            }
            from = p.from() + p.items().size();
        }
        return out;
    }

    static ObjectNode view(Filing f) {
        ObjectNode n = JsonViews.MAPPER.createObjectNode();
        n.put("group", f.period().groupId()).put("periodStart", f.period().start().toString())
                .put("periodEnd", f.period().endExclusive().toString()).put("version", f.period().version())
                .put("hash", f.args().hash()).put("groupRoot", Hex.encode(f.groupRoot()))
                .put("hashD2", Hex.encode(f.args().hashD2())).put("filedBy", f.filed().sender())
                .put("filedAt", f.filed().time().toString()).put("acknowledged", f.acknowledged());
        f.ack().ifPresent(a -> n.put("acknowledgedBy", a.regulator()).put("acknowledgedAt",
                a.recorded().time().toString()).put("note", a.note()));
        return n;
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty() || v.asText().length() > max) {
            throw new ApiError(400, "MALFORMED", "the request needs a text field \"" + field + "\" (at most " + max
                    + " characters)");
        }
        return v.asText();
    }
}
