package org.energychain.trading.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.trading.TradingRoles;

/**
 * The trading chain's catalogue ({@code catalog}, paper II.C): groups publish summary blocks of data
 * they hold, update them and withdraw them; everyone can read them. The events it emits are what the
 * summary directory tree ({@code org.energychain.trading.directory}) is built from, and each carries
 * the full {@link ListingRecord} so a directory entry can be checked against its transaction.
 * Stateless and deterministic.
 *
 * <p>Methods (docs/catalog.md):
 * <ul>
 *   <li>submit {@code publish} (GROUP): {@link Listing}; the listing's group must be the sender; the id
 *       must be new; stores version 1, ACTIVE; emits {@value #PUBLISHED}.</li>
 *   <li>submit {@code update} (GROUP, the seller, while ACTIVE): {@link Listing} with the same id;
 *       version + 1; emits {@value #UPDATED}.</li>
 *   <li>submit {@code withdraw} (GROUP, the seller, while ACTIVE): {@link WithdrawArgs}; status
 *       WITHDRAWN, version + 1; emits {@value #WITHDRAWN}.</li>
 *   <li>query {@code listing} (any member): {@link WithdrawArgs}-shaped id argument, see
 *       {@link #idArgs}; &rarr; {@link ListingRecord}.</li>
 *   <li>query {@code listings} (any member): {@link ListingsQuery} &rarr; {@link ListingPage}.</li>
 * </ul>
 */
public final class CatalogContract implements Contract {
    public static final String NAME = "catalog";
    public static final String PUBLISH = "publish";
    public static final String UPDATE = "update";
    public static final String WITHDRAW = "withdraw";
    public static final String LISTING = "listing";
    public static final String LISTINGS = "listings";

    public static final String PUBLISHED = "summary-published";
    public static final String UPDATED = "summary-updated";
    public static final String WITHDRAWN = "summary-withdrawn";

    private static final Map<String, MethodSpec> METHODS = Map.of(
            PUBLISH, MethodSpec.submit(TradingRoles.GROUP),
            UPDATE, MethodSpec.submit(TradingRoles.GROUP),
            WITHDRAW, MethodSpec.submit(TradingRoles.GROUP),
            LISTING, MethodSpec.query(),
            LISTINGS, MethodSpec.query());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, MethodSpec> methods() {
        return METHODS;
    }

    /**
     * The argument of the {@code listing} query: the id, encoded like {@link WithdrawArgs}
     * (tag {@code EC/listing-withdraw/v1}, string id) since both name one listing.
     */
    public static byte[] idArgs(String listingId) {
        return new WithdrawArgs(listingId).encode();
    }

    @Override
    public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
        switch (method) {
            case PUBLISH -> publish(ctx, args);
            case UPDATE -> update(ctx, args);
            case WITHDRAW -> withdraw(ctx, args);
            default -> throw CommonCodes.unknownMethod(NAME, method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case LISTING -> {
                String id = ContractArgs.decode(LISTING, args, WithdrawArgs::decode).id();
                byte[] v = ctx.get(ListingRecord.key(id));
                if (v == null) {
                    throw new ContractException(CatalogCodes.NOT_FOUND, LISTING + ": no listing " + id);
                }
                yield v;
            }
            case LISTINGS -> listings(ctx, ContractArgs.decode(LISTINGS, args, ListingsQuery::decode));
            default -> throw CommonCodes.unknownMethod(NAME, method);
        };
    }

    private static void publish(TxContext ctx, byte[] args) throws ContractException {
        Listing l = ContractArgs.decode(PUBLISH, args, Listing::decode);
        requireOwnGroup(ctx, l, PUBLISH);
        String key = ListingRecord.key(l.id());
        if (ctx.get(key) != null) {
            throw new ContractException(CatalogCodes.DUPLICATE, PUBLISH + ": listing " + l.id() + " already exists");
        }
        ListingRecord rec = new ListingRecord(ctx.sender(), 1, ListingRecord.Status.ACTIVE, ctx.txId(),
                ctx.blockHeight(), l);
        byte[] encoded = rec.encode();
        ctx.put(key, encoded);
        String countKey = countKey(ctx.sender());
        long n = readCount(ctx.get(countKey));
        ctx.put(seqKey(ctx.sender(), n), l.id().getBytes(StandardCharsets.UTF_8));
        ctx.put(countKey, new CanonicalWriter(8).i64(n + 1).toByteArray());
        ctx.emit(PUBLISHED, encoded);
    }

    private static void update(TxContext ctx, byte[] args) throws ContractException {
        Listing l = ContractArgs.decode(UPDATE, args, Listing::decode);
        ListingRecord old = existingOwnActive(ctx, l.id(), UPDATE);
        requireOwnGroup(ctx, l, UPDATE);
        ListingRecord rec = new ListingRecord(old.seller(), old.version() + 1, ListingRecord.Status.ACTIVE,
                ctx.txId(), ctx.blockHeight(), l);
        byte[] encoded = rec.encode();
        ctx.put(ListingRecord.key(l.id()), encoded);
        ctx.emit(UPDATED, encoded);
    }

    private static void withdraw(TxContext ctx, byte[] args) throws ContractException {
        WithdrawArgs a = ContractArgs.decode(WITHDRAW, args, WithdrawArgs::decode);
        ListingRecord old = existingOwnActive(ctx, a.id(), WITHDRAW);
        ListingRecord rec = new ListingRecord(old.seller(), old.version() + 1, ListingRecord.Status.WITHDRAWN,
                ctx.txId(), ctx.blockHeight(), old.listing());
        byte[] encoded = rec.encode();
        ctx.put(ListingRecord.key(a.id()), encoded);
        ctx.emit(WITHDRAWN, encoded);
    }

    private static ListingRecord existingOwnActive(TxContext ctx, String id, String method) throws ContractException {
        byte[] v = ctx.get(ListingRecord.key(id));
        if (v == null) {
            throw new ContractException(CatalogCodes.NOT_FOUND, method + ": no listing " + id);
        }
        ListingRecord old = ListingRecord.decode(v);
        if (!old.seller().equals(ctx.sender())) {
            throw new ContractException(CatalogCodes.NOT_SELLER, method + ": listing " + id + " is sold by "
                    + old.seller() + ", not by " + ctx.sender());
        }
        if (!old.active()) {
            throw new ContractException(CatalogCodes.WITHDRAWN, method + ": listing " + id
                    + " was withdrawn at height " + old.height());
        }
        return old;
    }

    private static void requireOwnGroup(TxContext ctx, Listing l, String method) throws ContractException {
        if (!l.group().equals(ctx.sender())) {
            throw new ContractException(CatalogCodes.WRONG_GROUP, method + ": listing " + l.id() + " is a summary of group "
                    + l.group() + "'s data; sender " + ctx.sender()
                    + " may only list data it holds (the group level must be the sender's member id)");
        }
    }

    private static byte[] listings(QueryContext ctx, ListingsQuery q) {
        long total = readCount(ctx.get(countKey(q.seller())));
        List<ListingRecord> records = new ArrayList<>();
        for (long i = q.from(); i < total && i < q.from() + q.limit(); i++) {
            byte[] id = ctx.get(seqKey(q.seller(), i));
            byte[] v = id == null ? null : ctx.get(ListingRecord.key(new String(id, StandardCharsets.UTF_8)));
            if (v == null) {
                throw new IllegalStateException("listing " + i + " of seller " + q.seller() + " is missing from state");
            }
            records.add(ListingRecord.decode(v));
        }
        return new ListingPage(total, q.from(), records).encode();
    }

    private static String countKey(String seller) {
        return "seller-count/" + seller;
    }

    private static String seqKey(String seller, long n) {
        String digits = Long.toString(n);
        return "seller-seq/" + seller + "/" + "0".repeat(Math.max(0, 16 - digits.length())) + digits;
    }

    private static long readCount(byte[] v) {
        if (v == null) {
            return 0;
        }
        CanonicalReader r = new CanonicalReader(v);
        long n = r.i64("count");
        r.end();
        return n;
    }
}
