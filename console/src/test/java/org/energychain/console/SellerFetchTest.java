package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.node.HostedChain;
import org.energychain.node.api.ApiError;
import org.energychain.node.client.DeliveryReceipt;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.DepositArgs;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.PurchaseArgs;
import org.energychain.trading.market.TradeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's fetch of a bought package from the seller's endpoint when the seller's side goes wrong:
 * an endpoint that is not a delivery path (nothing is sent to it), a seller's node that cannot be reached,
 * and one that sends more than the trade's package can be. Each is refused in words and nothing is
 * confirmed on chain. Buyer B's node runs the trading chain; G1 sells and delivers with its key in the test.
 */
class SellerFetchTest {
    static final byte[] DATA = new byte[5_000];
    static ConsoleNode node;
    static HostedChain chain;
    static BuyerViews buyer;
    static HttpServer seller;
    static final List<String> asked = new CopyOnWriteArrayList<>();
    static long g1Nonce;
    static long bNonce;

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode(BuyerBrowserTest.TRADING, "B", BuyerBrowserTest.B.privateKey());
        chain = node.node.chain("trading").orElseThrow();
        buyer = new BuyerViews(node.node);
        assertThat(ConsoleNode.commit(node.node, "trading", "PLAT", BuyerBrowserTest.PLAT.privateKey(), 0,
                MarketContract.NAME, MarketContract.DEPOSIT, new DepositArgs("B", 10_000, "ref-7").encode())).isZero();
        // a seller's server that answers every request with twice the bytes a package of the trade can have
        seller = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        seller.createContext("/", ex -> {
            asked.add(ex.getRequestURI().getRawPath());
            byte[] body = new byte[(int) (2 * DeliveryPackage.encodedSize("SHA-256", "ab".repeat(32), DATA.length))];
            ex.sendResponseHeaders(200, 0); // chunked: no length declared, the buyer counts what arrives
            ex.getResponseBody().write(body);
            ex.close();
        });
        seller.start();
    }

    @AfterAll
    static void stop() {
        if (seller != null) {
            seller.stop(0);
        }
        if (buyer != null) {
            buyer.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** G1 lists a dataset at {@code endpoint}, B buys it and G1 commits its delivery: the trade. */
    private static TradeState deliveredTrade(String unit, String endpoint) throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Listing l = new Listing("D1/G1/" + unit, "SHA-256", ContentRoot.root(HashFunctions.SHA256, DATA), DATA.length,
                "solar", "generation-profile", "East", "G1", unit, "time-series", "active_power", "kW", t0,
                t0.plusSeconds(86_400L), 100, "single use", endpoint);
        assertThat(ConsoleNode.commit(node.node, "trading", "G1", BuyerBrowserTest.G1.privateKey(), g1Nonce++, "catalog",
                "publish", l.encode())).isZero();
        assertThat(ConsoleNode.commit(node.node, "trading", "B", BuyerBrowserTest.B.privateKey(), bNonce++,
                MarketContract.NAME, MarketContract.PURCHASE, new PurchaseArgs(l.id(), 1, 100).encode())).isZero();
        TradeState t = MarketSteps.tradesOfB(node).stream()
                .filter(x -> x.listingId().equals(l.id())).findFirst().orElseThrow();
        DeliveryPackage p = DeliveryPackage.seal(HashFunctions.SHA256, t.tradeId(), DATA,
                DeliveryPackage.newKey(new SecureRandom()));
        assertThat(ConsoleNode.commit(node.node, "trading", "G1", BuyerBrowserTest.G1.privateKey(), g1Nonce++,
                MarketContract.NAME, MarketContract.DELIVER, p.deliverArgs("B").encode())).isZero();
        return t;
    }

    private static String status(TradeState t) {
        return TradeState.decode(MemberWrites.query(chain, MarketContract.NAME, MarketContract.TRADE,
                new org.energychain.trading.market.TradeRef(t.tradeId()).encode())).status().name();
    }

    @Test
    void anEndpointThatIsNotADeliveryPathIsNeverAsked() throws Exception {
        String own = "http://127.0.0.1:" + seller.getAddress().getPort();
        TradeState t = deliveredTrade("S-ENDPOINT", own + "/chains/business-b/events");
        int before = asked.size();
        assertThatThrownBy(() -> buyer.receiveFromSeller(chain, t.tradeId()))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage())
                        .startsWith("nothing was fetched: the listing's endpoint " + own + "/chains/business-b/events"
                                + " is not a delivery path of chain trading")
                        .contains("receive it from a file"));
        assertThat(asked).hasSize(before);
        assertThat(status(t)).isEqualTo("DELIVERED");
    }

    @Test
    void anUnreachableSellerIsSaidInWords() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        TradeState t = deliveredTrade("S-GONE", "http://127.0.0.1:" + closed + "/chains/trading/market/deliveries");
        assertThatThrownBy(() -> buyer.receiveFromSeller(chain, t.tradeId()))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).startsWith("the seller's node did not hand over the package: cannot reach "
                            + "http://127.0.0.1:" + closed).contains("try again later, or receive the package from a file");
                });
        assertThat(status(t)).isEqualTo("DELIVERED");
    }

    @Test
    void aSellerSendingMoreThanThePackageCanBeIsCutOffAndRefused() throws Exception {
        String own = "http://127.0.0.1:" + seller.getAddress().getPort();
        TradeState t = deliveredTrade("S-LONG", own + "/chains/trading/market/deliveries");
        long size = DeliveryReceipt.packageBytes(t);
        assertThatThrownBy(() -> buyer.receiveFromSeller(chain, t.tradeId()))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).startsWith("the package does not match the delivery on chain")
                            .contains("more than the " + size + " bytes expected");
                });
        assertThat(asked).contains("/chains/trading/market/deliveries/" + t.tradeId());
        assertThat(status(t)).isEqualTo("DELIVERED");
    }
}
