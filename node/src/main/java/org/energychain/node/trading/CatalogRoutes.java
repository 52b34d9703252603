package org.energychain.node.trading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.energychain.crypto.Hex;
import org.energychain.node.HostedChain;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.JsonViews;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.OpenApiPart;
import org.energychain.node.api.Routes;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.CatalogIndex;
import org.energychain.trading.directory.DirectoryNode;
import org.energychain.trading.directory.DirectoryPage;

/**
 * The platform's catalogue over REST (docs/api.md, "Catalogue"): search, browse with counts, one listing,
 * and a rebuild-and-compare check. Served only for chains whose catalogue this node keeps; every answer
 * names the chain height it reflects.
 */
final class CatalogRoutes implements NodeRoutes {
    private final Map<String, CatalogIndex> indexes = new LinkedHashMap<>();
    private final Runnable unshare;

    /** Serves {@code catalogs}; {@code unshare} takes them back from the node's other providers before they close. */
    CatalogRoutes(List<CatalogIndex> catalogs, Runnable unshare) {
        catalogs.forEach(c -> indexes.put(c.chainId(), c));
        this.unshare = unshare;
    }

    /** The description of these routes (catalog-openapi.json beside this class). */
    @Override
    public OpenApiPart openApi() {
        return OpenApiPart.resource(CatalogRoutes.class, "catalog-openapi.json");
    }

    @Override
    public void register(Routes r) {
        r.route(HandlerType.GET, "/chains/{chain}/catalog/listings", this::search);
        r.route(HandlerType.GET, "/chains/{chain}/catalog/tree", this::browse);
        r.route(HandlerType.GET, "/chains/{chain}/catalog/listing", this::listing);
        r.route(HandlerType.GET, "/chains/{chain}/catalog/verify", this::verify);
    }

    @Override
    public Optional<String> serving(HostedChain c) {
        return indexes.containsKey(c.id()) ? Optional.of("its catalogue") : Optional.empty();
    }

    @Override
    public void close() {
        unshare.run();
        indexes.values().forEach(CatalogIndex::close);
    }

    private CatalogIndex index(Context ctx) {
        String id = ctx.pathParam("chain");
        CatalogIndex c = indexes.get(id);
        if (c == null) {
            throw new ApiError(404, "NO_CATALOGUE", "this node keeps no catalogue of chain " + id
                    + (indexes.isEmpty() ? " (it is not a platform node)" : " (it keeps " + indexes.keySet() + ")"));
        }
        return c;
    }

    private void search(Context ctx) {
        CatalogIndex idx = index(ctx);
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (v.size() != 1) {
                throw new ApiError(400, "MALFORMED", "query parameter " + k + " given " + v.size() + " times");
            }
            params.put(k, v.get(0));
        });
        DirectoryPage page;
        try {
            page = idx.search(params);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", e.getMessage());
        }
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", idx.chainId())
                .put("height", page.height()).put("total", page.total());
        out.put("nextCursor", page.nextCursor());
        ArrayNode arr = out.putArray("listings");
        for (ListingRecord r : page.entries()) {
            arr.add(listing(r));
        }
        ctx.json(out);
    }

    private void browse(Context ctx) {
        CatalogIndex idx = index(ctx);
        CatalogIndex.Browse b;
        try {
            b = idx.browse(ctx.queryParam("path"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", e.getMessage());
        }
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", idx.chainId())
                .put("height", b.height()).put("path", String.join("/", b.prefix())).put("level", b.prefix().size());
        ArrayNode arr = out.putArray("children");
        for (DirectoryNode n : b.children()) {
            arr.addObject().put("name", n.name()).put("count", n.count());
        }
        ctx.json(out);
    }

    private void listing(Context ctx) {
        CatalogIndex idx = index(ctx);
        String id = ctx.queryParam("id");
        if (id == null || id.isEmpty()) {
            throw new ApiError(400, "MALFORMED", "give the listing id as ?id=");
        }
        CatalogIndex.ListingAt found = idx.listing(id);
        ListingRecord r = found.record().orElseThrow(() -> new ApiError(404, "NOT_FOUND",
                "no active listing " + id + " in the catalogue at height " + found.height()));
        ObjectNode out = listing(r);
        out.put("record", Hex.encode(r.encode())).put("catalogHeight", found.height());
        ctx.json(out);
    }

    private void verify(Context ctx) {
        CatalogIndex idx = index(ctx);
        CatalogIndex.Consistency c = idx.verify();
        ctx.json(JsonViews.MAPPER.createObjectNode().put("chain", idx.chainId()).put("height", c.height())
                .put("listings", c.listings()).put("digest", Hex.encode(c.digest()))
                .put("rebuiltHeight", c.rebuiltHeight()).put("rebuiltDigest", Hex.encode(c.rebuiltDigest()))
                .put("consistent", c.consistent()));
    }

    /** The JSON view of a listing record (docs/api.md). */
    static ObjectNode listing(ListingRecord r) {
        Listing l = r.listing();
        ObjectNode n = JsonViews.MAPPER.createObjectNode();
        n.put("id", l.id()).put("path", l.path()).put("energyType", l.energyType()).put("dataType", l.dataType())
                .put("region", l.region()).put("group", l.group()).put("unit", l.unit()).put("mathType", l.mathType())
                .put("measurement", l.measurement()).put("measurementUnit", l.measurementUnit())
                .put("from", l.from().toString()).put("to", l.to().toString()).put("hash", l.hash())
                .put("contentRoot", Hex.encode(l.contentRoot())).put("sizeBytes", l.sizeBytes()).put("price", l.price())
                .put("terms", l.terms()).put("endpoint", l.endpoint()).put("seller", r.seller())
                .put("version", r.version()).put("status", r.status().name().toLowerCase(Locale.ROOT))
                .put("txId", r.txId()).put("height", r.height());
        return n;
    }
}
