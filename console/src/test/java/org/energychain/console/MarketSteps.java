package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.DepositArgs;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.TradePage;
import org.energychain.trading.market.TradeState;
import org.energychain.trading.market.TradesQuery;

/**
 * The market steps the buyer's console tests share, taken on the chain {@code trading} of a {@link ConsoleNode}
 * with the keys of {@link BuyerBrowserTest}: the seller G1's listing and the platform's deposit for buyer B, the
 * seller's outbox that the node's delivery route serves, and B's trades as the market contract lists them.
 */
final class MarketSteps {
    private MarketSteps() {
    }

    /** G1 publishes {@code listing} (its first transaction) and PLAT deposits 10,000 minor units for B. */
    static void listAndFund(ConsoleNode node, Listing listing, String depositReference) throws Exception {
        assertThat(ConsoleNode.commit(node.node, "trading", "G1", BuyerBrowserTest.G1.privateKey(), 0, "catalog",
                "publish", listing.encode())).isZero();
        assertThat(ConsoleNode.commit(node.node, "trading", "PLAT", BuyerBrowserTest.PLAT.privateKey(), 0,
                MarketContract.NAME, MarketContract.DEPOSIT, new DepositArgs("B", 10_000, depositReference).encode()))
                .isZero();
    }

    /** Puts {@code p} in the outbox of the node whose data directory is {@code nodeDir}. */
    static void serve(Path nodeDir, DeliveryPackage p) throws IOException {
        Path outbox = Files.createDirectories(nodeDir.resolve("deliveries"));
        Files.write(outbox.resolve(DeliveryPackage.fileName(p.tradeId())), p.encode());
    }

    /** B's trades, first page. */
    static List<TradeState> tradesOfB(ConsoleNode node) {
        return TradePage.decode(MemberWrites.query(node.node.chain("trading").orElseThrow(), MarketContract.NAME,
                MarketContract.TRADES, TradesQuery.first(TradesQuery.By.BUYER, "B").encode())).trades();
    }
}
