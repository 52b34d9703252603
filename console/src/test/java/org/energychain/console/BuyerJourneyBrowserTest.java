package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.market.DeliveryPackage;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.RevealArgs;
import org.energychain.trading.market.TradeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The buyer's whole journey in the console on buyer B's node: find the listing through the directory,
 * buy it, receive the seller's sealed package (fetched by B's node from the seller's delivery endpoint, as
 * {@code energychain market receive} does, and checked against the chain before the receipt is confirmed),
 * and, once the seller revealed the key, open it and accept (the escrow goes to the seller). A package that
 * is not what the seller committed on chain is refused, whether the seller's node serves it or it comes as a
 * file, and the receipt is not confirmed. The seller's steps (deliver, reveal) are G1's transactions, signed
 * with its key in the test; its delivery endpoint is the node's own delivery route, serving the packages in
 * the node's deliveries directory to the trade's buyer only, in a request addressed to the seller G1.
 */
class BuyerJourneyBrowserTest {
    static final byte[] DATA = new byte[10_000];
    static ConsoleNode node;
    static Browser browser;

    @TempDir
    static Path dir;

    static {
        new Random(3).nextBytes(DATA);
    }

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode(List.of(BuyerBrowserTest.TRADING), "B", BuyerBrowserTest.B.privateKey(),
                dir.resolve("node"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Listing real = new Listing("D1/G1/G1-H001", "SHA-256", ContentRoot.root(HashFunctions.SHA256, DATA), DATA.length,
                "hydro", "generation-profile", "West", "G1", "G1-H001", "time-series", "active_power", "kW", t0,
                t0.plusSeconds(86_400L * 31), 3_000, "single use", node.url("/chains/trading/market/deliveries"));
        MarketSteps.listAndFund(node, real, "bank-transfer-9");
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

    private void open(String path) {
        By n = By.cssSelector("button.node[data-path='" + path + "']");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(n));
        browser.driver.findElement(n).click();
    }

    private void status(String expected) {
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".trade .status"), expected));
    }

    /** Puts {@code p} in the seller's outbox, which the node's delivery route serves. */
    static void serve(DeliveryPackage p) throws java.io.IOException {
        MarketSteps.serve(dir.resolve("node"), p);
    }

    @Test
    void theBuyerFindsBuysReceivesFromTheSellersEndpointAndAccepts() throws Exception {
        browser.driver.get(node.url("/console/buyer.html"));
        open("hydro");
        open("hydro/generation-profile");
        open("hydro/generation-profile/West");
        open("hydro/generation-profile/West/G1");
        open("hydro/generation-profile/West/G1/G1-H001");
        By row = By.cssSelector("tr[data-listing='D1/G1/G1-H001']");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(row));
        browser.driver.findElement(row).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("buy")));
        browser.driver.findElement(By.id("buy")).click();
        status("purchased");
        TradeState t = trade();

        // the seller seals the dataset and commits the delivery; its node first serves another package
        byte[] key = DeliveryPackage.newKey(new SecureRandom());
        DeliveryPackage good = DeliveryPackage.seal(HashFunctions.SHA256, t.tradeId(), DATA, key);
        byte[] other = DATA.clone();
        other[5_000] ^= 1;
        DeliveryPackage wrong = DeliveryPackage.seal(HashFunctions.SHA256, t.tradeId(), other, key);
        assertThat(ConsoleNode.commit(node.node, "trading", "G1", BuyerBrowserTest.G1.privateKey(), 1,
                MarketContract.NAME, MarketContract.DELIVER, good.deliverArgs("B").encode())).isZero();
        serve(wrong);
        browser.driver.navigate().refresh();
        status("delivered");

        // the seller's node serves a package other than the one committed on chain: refused, nothing confirmed
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".trade button.fetch")));
        browser.driver.findElement(By.cssSelector(".trade button.fetch")).click();
        browser.waiting().until(ExpectedConditions.textMatches(By.cssSelector(".trade-result"),
                java.util.regex.Pattern.compile("The package does not match the delivery on chain.*cipher root.*")));
        assertThat(trade().status().name()).isEqualTo("DELIVERED");
        browser.screenshot("buyer-fetch-refused", By.cssSelector(".trade"));

        // the same wrong package as a file: refused as well
        Path wrongFile = Files.write(dir.resolve("wrong.delivery"), wrong.encode());
        browser.driver.findElement(By.cssSelector(".trade details.package-upload summary")).click();
        browser.driver.findElement(By.cssSelector(".trade input.package-file")).sendKeys(wrongFile.toAbsolutePath().toString());
        browser.driver.findElement(By.cssSelector(".trade button.receive")).click();
        browser.waiting().until(ExpectedConditions.textMatches(By.cssSelector(".trade-result"),
                java.util.regex.Pattern.compile("The package does not match the delivery on chain.*")));
        assertThat(trade().status().name()).isEqualTo("DELIVERED");

        serve(good);
        browser.driver.findElement(By.cssSelector(".trade button.fetch")).click();
        status("received");

        assertThat(ConsoleNode.commit(node.node, "trading", "G1", BuyerBrowserTest.G1.privateKey(), 2,
                MarketContract.NAME, MarketContract.REVEAL_KEY, new RevealArgs(t.tradeId(), key).encode())).isZero();
        browser.driver.navigate().refresh();
        status("revealed");
        browser.driver.findElement(By.cssSelector(".trade button.dispute")).click();
        browser.waiting().until(ExpectedConditions.textMatches(By.cssSelector(".trade-result"),
                java.util.regex.Pattern.compile("Every chunk of trade .* there is nothing to dispute\\.")));
        assertThat(trade().status().name()).as("an honest delivery cannot be disputed").isEqualTo("REVEALED");
        browser.driver.findElement(By.cssSelector(".trade button.accept")).click();
        status("released");
        assertThat(browser.driver.findElement(By.cssSelector(".trade")).getText()).contains("closed: accepted by B")
                .contains("Paid: the 3,000 minor units went to G1 (you accepted the data).");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("balance"), "Balance of B: 7,000 minor units"));
        browser.screenshot("buyer-accepted", By.cssSelector(".trade"));
    }
}
