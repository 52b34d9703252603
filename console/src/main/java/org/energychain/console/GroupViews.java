package org.energychain.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.energychain.crypto.Hex;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.genesis.Member;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.JsonViews;
import org.energychain.supervision.contract.Anchor;
import org.energychain.supervision.contract.AnchorQuery;
import org.energychain.supervision.contract.ContractCodes;
import org.energychain.supervision.contract.Destruction;
import org.energychain.supervision.contract.Filing;
import org.energychain.supervision.contract.Page;
import org.energychain.supervision.contract.PageArgs;
import org.energychain.supervision.contract.PeriodAnchorContract;
import org.energychain.supervision.contract.RegulatoryFilingContract;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.supervision.store.OffChainLocation;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.PeriodInfo;
import org.energychain.supervision.store.PeriodKey;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.TradePage;
import org.energychain.trading.market.TradeState;
import org.energychain.trading.market.TradesQuery;
import org.jspecify.annotations.Nullable;

/**
 * The group operator's page: on every chain where this node's organisation is a group, its anchored
 * periods with {@code Hash_G} and the plants' roots, its filings with their status, its destruction
 * records, and on trading chains its listings and their sales. The first page of each list (100). When the
 * node's configuration names the group's off-chain store ({@code console.offchain-db}), also the periods
 * ingested into it, the latest {@value #INGESTED_SHOWN} of each group, each with whether the business
 * chain anchored it (with the same {@code Hash_G}), so that a period ingested but never anchored shows.
 */
final class GroupViews {
    static final int INGESTED_SHOWN = 200;
    private final Node node;
    private final BuyerViews catalogue;
    private final Optional<OffChainLocation> store;

    GroupViews(Node node, BuyerViews catalogue) {
        this.node = node;
        this.catalogue = catalogue;
        this.store = node.console().offChainStore();
    }

    /** The periods the off-chain store holds for each of {@code groups}, or why they cannot be read. */
    private record Ingested(Map<String, List<PeriodInfo>> byGroup, @Nullable String problem) {
    }

    private Ingested ingested(Set<String> groups) {
        OffChainLocation where = store.orElseThrow();
        java.nio.file.Path file = where.sqliteFile();
        if (file != null && !Files.isRegularFile(file)) {
            return new Ingested(Map.of(), "the off-chain store " + where.describe() + " (console.offchain-db in "
                    + "node.yaml) does not exist: nothing ingested yet, or another file?");
        }
        Map<String, List<PeriodInfo>> byGroup = new LinkedHashMap<>();
        try (OffChainStore s = where.open(System.getenv())) {
            for (String g : groups) {
                byGroup.put(g, s.periods(g));
            }
        } catch (RuntimeException e) {
            return new Ingested(Map.of(), "cannot read the off-chain store " + where.describe() + ": " + e.getMessage());
        }
        return new Ingested(byGroup, null);
    }

    ObjectNode group() {
        ObjectNode out = JsonViews.MAPPER.createObjectNode();
        Ingested ingested = null;
        ObjectNode st = out.putObject("store").put("configured", store.isPresent());
        if (store.isPresent()) {
            Set<String> groups = new TreeSet<>();
            for (HostedChain c : node.chains()) {
                if (isGroup(c) && c.genesis().contracts().contains(PeriodAnchorContract.NAME)) {
                    groups.add(c.member());
                }
            }
            ingested = ingested(groups);
            st.put("location", store.get().describe());
            if (ingested.problem() != null) {
                st.put("problem", ingested.problem());
            }
        }
        ArrayNode chains = out.putArray("chains");
        for (HostedChain c : node.chains()) {
            if (!isGroup(c)) {
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
                if (ingested != null && ingested.problem() == null) {
                    List<PeriodInfo> periods = ingested.byGroup().getOrDefault(c.member(), List.of());
                    n.put("ingestedTotal", periods.size());
                    ArrayNode arr = n.putArray("ingested");
                    for (int i = periods.size() - 1; i >= Math.max(0, periods.size() - INGESTED_SHOWN); i--) {
                        arr.add(ingestedView(c, periods.get(i)));
                    }
                }
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

    private static boolean isGroup(HostedChain c) {
        return c.genesis().member(c.member()).map(m -> m.roles().contains(SupervisionRoles.GROUP)).orElse(false);
    }

    /** An ingested period and what the chain holds of it: anchored (with the same Hash_G or another) or not. */
    private static ObjectNode ingestedView(HostedChain c, PeriodInfo p) {
        ObjectNode n = JsonViews.MAPPER.createObjectNode().put("periodStart", p.key().start().toString())
                .put("periodEnd", p.key().endExclusive().toString()).put("version", p.key().version())
                .put("suite", p.suiteName()).put("groupRoot", Hex.encode(p.groupRoot())).put("plants", p.plantCount())
                .put("readings", p.importedReadingCount()).put("ingestedAt", p.createdAt().toString());
        Optional<Anchor> anchor = anchorOf(c, p.key());
        if (anchor.isEmpty()) {
            return n.put("anchor", "not anchored");
        }
        Anchor a = anchor.get();
        n.put("anchor", MessageDigest.isEqual(a.groupRoot(), p.groupRoot()) ? "anchored" : "anchored with another Hash_G")
                .put("anchoredRoot", Hex.encode(a.groupRoot())).put("anchoredAt", a.recorded().time().toString())
                .put("height", a.recorded().height());
        return n;
    }

    /** The anchor of exactly this period version on {@code c}, if there is one. */
    private static Optional<Anchor> anchorOf(HostedChain c, PeriodKey key) {
        Member me = c.genesis().member(c.member()).orElseThrow();
        try {
            return Optional.of(Anchor.decode(c.chain().query(PeriodAnchorContract.NAME, PeriodAnchorContract.GET_ANCHOR,
                    AnchorQuery.exact(key).encode(), me)));
        } catch (ContractException e) {
            if (e.code() == ContractCodes.NOT_FOUND) {
                return Optional.empty();
            }
            throw new ApiError(422, "CONTRACT_REJECTED", String.valueOf(e.getMessage()));
        }
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
