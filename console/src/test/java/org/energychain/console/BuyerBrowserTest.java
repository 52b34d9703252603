package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.market.DepositArgs;
import org.energychain.trading.market.MarketContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The buyer's journey on a node run by buyer B on the trading chain, where group G1 published three
 * listings and the platform credited B: B opens the summary directory level by level (counts at every
 * level) down to a generating unit, sees the listing checked against the chain, buys it (a transaction
 * signed with B's key on the node), and sees the trade's step, the escrow and its lower balance.
 */
class BuyerBrowserTest {
    static final KeyPair B = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final KeyPair G1 = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final KeyPair PLAT = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final Genesis TRADING = new Genesis("trading", ConsoleNode.SUITE.name(), false, ConsoleNode.T0,
            List.of(new Member("B", Set.of(TradingRoles.BUYER), B.publicKey()),
                    new Member("G1", Set.of(SupervisionRoles.GROUP), G1.publicKey()),
                    new Member("PLAT", Set.of(TradingRoles.PLATFORM), PLAT.publicKey())),
            List.of(NodeInfo.solo("B-node", "B", B.publicKey())), List.of(new Validator("B-node", 10)),
            List.of("catalog", "market"), new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20)));
    static ConsoleNode node;
    static Browser browser;

    static Listing listing(String unit, String region, long price) {
        byte[] root = new byte[32];
        root[0] = (byte) unit.hashCode();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        return new Listing("D1/G1/" + unit, "SHA-256", root, 4096, "wind", "generation-profile", region, "G1", unit,
                "time-series", "active_power", "kW", t0, t0.plusSeconds(86_400L * 31), price, "single use",
                "https://g1.example/deliveries");
    }

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode(TRADING, "B", B.privateKey());
        long nonce = 0;
        for (Listing l : List.of(listing("G1-W001", "North", 1_500), listing("G1-W002", "North", 2_000),
                listing("G1-W003", "South", 900))) {
            assertThat(ConsoleNode.commit(node.node, "trading", "G1", G1.privateKey(), nonce++, "catalog", "publish",
                    l.encode())).isZero();
        }
        assertThat(ConsoleNode.commit(node.node, "trading", "PLAT", PLAT.privateKey(), 0, MarketContract.NAME,
                MarketContract.DEPOSIT, new DepositArgs("B", 10_000, "bank-transfer-1").encode())).isZero();
        browser = new Browser(1280, 800);
        browser.logIn(node);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    private void open(String path, String text) {
        By node = By.cssSelector("button.node[data-path='" + path + "']");
        browser.waiting().until(ExpectedConditions.textToBe(node, text));
        browser.driver.findElement(node).click();
    }

    @Test
    void theBuyerFindsAListingThroughTheTreeAndBuysIt() throws Exception {
        browser.driver.get(node.url("/console/buyer.html"));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("balance"), "Balance of B: 10,000 minor units"));
        open("wind", "wind (3 listings)");
        open("wind/generation-profile", "generation-profile (3 listings)");
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("button.node[data-path='wind/generation-profile/South']"),
                "South (1 listing)"));
        open("wind/generation-profile/North", "North (2 listings)");
        open("wind/generation-profile/North/G1", "G1 (2 listings)");
        open("wind/generation-profile/North/G1/G1-W002", "G1-W002 (1 listing)");
        By row = By.cssSelector("tr[data-listing='D1/G1/G1-W002']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(browser.driver.findElement(row).getText()).contains("G1").contains("2,000 minor units")
                .contains("2026-01-01 to 2026-02-01");
        browser.driver.findElement(row).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("on-chain")));
        assertThat(browser.driver.findElement(By.id("on-chain")).getText()).startsWith("Checked on chain: transaction");
        browser.screenshot("buyer-listing");
        browser.driver.findElement(By.id("buy")).click();
        browser.waiting().until(ExpectedConditions.textMatches(By.id("purchase-result"),
                java.util.regex.Pattern.compile("Bought in block \\d+: the price is in escrow.*")));
        browser.waiting().until(ExpectedConditions.textToBe(By.id("balance"), "Balance of B: 8,000 minor units"));
        String trade = browser.driver.findElement(By.cssSelector(".trade")).getText();
        assertThat(trade).contains("D1/G1/G1-W002 from G1, 2,000 minor units, purchased (2,000 minor units in escrow)")
                .contains("purchased by B on");
        browser.screenshot("buyer-bought", By.id("listing"));
    }

    @Test
    void aSearchWithAPathWildcardAndAPriceBoundFindsTheMatchingListingsOnly() {
        browser.driver.get(node.url("/console/buyer.html"));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("path")));
        browser.driver.findElement(By.id("path")).sendKeys("wind/*/North");
        browser.driver.findElement(By.id("max-price")).sendKeys("1800");
        browser.driver.findElement(By.cssSelector("#search-form button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("listings-table")));
        String found = browser.driver.findElement(By.id("listings")).getText();
        assertThat(found).contains("1 listing found").contains("D1/G1/G1-W001").doesNotContain("G1-W002")
                .doesNotContain("G1-W003");
    }
}
