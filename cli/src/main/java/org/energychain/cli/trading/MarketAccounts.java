package org.energychain.cli.trading;

import static org.energychain.cli.trading.MarketCommand.MARKET;
import static org.energychain.cli.trading.MarketCommand.json;

import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.node.client.NodeClient;
import org.energychain.trading.market.AccountBalance;
import org.energychain.trading.market.DepositArgs;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.MarketTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The market's money and terms: {@code market deposit} (the platform credits an account), {@code balance} and
 * {@code configure} (the platform sets the deadlines of new trades).
 */
final class MarketAccounts {
    private MarketAccounts() {
    }

    @Command(name = "deposit", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Credit an account with money received off chain (the platform, as settlement agent).")
    static final class Deposit extends RemoteCommand {
        @Option(names = "--account", required = true, paramLabel = "MEMBER")
        String account;

        @Option(names = "--amount", required = true, paramLabel = "MINOR_UNITS")
        long amount;

        @Option(names = "--reference", defaultValue = "unreferenced", paramLabel = "TEXT",
                description = "e.g. the bank transfer id (default: ${DEFAULT-VALUE}).")
        String reference;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("deposit");
            return submit(MARKET, MarketContract.DEPOSIT, new DepositArgs(account, amount, reference).encode(),
                    "deposit of " + amount + " to " + account);
        }
    }

    @Command(name = "configure", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The platform sets the market's deadlines (ISO-8601 durations, e.g. PT24H); trades keep the "
                    + "deadlines in force when they were bought. Without options, prints the current ones.")
    static final class Configure extends RemoteCommand {
        @Option(names = "--deliver", paramLabel = "DURATION", description = "Purchase to delivery commitment.")
        java.time.Duration deliver;

        @Option(names = "--receipt", paramLabel = "DURATION", description = "Delivery to the buyer's receipt.")
        java.time.Duration receipt;

        @Option(names = "--reveal", paramLabel = "DURATION", description = "Receipt to the key reveal.")
        java.time.Duration reveal;

        @Option(names = "--dispute", paramLabel = "DURATION", description = "Key reveal to the end of the dispute window.")
        java.time.Duration dispute;

        @Override
        protected Integer work() throws Exception {
            org.energychain.trading.market.MarketConfig now = org.energychain.trading.market.MarketConfig.decode(
                    remote.client().query(remote.chain(), MARKET, MarketContract.CONFIG, new byte[0]));
            if (deliver == null && receipt == null && reveal == null && dispute == null) {
                if (json) {
                    Json.print(out(), Json.MAPPER.createObjectNode().put("deliver", now.deliver().toString())
                            .put("receipt", now.receipt().toString()).put("reveal", now.reveal().toString())
                            .put("dispute", now.dispute().toString()));
                } else {
                    out().printf("deliver %s, receipt %s, reveal %s, dispute %s%n", now.deliver(), now.receipt(),
                            now.reveal(), now.dispute());
                }
                out().flush();
                return ExitCodes.OK;
            }
            remote.requireSigner("configure");
            org.energychain.trading.market.MarketConfig next = new org.energychain.trading.market.MarketConfig(
                    deliver != null ? deliver : now.deliver(), receipt != null ? receipt : now.receipt(),
                    reveal != null ? reveal : now.reveal(), dispute != null ? dispute : now.dispute());
            return submit(MARKET, MarketContract.CONFIGURE, next.encode(), "market deadlines " + next);
        }
    }


    @Command(name = "balance", mixinStandardHelpOptions = true, sortOptions = false,
            description = "An account's balance, and the market's supply and escrow.")
    static final class Balance extends RemoteCommand {
        @Option(names = "--account", paramLabel = "MEMBER", description = "Default: --member.")
        String account;

        @Override
        protected Integer work() throws Exception {
            String a = account != null ? account : remote.member();
            if (a == null) {
                throw new IllegalArgumentException("give --account (or --member)");
            }
            NodeClient client = remote.client();
            AccountBalance b = AccountBalance.decode(client.query(remote.chain(), MARKET, MarketContract.BALANCE,
                    AccountBalance.of(a).encode()));
            MarketTotals t = MarketTotals.decode(client.query(remote.chain(), MARKET, MarketContract.SUPPLY, new byte[0]));
            if (json) {
                Json.print(out(), Json.MAPPER.createObjectNode().put("account", a).put("balance", b.balance())
                        .put("supply", t.supply()).put("escrow", t.escrow()).put("openTrades", t.openTrades()));
            } else {
                out().printf("%s: %d   (market: supply %d, in escrow %d, %d open trade(s))%n", a, b.balance(),
                        t.supply(), t.escrow(), t.openTrades());
            }
            out().flush();
            return ExitCodes.OK;
        }
    }
}
