package org.energychain.trading.market;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;

/**
 * The market's state and its keys (docs/market.md): balances, the money totals, trades and their
 * indexes by buyer, seller and listing, the open-trade guard, the configuration. Every read and write
 * of the market's namespace goes through here, so the key layout is in one place.
 */
final class MarketState {
    static final String SUPPLY_KEY = "supply";
    static final String ESCROW_KEY = "escrow";
    static final String OPEN_COUNT_KEY = "open-trades";
    static final String CONFIG_KEY = "config";

    private MarketState() {
    }

    /** Adds {@code delta} to the i64 counter at {@code key} (supply, escrow, open trades). */
    static void add(TxContext ctx, String key, long delta) {
        ctx.put(key, Wire.i64(Wire.readI64(ctx.get(key)) + delta));
    }

    static MarketTotals totals(QueryContext ctx) {
        return new MarketTotals(Wire.readI64(ctx.get(SUPPLY_KEY)), Wire.readI64(ctx.get(ESCROW_KEY)),
                Wire.readI64(ctx.get(OPEN_COUNT_KEY)));
    }

    static TradeState trade(QueryContext ctx, String method, String id) throws ContractException {
        byte[] v = ctx.get(tradeKey(id));
        if (v == null) {
            throw new ContractException(MarketCodes.NOT_FOUND, method + ": no trade " + id);
        }
        return TradeState.decode(v);
    }

    static void save(TxContext ctx, TradeState t) {
        ctx.put(tradeKey(t.tradeId()), t.encode());
    }

    static MarketConfig config(QueryContext ctx) {
        byte[] v = ctx.get(CONFIG_KEY);
        return v == null ? MarketConfig.DEFAULT : MarketConfig.decode(v);
    }

    static long balance(QueryContext ctx, String account) {
        return Wire.readI64(ctx.get(balanceKey(account)));
    }

    static void setBalance(TxContext ctx, String account, long value) {
        if (value < 0) {
            throw new IllegalStateException("balance of " + account + " would become " + value);
        }
        ctx.put(balanceKey(account), Wire.i64(value));
    }

    static void index(TxContext ctx, TradesQuery.By by, String id, String tradeId) {
        String count = indexCountKey(by, id);
        long n = Wire.readI64(ctx.get(count));
        ctx.put(indexKey(by, id, n), tradeId.getBytes(StandardCharsets.UTF_8));
        ctx.put(count, Wire.i64(n + 1));
    }

    static TradePage trades(QueryContext ctx, TradesQuery q) throws ContractException {
        long total = Wire.readI64(ctx.get(indexCountKey(q.by(), q.id())));
        List<TradeState> out = new ArrayList<>();
        for (long i = q.from(); i < total && i < q.from() + q.limit(); i++) {
            byte[] id = ctx.get(indexKey(q.by(), q.id(), i));
            if (id == null) {
                throw new IllegalStateException("trade index " + q.by() + " " + q.id() + " misses entry " + i);
            }
            out.add(trade(ctx, MarketContract.TRADES, new String(id, StandardCharsets.UTF_8)));
        }
        return new TradePage(total, q.from(), out);
    }

    static String balanceKey(String account) {
        return "balance/" + account;
    }

    static String tradeKey(String id) {
        return "trade/" + id;
    }

    /** {@code '|'} cannot occur in member or listing ids, so no key of one buyer is a prefix of another's. */
    static String openKey(String buyer, String listingId) {
        return "open/" + buyer + "|" + listingId;
    }

    private static String indexKey(TradesQuery.By by, String id, long n) {
        return "idx/" + by.name().toLowerCase(java.util.Locale.ROOT) + "/" + id + "|" + Wire.seq(n);
    }

    private static String indexCountKey(TradesQuery.By by, String id) {
        return "idx-count/" + by.name().toLowerCase(java.util.Locale.ROOT) + "/" + id;
    }}
