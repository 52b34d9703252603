package org.energychain.trading.market;

import static org.energychain.trading.market.MarketContract.DEPOSIT;
import static org.energychain.trading.market.MarketContract.WITHDRAW;
import static org.energychain.trading.market.MarketState.CONFIG_KEY;
import static org.energychain.trading.market.MarketState.SUPPLY_KEY;
import static org.energychain.trading.market.MarketState.balance;
import static org.energychain.trading.market.MarketState.setBalance;

import java.nio.charset.StandardCharsets;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.TxContext;

/**
 * The market's money outside trades: {@code deposit} (the platform credits money received off chain),
 * {@code withdraw} (a member takes money out) and {@code configure}. Deposits and withdrawals are the
 * only changes of the supply.
 */
final class MarketMoney {
    private MarketMoney() {
    }

    static void deposit(TxContext ctx, DepositArgs a) throws ContractException {
        String refKey = "deposit-ref/" + a.reference();
        if (ctx.get(refKey) != null) {
            throw new ContractException(MarketCodes.DUPLICATE, DEPOSIT + ": reference " + a.reference()
                    + " was already credited (in tx " + new String(ctx.get(refKey), StandardCharsets.UTF_8) + ")");
        }
        long supply = Wire.readI64(ctx.get(SUPPLY_KEY));
        long newSupply;
        try {
            newSupply = Math.addExact(supply, a.amount());
        } catch (ArithmeticException e) {
            throw new ContractException(MarketCodes.OVERFLOW, DEPOSIT + ": amount " + a.amount()
                    + " would overflow the supply " + supply);
        }
        long bal = balance(ctx, a.account()) + a.amount();
        ctx.put(SUPPLY_KEY, Wire.i64(newSupply));
        setBalance(ctx, a.account(), bal);
        ctx.put(refKey, ctx.txId().getBytes(StandardCharsets.UTF_8));
        ctx.emit(MarketEvents.DEPOSITED, new MarketEvents.AccountEvent(a.account(), a.amount(), a.reference(), bal)
                .encode());
    }

    static void withdraw(TxContext ctx, WithdrawArgs a) throws ContractException {
        String holder = ctx.sender();
        String refKey = "withdraw-ref/" + holder + "/" + a.reference();
        if (ctx.get(refKey) != null) {
            throw new ContractException(MarketCodes.DUPLICATE, WITHDRAW + ": " + holder + " already used payout reference "
                    + a.reference());
        }
        long bal = balance(ctx, holder);
        if (bal < a.amount()) {
            throw new ContractException(MarketCodes.INSUFFICIENT_FUNDS, WITHDRAW + ": " + holder + " holds " + bal
                    + ", cannot withdraw " + a.amount());
        }
        MarketState.add(ctx, SUPPLY_KEY, -a.amount());
        setBalance(ctx, holder, bal - a.amount());
        ctx.put(refKey, ctx.txId().getBytes(StandardCharsets.UTF_8));
        ctx.emit(MarketEvents.WITHDRAWN, new MarketEvents.AccountEvent(holder, a.amount(), a.reference(),
                bal - a.amount()).encode());
    }

    static void configure(TxContext ctx, MarketConfig c) {
        ctx.put(CONFIG_KEY, c.encode());
        ctx.emit(MarketEvents.CONFIGURED, c.encode());
    }

}
