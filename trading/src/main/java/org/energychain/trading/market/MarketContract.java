package org.energychain.trading.market;

import java.util.Map;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.ListingRecord;

/**
 * The data market of the trading chain (paper II.B): buyers pay for D1 datasets listed in the catalogue
 * and receive them encrypted, peer to peer, in a fair exchange (FairSwap-style, docs/market.md): the price
 * sits in escrow; the seller commits to the ciphertext and to the key; the buyer confirms it holds
 * ciphertext whose claimed plaintext leaves root to the listing's {@code Hash(D1)}; only then the seller
 * reveals the key on chain; a buyer who finds a chunk that does not decrypt to its claimed leaf proves
 * it with that one chunk and is refunded, otherwise the seller is paid. Every missed deadline has a
 * defined winner, and {@code settle} (anyone) applies it, since a contract cannot act by itself.
 *
 * <p>Money: balances in minor units, created only by {@code deposit} (PLATFORM, for money received off
 * chain) and destroyed only by {@code withdraw}; {@code sum(balances) + escrow == supply} after every
 * transaction. Stateless and deterministic: block time is the only clock. This class names the methods
 * and routes them: {@link MarketMoney} moves money in and out, {@link TradeSteps} runs the exchange,
 * {@link MarketState} holds the key layout.
 */
public final class MarketContract implements Contract {
    public static final String NAME = "market";
    /** The catalogue contract whose {@link ListingRecord}s are bought. */
    public static final String CATALOG = "catalog";

    public static final String DEPOSIT = "deposit";
    public static final String WITHDRAW = "withdraw";
    public static final String CONFIGURE = "configure";
    public static final String PURCHASE = "purchase";
    public static final String DELIVER = "deliver";
    public static final String CONFIRM_RECEIPT = "confirm-receipt";
    public static final String REVEAL_KEY = "reveal-key";
    public static final String ACCEPT = "accept";
    public static final String DISPUTE = "dispute";
    public static final String SETTLE = "settle";
    public static final String BALANCE = "balance";
    public static final String SUPPLY = "supply";
    public static final String CONFIG = "config";
    public static final String TRADE = "trade";
    public static final String TRADES = "trades";

    private static final String[] BUYERS = {TradingRoles.BUYER, TradingRoles.GRID, TradingRoles.GROUP};
    private static final Map<String, MethodSpec> METHODS = Map.ofEntries(
            Map.entry(DEPOSIT, MethodSpec.submit(TradingRoles.PLATFORM)),
            Map.entry(WITHDRAW, MethodSpec.submit()),
            Map.entry(CONFIGURE, MethodSpec.submit(TradingRoles.PLATFORM)),
            Map.entry(PURCHASE, MethodSpec.submit(BUYERS)),
            Map.entry(DELIVER, MethodSpec.submit()),
            Map.entry(CONFIRM_RECEIPT, MethodSpec.submit(BUYERS)),
            Map.entry(REVEAL_KEY, MethodSpec.submit()),
            Map.entry(ACCEPT, MethodSpec.submit(BUYERS)),
            Map.entry(DISPUTE, MethodSpec.submit(BUYERS)),
            Map.entry(SETTLE, MethodSpec.submit()),
            Map.entry(BALANCE, MethodSpec.query()),
            Map.entry(SUPPLY, MethodSpec.query()),
            Map.entry(CONFIG, MethodSpec.query()),
            Map.entry(TRADE, MethodSpec.query()),
            Map.entry(TRADES, MethodSpec.query()));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, MethodSpec> methods() {
        return METHODS;
    }

    @Override
    public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
        switch (method) {
            case DEPOSIT -> MarketMoney.deposit(ctx, ContractArgs.decode(method, args, DepositArgs::decode));
            case WITHDRAW -> MarketMoney.withdraw(ctx, ContractArgs.decode(method, args, WithdrawArgs::decode));
            case CONFIGURE -> MarketMoney.configure(ctx, ContractArgs.decode(method, args, MarketConfig::decode));
            case PURCHASE -> TradeSteps.purchase(ctx, ContractArgs.decode(method, args, PurchaseArgs::decode));
            case DELIVER -> TradeSteps.deliver(ctx, ContractArgs.decode(method, args, DeliverArgs::decode));
            case CONFIRM_RECEIPT -> TradeSteps.confirmReceipt(ctx, ContractArgs.decode(method, args, TradeRef::decode));
            case REVEAL_KEY -> TradeSteps.revealKey(ctx, ContractArgs.decode(method, args, RevealArgs::decode));
            case ACCEPT -> TradeSteps.accept(ctx, ContractArgs.decode(method, args, TradeRef::decode));
            case DISPUTE -> TradeSteps.dispute(ctx, ContractArgs.decode(method, args, DisputeProof::decode));
            case SETTLE -> TradeSteps.settle(ctx, ContractArgs.decode(method, args, TradeRef::decode));
            default -> throw CommonCodes.unknownMethod(NAME, method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case BALANCE -> {
                String account = ContractArgs.decode(method, args, AccountBalance::decode).account();
                yield new AccountBalance(account, MarketState.balance(ctx, account)).encode();
            }
            case SUPPLY -> MarketState.totals(ctx).encode();
            case CONFIG -> MarketState.config(ctx).encode();
            case TRADE -> MarketState.trade(ctx, TRADE, ContractArgs.decode(method, args, TradeRef::decode).tradeId())
                    .encode();
            case TRADES -> MarketState.trades(ctx, ContractArgs.decode(method, args, TradesQuery::decode)).encode();
            default -> throw CommonCodes.unknownMethod(NAME, method);
        };
    }
}
