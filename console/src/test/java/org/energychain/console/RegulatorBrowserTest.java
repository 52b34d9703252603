package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.supervision.contract.FilingArgs;
import org.energychain.supervision.contract.RegulatoryFilingContract;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.supervision.store.PeriodKey;
import org.energychain.supervision.tree.SmallGroupFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The regulator's journey on a node run by the regulator REG on a private regulatory chain where group G1
 * filed two periods: the inbox lists them, REG acknowledges one with a note (a transaction signed with
 * REG's key on the node), which then shows as acknowledged on the chain and in G1's history; a delivered
 * reading is checked in the browser against the filed root, and a tampered one refused.
 */
class RegulatorBrowserTest {
    static final SmallGroupFixture GROUP = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
    static final KeyPair REG = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final KeyPair G1 = ConsoleNode.SUITE.signatures().generateKeyPair(new SecureRandom());
    static final Genesis REGULATORY = new Genesis("regulatory", ConsoleNode.SUITE.name(), true, ConsoleNode.T0,
            List.of(new Member("REG", Set.of(SupervisionRoles.REGULATOR), REG.publicKey()),
                    new Member("G1", Set.of(SupervisionRoles.GROUP), G1.publicKey())),
            List.of(NodeInfo.solo("REG-node", "REG", REG.publicKey())), List.of(new Validator("REG-node", 10)),
            List.of(RegulatoryFilingContract.NAME), new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20)));
    static ConsoleNode node;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode(REGULATORY, "REG", REG.privateKey());
        PeriodKey january = new PeriodKey("G1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 4), 1);
        PeriodKey february = new PeriodKey("G1", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 4), 1);
        byte[] d2 = new byte[32];
        assertThat(ConsoleNode.commit(node.node, "regulatory", "G1", G1.privateKey(), 0, RegulatoryFilingContract.NAME,
                RegulatoryFilingContract.FILE, new FilingArgs(january, "SHA-256", GROUP.group.root(), d2, 1).encode()))
                .isZero();
        d2[0] = 1;
        assertThat(ConsoleNode.commit(node.node, "regulatory", "G1", G1.privateKey(), 1, RegulatoryFilingContract.NAME,
                RegulatoryFilingContract.FILE, new FilingArgs(february, "SHA-256", d2, d2, 1).encode())).isZero();
        browser = new Browser(1280, 800);
        browser.logIn(node);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    @Test
    void theRegulatorAcknowledgesAFilingWithANoteSignedByItsKeyOnTheNode() throws Exception {
        browser.driver.get(node.url("/console/regulator.html"));
        By january = By.cssSelector("tr[data-filing='G1/2026-01-01/1']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(january));
        assertThat(browser.driver.findElement(By.cssSelector(".filings-count")).getText())
                .isEqualTo("Chain regulatory: 2 filings awaiting acknowledgement");
        assertThat(browser.driver.findElement(january).getText()).contains("2026-01-01 to 2026-01-03");
        browser.driver.findElement(january).findElement(By.cssSelector("input.note")).sendKeys("received, thank you");
        browser.screenshot("regulator-inbox");
        browser.driver.findElement(january).findElement(By.cssSelector("button.ack")).click();
        browser.waiting().until(ExpectedConditions.textMatches(By.id("ack-result"),
                java.util.regex.Pattern.compile("Acknowledged G1's filing of 2026-01-01 to 2026-01-03 in block \\d+.*")));
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".filings-count"),
                "Chain regulatory: 1 filing awaiting acknowledgement"));

        // on the chain: acknowledged by REG with the note
        var all = new RegulatorViews(node.node).inbox(false);
        assertThat(all.toString()).contains("\"acknowledgedBy\":\"REG\"").contains("received, thank you");

        browser.driver.findElement(By.cssSelector("input[name=status][value=all]")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".filings-count"), "Chain regulatory: 2 filings"));
        assertThat(browser.driver.findElement(january).getText()).contains("acknowledged by REG")
                .contains("received, thank you");
        browser.driver.findElement(january).findElement(By.linkText("G1")).click();
        browser.waiting().until(ExpectedConditions.textMatches(By.id("history"),
                java.util.regex.Pattern.compile("(?s).*filed by G1.*acknowledged by REG: received, thank you.*")));
        browser.screenshot("regulator-acknowledged", By.id("history"));
    }

    @Test
    void aDeliveredReadingIsCheckedInTheBrowserAgainstTheFiledRoot() throws Exception {
        browser.driver.get(node.url("/console/regulator.html"));
        By january = By.cssSelector("tr[data-filing='G1/2026-01-01/1']");
        browser.driver.findElement(By.cssSelector("input[name=status][value=all]")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(january));
        browser.driver.findElement(january).findElement(By.cssSelector("button.choose")).click();
        ObjectNode proof = ProofCheckerBrowserTest.proof(GROUP, 0, 1, 2).toJson();
        browser.driver.executeScript("document.getElementById('delivery-text').value = arguments[0];", proof.toString());
        browser.driver.findElement(By.id("check-delivery")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-ok")));

        ((ObjectNode) proof.get("reading")).put("value", "-1");
        browser.driver.executeScript("document.getElementById('delivery-text').value = arguments[0];", proof.toString());
        browser.driver.findElement(By.id("check-delivery")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-bad")));
        assertThat(browser.driver.findElement(By.id("delivery-bad")).getText())
                .contains("plant G1-A, day 2026-01-02, reading #2").contains("value is -1 in the proof's reading");
        browser.screenshot("regulator-delivery-refused", By.id("delivery-bad"));
    }

    @Test
    void anAcknowledgementWithAForgedCsrfTokenIsRefused() {
        browser.driver.get(node.url("/console/regulator.html"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> r = (java.util.Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/console/api/regulator/acknowledge', {method: 'POST', headers: {'X-CSRF-Token': 'x',"
                        + " 'Content-Type': 'application/json'}, body: JSON.stringify({chain: 'regulatory', group: 'G1',"
                        + " periodStart: '2026-02-01', periodEnd: '2026-02-04', version: 1, note: 'forged'})})"
                        + ".then(async r => done({status: r.status, body: await r.text()}));");
        assertThat(r.get("status")).isEqualTo(403L);
        assertThat(new RegulatorViews(node.node).inbox(false).toString()).doesNotContain("forged");
    }
}
