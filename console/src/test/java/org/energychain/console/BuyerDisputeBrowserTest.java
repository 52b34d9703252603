package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.market.CloseReason;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.PurchaseArgs;
import org.energychain.trading.market.RevealArgs;
import org.energychain.trading.market.TradeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The refund path in the console (demo step 13, {@code TradingCliTest}'s fraudulent delivery): seller G1
 * commits a delivery whose first chunk does not decrypt to the leaf it claims (the claimed leaves still form
 * the listing's {@code Hash(D1)}, so the package passes every check before receipt). Buyer B receives it
 * from G1's endpoint, and once G1 revealed the key disputes it in the console: the market contract checks
 * the proof of the bad chunk, refunds B and the page shows the refund and why.
 */
class BuyerDisputeBrowserTest {
    static final byte[] DATA = new byte[9_000];
    static ConsoleNode node;
    static Browser browser;

    @TempDir
    static Path dir;

    static {
        new Random(11).nextBytes(DATA);
    }

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode(List.of(BuyerBrowserTest.TRADING), "B", BuyerBrowserTest.B.privateKey(),
                dir.resolve("node"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Listing l = new Listing("D1/G1/G1-W009", "SHA-256", ContentRoot.root(HashFunctions.SHA256, DATA), DATA.length,
                "wind", "generation-profile", "North", "G1", "G1-W009", "time-series", "active_power", "kW", t0,
                t0.plusSeconds(86_400L * 31), 2_500, "single use", node.url("/chains/trading/market/deliveries"));
        MarketSteps.listAndFund(node, l, "bank-transfer-13");
        assertThat(ConsoleNode.commit(node.node, "trading", "B", BuyerBrowserTest.B.privateKey(), 0,
                MarketContract.NAME, MarketContract.PURCHASE, new PurchaseArgs(l.id(), 1, 2_500).encode())).isZero();
        browser = new Browser(1280, 800);
        browser.logIn(node);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    private static TradeState trade() {
        return MarketSteps.tradesOfB(node).get(0);
    }

    private void status(String expected) {
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".trade .status"), expected));
    }

    @Test
    void aBuyerDisputesADeliveryThatDoesNotMatchHashD1AndIsRefunded() throws Exception {
        TradeState t = trade();
        // the seller's fraud: the first encrypted chunk altered, the claimed leaves (and so Hash(D1)) the true ones
        byte[] key = DeliveryPackage.newKey(new SecureRandom());
        DeliveryPackage honest = DeliveryPackage.seal(HashFunctions.SHA256, t.tradeId(), DATA, key);
        List<byte[]> ct = new ArrayList<>(honest.ciphertexts());
        byte[] bad = ct.get(0).clone();
        bad[0] ^= 0x5a;
        ct.set(0, bad);
        DeliveryPackage fraud = new DeliveryPackage(honest.hash(), t.tradeId(), honest.keyCommitment(), ct,
                honest.claimedLeaves());
        MarketSteps.serve(dir.resolve("node"), fraud);
        assertThat(ConsoleNode.commit(node.node, "trading", "G1", BuyerBrowserTest.G1.privateKey(), 1,
                MarketContract.NAME, MarketContract.DELIVER, fraud.deliverArgs("B").encode())).isZero();

        browser.driver.get(node.url("/console/buyer.html"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("balance"), "Balance of B: 7,500 minor units"));
        status("delivered");
        browser.driver.findElement(By.cssSelector(".trade button.fetch")).click();
        status("received");

        assertThat(ConsoleNode.commit(node.node, "trading", "G1", BuyerBrowserTest.G1.privateKey(), 2,
                MarketContract.NAME, MarketContract.REVEAL_KEY, new RevealArgs(t.tradeId(), key).encode())).isZero();
        browser.driver.navigate().refresh();
        status("revealed");
        browser.driver.findElement(By.cssSelector(".trade button.dispute")).click();
        status("refunded");
        assertThat(browser.driver.findElement(By.cssSelector(".trade")).getText())
                .contains("closed: dispute upheld by B")
                .contains("Refunded: the 2,500 minor units came back to you, the chain upheld your dispute of chunk 0.");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("balance"), "Balance of B: 10,000 minor units"));
        TradeState after = trade();
        assertThat(after.closeReason()).isEqualTo(CloseReason.DISPUTE_UPHELD);
        assertThat(after.disputedChunk()).isZero();
        assertThat(after.escrow()).isZero();
        browser.screenshot("buyer-refunded", By.cssSelector(".trade"));
    }
}
