package org.energychain.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.energychain.crypto.Hex;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.JsonViews;
import org.energychain.supervision.contract.Anchor;
import org.energychain.supervision.contract.Destruction;
import org.energychain.supervision.contract.Filing;
import org.energychain.supervision.contract.Page;
import org.energychain.supervision.contract.PageArgs;
import org.energychain.supervision.contract.PeriodAnchorContract;
import org.energychain.supervision.contract.RegulatoryFilingContract;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.TradePage;
import org.energychain.trading.market.TradeState;
import org.energychain.trading.market.TradesQuery;

/**
 * The group operator's page: on every chain where this node's organisation is a group, its anchored
 * periods with {@code Hash_G} and the plants' roots, its filings with their status, its destruction
 * records, and on trading chains its listings and their sales. (The ingested readings themselves stay in
 * the group's own store; the chain holds what was anchored and filed.) The first page of each list (100).
 */
final class GroupViews {
    private final Node node;
    private final BuyerViews catalogue;

    GroupViews(Node node, BuyerViews catalogue) {
        this.node = node;
        this.catalogue = catalogue;
    }

    ObjectNode group() {
        ObjectNode out = JsonViews.MAPPER.createObjectNode();
        ArrayNode chains = out.putArray("chains");
        for (HostedChain c : node.chains()) {
            boolean group = c.genesis().member(c.member()).map(m -> m.roles().contains(SupervisionRoles.GROUP))
                    .orElse(false);
            if (!group) {
                continue;
            }
            ObjectNode n = JsonViews.MAPPER.createObjectNode().put("id", c.id()).put("member", c.member());
            var contracts = c.genesis().contracts();
            PageArgs mine = PageArgs.first(c.member());
            if (contracts.contains(PeriodAnchorContract.NAME)) {
                anchors(n.putArray("anchors"), Page.decode(MemberWrites.query(c, PeriodAnchorContract.NAME,
                        PeriodAnchorContract.ANCHORS, mine.encode()), Anchor::decode));
                destructions(n.putArray("destructions"), Page.decode(MemberWrites.query(c, PeriodAnchorContract.NAME,
                        PeriodAnchorContract.DESTRUCTIONS, mine.encode()), Destruction::decode));
            }
            if (contracts.contains(RegulatoryFilingContract.NAME)) {
                ArrayNode filings = n.putArray("filings");
                Page.decode(MemberWrites.query(c, RegulatoryFilingContract.NAME, RegulatoryFilingContract.FILINGS,
                        mine.encode()), Filing::decode).items().forEach(f -> filings.add(RegulatorViews.view(f)));
                if (!n.has("destructions")) {
                    destructions(n.putArray("destructions"), Page.decode(MemberWrites.query(c,
                            RegulatoryFilingContract.NAME, RegulatoryFilingContract.DESTRUCTIONS, mine.encode()),
                            Destruction::decode));
                }
            }
            if (catalogue.chains().contains(c.id())) {
                ObjectNode found = catalogue.search(c, Map.of("path", "*/*/*/" + c.member(), "limit", "1000"));
                n.set("listings", found.get("listings"));
                ArrayNode sales = n.putArray("sales");
                TradePage page = TradePage.decode(MemberWrites.query(c, MarketContract.NAME, MarketContract.TRADES,
                        TradesQuery.first(TradesQuery.By.SELLER, c.member()).encode()));
                for (TradeState t : page.trades()) {
                    sales.addObject().put("tradeId", t.tradeId()).put("listingId", t.listingId()).put("buyer", t.buyer())
                            .put("price", t.price()).put("status", t.status().name())
                            .put("purchasedAt", t.purchased().time().toString());
                }
            }
            chains.add(n);
        }
        return out;
    }

    private static void anchors(ArrayNode out, Page<Anchor> page) {
        for (Anchor a : page.items()) {
            ObjectNode n = out.addObject().put("periodStart", a.period().start().toString())
                    .put("periodEnd", a.period().endExclusive().toString()).put("version", a.period().version())
                    .put("hash", a.args().hash()).put("groupRoot", Hex.encode(a.groupRoot()))
                    .put("anchoredAt", a.recorded().time().toString()).put("height", a.recorded().height());
            ArrayNode plants = n.putArray("plants");
            a.args().plants().forEach(p -> plants.addObject().put("plant", p.plantId()).put("root", Hex.encode(p.root())));
        }
    }

    private static void destructions(ArrayNode out, Page<Destruction> page) {
        for (Destruction d : page.items()) {
            DestructionRecord r = d.record();
            out.addObject().put("id", r.id()).put("plant", r.plantId() == null ? "all plants" : r.plantId())
                    .put("from", r.from().toString()).put("to", r.toExclusive().toString()).put("reason", r.reason())
                    .put("readingsDeleted", r.readingsDeleted()).put("days", r.days().size())
                    .put("recordedAt", d.recorded().time().toString()).put("height", d.recorded().height());
        }
    }
}
