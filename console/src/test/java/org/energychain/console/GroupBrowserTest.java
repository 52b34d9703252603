package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.supervision.contract.AnchorArgs;
import org.energychain.supervision.contract.PeriodAnchorContract;
import org.energychain.supervision.contract.PlantRoot;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.supervision.store.PeriodKey;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.market.DepositArgs;
import org.energychain.trading.market.MarketContract;
import org.energychain.trading.market.PurchaseArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The group operator's page on group G1's node, which runs its business chain (G1 anchored a period) and
 * the trading chain (G1 published two listings, buyer B bought one): the anchored period with its Hash_G,
 * the listings and the sale are shown.
 */
class GroupBrowserTest {
    static final KeyPair G1 = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final KeyPair B = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final KeyPair PLAT = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final ChainLimits LIMITS = new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20));
    static ConsoleNode node;
    static Browser browser;
    static AnchorArgs anchor;

    @BeforeAll
    static void start() throws Exception {
        Genesis business = new Genesis("business-g1", ConsoleNode.SUITE.name(), true, ConsoleNode.T0,
                List.of(new Member("G1", Set.of(SupervisionRoles.GROUP), G1.publicKey())),
                List.of(NodeInfo.solo("G1-node", "G1", G1.publicKey())), List.of(new Validator("G1-node", 10)),
                List.of(PeriodAnchorContract.NAME), LIMITS);
        Genesis trading = new Genesis("trading", ConsoleNode.SUITE.name(), false, ConsoleNode.T0,
                List.of(new Member("G1", Set.of(SupervisionRoles.GROUP), G1.publicKey()),
                        new Member("B", Set.of(TradingRoles.BUYER), B.publicKey()),
                        new Member("PLAT", Set.of(TradingRoles.PLATFORM), PLAT.publicKey())),
                List.of(NodeInfo.solo("G1-node", "G1", G1.publicKey())), List.of(new Validator("G1-node", 10)),
                List.of("catalog", "market"), LIMITS);
        node = new ConsoleNode(List.of(business, trading), "G1", G1.privateKey());
        byte[] a = new byte[32];
        a[0] = 1;
        byte[] b = new byte[32];
        b[0] = 2;
        List<PlantRoot> plants = List.of(new PlantRoot("G1-S001", a), new PlantRoot("G1-W001", b));
        PeriodKey period = new PeriodKey("G1", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4), 1);
        AnchorArgs draft = new AnchorArgs(period, "SHA-256", new byte[32], plants);
        anchor = new AnchorArgs(period, "SHA-256", draft.computeGroupRoot(), plants);
        assertThat(ConsoleNode.commit(node.node, "business-g1", "G1", G1.privateKey(), 0, PeriodAnchorContract.NAME,
                PeriodAnchorContract.ANCHOR, anchor.encode())).isZero();
        assertThat(ConsoleNode.commit(node.node, "trading", "G1", G1.privateKey(), 0, "catalog", "publish",
                BuyerBrowserTest.listing("G1-W001", "North", 1_500).encode())).isZero();
        assertThat(ConsoleNode.commit(node.node, "trading", "G1", G1.privateKey(), 1, "catalog", "publish",
                BuyerBrowserTest.listing("G1-W002", "North", 2_500).encode())).isZero();
        assertThat(ConsoleNode.commit(node.node, "trading", "PLAT", PLAT.privateKey(), 0, MarketContract.NAME,
                MarketContract.DEPOSIT, new DepositArgs("B", 5_000, "ref-1").encode())).isZero();
        assertThat(ConsoleNode.commit(node.node, "trading", "B", B.privateKey(), 0, MarketContract.NAME,
                MarketContract.PURCHASE, new PurchaseArgs("D1/G1/G1-W002", 1, 2_500).encode())).isZero();
        browser = new Browser(1280, 800);
        browser.logIn(node);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    @Test
    void theGroupSeesItsAnchoredPeriodListingsAndSales() throws Exception {
        browser.driver.get(node.url("/console/group.html"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sales-table")));
        assertThat(browser.driver.findElement(By.id("anchors-table")).getText()).contains("2026-03-01 to 2026-03-03")
                .contains(Hex.encode(anchor.groupRoot())).contains("2 plants");
        assertThat(browser.driver.findElement(By.id("listings-table")).getText()).contains("D1/G1/G1-W001")
                .contains("D1/G1/G1-W002").contains("2,500 minor units");
        assertThat(browser.driver.findElement(By.id("sales-table")).getText()).contains("D1/G1/G1-W002 B 2,500 minor units")
                .contains("purchased");
        assertThat(browser.driver.findElement(By.id("group")).getText()).contains("No data destroyed.");
        assertThat(browser.driver.findElement(By.id("store-note")).getText())
                .startsWith("No off-chain store is configured for this node (console.offchain-db or offchain-db-url "
                        + "in node.yaml)");
        browser.screenshot("group");
    }
}
