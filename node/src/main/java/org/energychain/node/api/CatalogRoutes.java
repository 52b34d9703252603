package org.energychain.node.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.Hex;
import org.energychain.node.catalog.CatalogIndex;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.DirectoryNode;
import org.energychain.trading.directory.DirectoryPage;
import org.energychain.trading.directory.DirectoryQuery;
import org.energychain.trading.directory.SummaryDirectory;

/**
 * The platform's catalogue over REST (docs/api.md, "Catalogue"): search, browse with counts, one listing,
 * and a rebuild-and-compare check. Served only for chains whose catalogue this node keeps
 * ({@link CatalogIndex#serves}); every answer names the chain height it reflects.
 */
final class CatalogRoutes {
    interface Registrar {
        void route(HandlerType method, String path, Handler h);
    }

    private final Map<String, CatalogIndex> indexes = new LinkedHashMap<>();

    CatalogRoutes(List<CatalogIndex> catalogs) {
        catalogs.forEach(c -> indexes.put(c.chainId(), c));
    }

    void register(Registrar r) {
        r.route(HandlerType.GET, "/chains/{chain}/catalog/listings", this::search);
        r.route(HandlerType.GET, "/chains/{chain}/catalog/tree", this::browse);
        r.route(HandlerType.GET, "/chains/{chain}/catalog/listing", this::listing);
        r.route(HandlerType.GET, "/chains/{chain}/catalog/verify", this::verify);
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
        SummaryDirectory d = index(ctx).directory();
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (v.size() != 1) {
                throw new ApiError(400, "MALFORMED", "query parameter " + k + " given " + v.size() + " times");
            }
            params.put(k, v.get(0));
        });
        DirectoryQuery q;
        try {
            q = DirectoryQuery.parse(params);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", e.getMessage());
        }
        DirectoryPage page = d.query(q);
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", index(ctx).chainId())
                .put("height", page.height()).put("total", page.total());
        out.put("nextCursor", page.nextCursor());
        ArrayNode arr = out.putArray("listings");
        for (ListingRecord r : page.entries()) {
            arr.add(listing(r));
        }
        ctx.json(out);
    }

    private void browse(Context ctx) {
        SummaryDirectory d = index(ctx).directory();
        String path = ctx.queryParam("path");
        List<String> prefix = path == null || path.isEmpty() ? List.of() : Arrays.asList(path.split("/", -1));
        List<DirectoryNode> children;
        try {
            children = d.browse(prefix);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "MALFORMED", e.getMessage());
        }
        ObjectNode out = JsonViews.MAPPER.createObjectNode().put("chain", index(ctx).chainId())
                .put("height", d.height()).put("path", String.join("/", prefix)).put("level", prefix.size());
        ArrayNode arr = out.putArray("children");
        for (DirectoryNode n : children) {
            arr.addObject().put("name", n.name()).put("count", n.count());
        }
        ctx.json(out);
    }

    private void listing(Context ctx) {
        String id = ctx.queryParam("id");
        if (id == null || id.isEmpty()) {
            throw new ApiError(400, "MALFORMED", "give the listing id as ?id=");
        }
        SummaryDirectory d = index(ctx).directory();
        ListingRecord r = d.get(id).orElseThrow(() -> new ApiError(404, "NOT_FOUND",
                "no active listing " + id + " in the catalogue at height " + d.height()));
        ObjectNode out = listing(r);
        out.put("record", Hex.encode(r.encode())).put("catalogHeight", d.height());
        ctx.json(out);
    }

    private void verify(Context ctx) {
        CatalogIndex idx = index(ctx);
        SummaryDirectory running = idx.directory();
        // the digest covers height and contents; a block committed during the rebuild gets one retry
        SummaryDirectory rebuilt = idx.rebuild();
        if (rebuilt.height() != running.height()) {
            rebuilt = idx.rebuild();
        }
        long h = running.height();
        byte[] live = running.digest();
        boolean same = Arrays.equals(live, rebuilt.digest());
        ctx.json(JsonViews.MAPPER.createObjectNode().put("chain", idx.chainId()).put("height", h)
                .put("listings", running.size()).put("digest", Hex.encode(live))
                .put("rebuiltHeight", rebuilt.height()).put("rebuiltDigest", Hex.encode(rebuilt.digest()))
                .put("consistent", same));
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
                .put("version", r.version()).put("status", r.status().name().toLowerCase(java.util.Locale.ROOT))
                .put("txId", r.txId()).put("height", r.height());
        return n;
    }
}
