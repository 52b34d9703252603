package org.energychain.trading.market;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The events the market contract emits, one per step, so that a directory, a wallet or an auditor can
 * follow trades and money without polling state. Trade events carry a {@link TradeEvent}, money events an
 * {@link AccountEvent}, {@code market-configured} the new {@link MarketConfig}.
 */
public final class MarketEvents {
    public static final String DEPOSITED = "deposited";
    public static final String WITHDRAWN = "withdrawn";
    public static final String CONFIGURED = "market-configured";
    public static final String PURCHASED = "trade-purchased";
    public static final String DELIVERED = "trade-delivered";
    public static final String RECEIVED = "trade-received";
    public static final String KEY_REVEALED = "key-revealed";
    public static final String ACCEPTED = "trade-accepted";
    public static final String DISPUTED = "trade-disputed";
    /** Escrow paid back to the buyer (after a dispute or a missed deadline). */
    public static final String REFUNDED = "trade-refunded";
    /** Escrow paid to the seller (after acceptance or the dispute window). */
    public static final String RELEASED = "trade-released";

    private MarketEvents() {
    }

    /**
     * A trade step: which trade, its listing and parties, the amount concerned (the price) and the status
     * after the step. Encoding: tag {@code EC/trade-event/v1}, string tradeId, string listingId, string
     * seller, string buyer, i64 amount, u8 status.
     */
    public record TradeEvent(String tradeId, String listingId, String seller, String buyer, long amount,
            TradeStatus status) {
        public static final String TAG = "EC/trade-event/v1";

        static TradeEvent of(TradeState t) {
            return new TradeEvent(t.tradeId(), t.listingId(), t.seller(), t.buyer(), t.price(), t.status());
        }

        public byte[] encode() {
            return new CanonicalWriter(256).tag(TAG).string(tradeId).string(listingId).string(seller).string(buyer)
                    .i64(amount).u8(status.ordinal()).toByteArray();
        }

        public static TradeEvent decode(byte[] bytes) {
            CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
            String tradeId = r.string("tradeId");
            String listingId = r.string("listingId");
            String seller = r.string("seller");
            String buyer = r.string("buyer");
            long amount = r.i64("amount");
            int status = r.u8("status");
            if (status >= TradeStatus.values().length) {
                throw new IllegalArgumentException("status: unknown value " + status);
            }
            TradeEvent e = new TradeEvent(tradeId, listingId, seller, buyer, amount, TradeStatus.values()[status]);
            r.end();
            return e;
        }
    }

    /**
     * Money in or out: account, amount, the off-chain reference and the balance after. Encoding: tag
     * {@code EC/account-event/v1}, string account, i64 amount, string reference, i64 balance.
     */
    public record AccountEvent(String account, long amount, String reference, long balance) {
        public static final String TAG = "EC/account-event/v1";

        public byte[] encode() {
            return new CanonicalWriter(128).tag(TAG).string(account).i64(amount).string(reference).i64(balance)
                    .toByteArray();
        }

        public static AccountEvent decode(byte[] bytes) {
            CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
            AccountEvent e = new AccountEvent(r.string("account"), r.i64("amount"), r.string("reference"),
                    r.i64("balance"));
            r.end();
            return e;
        }
    }
}
