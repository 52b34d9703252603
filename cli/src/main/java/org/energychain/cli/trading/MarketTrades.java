package org.energychain.cli.trading;

import static org.energychain.cli.trading.MarketCommand.MARKET;
import static org.energychain.cli.trading.MarketCommand.describe;
import static org.energychain.cli.trading.MarketCommand.json;
import static org.energychain.cli.trading.MarketCommand.listing;
import static org.energychain.cli.trading.MarketCommand.trade;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.Remote;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.crypto.HashFunction;
import org.energychain.node.client.NodeClient;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.market.FairExchange;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.PurchaseArgs;
import org.energychain.trading.market.TradePage;
import org.energychain.trading.market.TradeRef;
import org.energychain.trading.market.TradeState;
import org.energychain.trading.market.TradesQuery;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Offering, buying and following trades: {@code market offer}, {@code buy}, {@code settle} (a missed
 * deadline closes the trade), {@code trade} and {@code history}.
 */
final class MarketTrades {
    private MarketTrades() {
    }

    @Command(name = "offer", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Offer D1 datasets for sale: publishes their summary blocks (same as 'catalog publish').")
    static final class Offer extends CatalogCommand.Publish {
    }

    @Command(name = "buy", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Buy a listed dataset: the price moves from your balance into escrow. Prints the trade id.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:bought", "1:the contract refused it",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class Buy extends RemoteCommand {
        @Option(names = "--listing", required = true, paramLabel = "ID")
        String listing;

        @Option(names = "--max-price", paramLabel = "MINOR_UNITS", description = "Refuse to pay more (default: the listed price).")
        Long maxPrice;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("buy");
            NodeClient client = remote.client();
            ListingRecord r = listing(client, remote.chain(), listing);
            long max = maxPrice != null ? maxPrice : r.listing().price();
            SignedCalls.Outcome o = SignedCalls.submitAll(remote, MARKET, MarketContract.PURCHASE,
                    List.of(new PurchaseArgs(listing, r.version(), max).encode())).get(0);
            HashFunction h = Remote.chainHash(client, remote.chain());
            String tradeId = FairExchange.tradeId(h, o.txId());
            if (json) {
                Json.print(out(), Json.MAPPER.createObjectNode().put("tradeId", o.ok() ? tradeId : null)
                        .put("txId", o.txId()).put("code", o.code()).put("message", o.message()).put("height", o.height())
                        .put("price", r.listing().price()).put("seller", r.seller()));
            } else if (o.ok()) {
                out().printf("bought %s from %s for %d (in escrow): trade %s%n", listing, r.seller(),
                        r.listing().price(), tradeId);
            } else {
                out().printf("purchase refused by the contract, code %d: %s%n", o.code(), o.message());
            }
            out().flush();
            return o.ok() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }


    @Command(name = "settle", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Apply a missed deadline of a trade (refund the buyer, or release to the seller); anyone may.")
    static final class Settle extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Override
        protected Integer work() throws Exception {
            remote.requireSigner("settle");
            return submit(MARKET, MarketContract.SETTLE, new TradeRef(trade).encode(),
                    "settlement of trade " + trade);
        }
    }


    @Command(name = "trade", mixinStandardHelpOptions = true, sortOptions = false,
            description = "One trade with every step: who, when, which transaction.")
    static final class Trade extends RemoteCommand {
        @Option(names = "--trade", required = true, paramLabel = "ID")
        String trade;

        @Override
        protected Integer work() throws Exception {
            TradeState t = trade(remote, trade);
            if (json) {
                Json.print(out(), json(t));
            } else {
                out().print(describe(t));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The trade history of a buyer, a seller or a listing.")
    static final class History extends RemoteCommand {
        static final class Who {
            @Option(names = "--buyer", paramLabel = "MEMBER")
            String buyer;

            @Option(names = "--seller", paramLabel = "MEMBER")
            String seller;

            @Option(names = "--listing", paramLabel = "ID")
            String listing;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Override
        protected Integer work() throws Exception {
            TradesQuery q = who.buyer != null ? TradesQuery.first(TradesQuery.By.BUYER, who.buyer)
                    : who.seller != null ? TradesQuery.first(TradesQuery.By.SELLER, who.seller)
                    : TradesQuery.first(TradesQuery.By.LISTING, who.listing);
            NodeClient client = remote.client();
            List<TradeState> all = new ArrayList<>();
            long total;
            while (true) {
                TradePage page = TradePage.decode(client.query(remote.chain(), MARKET, MarketContract.TRADES, q.encode()));
                all.addAll(page.trades());
                total = page.total();
                if (page.trades().isEmpty() || all.size() >= total) {
                    break;
                }
                q = new TradesQuery(q.by(), q.id(), page.from() + page.trades().size(), q.limit());
            }
            if (json) {
                ArrayNode arr = Json.MAPPER.createArrayNode();
                all.forEach(t -> arr.add(json(t)));
                Json.print(out(), arr);
            } else {
                out().printf("%d trade(s)%n", total);
                all.forEach(t -> out().print(describe(t)));
            }
            out().flush();
            return ExitCodes.OK;
        }
    }
}
