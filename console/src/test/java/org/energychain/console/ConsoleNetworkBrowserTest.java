package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in a real browser against a real node: login (a wrong password is refused, the right one
 * opens the network page), the network page (chains, recent blocks, a block's transactions with result
 * codes, search by id, live blocks over the event stream), and CSRF: a write with a forged token is refused.
 */
class ConsoleNetworkBrowserTest {
    static ConsoleNode node;
    static Browser browser;
    static String firstTx;

    @BeforeAll
    static void start() throws Exception {
        node = new ConsoleNode();
        firstTx = node.publish(1);
        browser = new Browser(1280, 800);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    private void logIn(String password) {
        browser.driver.get(node.url("/console/login.html"));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("password")));
        browser.driver.findElement(By.id("password")).clear();
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.driver.findElement(By.id("login")).click();
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheNetworkPageWithBlocksAndResultCodes() throws Exception {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(node.url("/console/"));
        browser.waiting().until(ExpectedConditions.urlContains("/console/login.html"));
        logIn("not the password");
        browser.waiting().until(ExpectedConditions.textToBe(By.id("login-error"), "Wrong password."));
        browser.screenshot("login-wrong-password");

        logIn(ConsoleNode.PASSWORD);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chains-table tr[data-chain=trading]")));
        String row = browser.driver.findElement(By.cssSelector("#chains-table tr[data-chain=trading]")).getText();
        assertThat(row).contains("trading").contains("public").contains("1 block").contains("PLAT-node")
                .contains("committing");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#blocks-table tr[data-height='1']")));
        browser.driver.findElement(By.cssSelector("#blocks-table tr[data-height='1']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tx-table")));
        String txs = browser.driver.findElement(By.id("tx-table")).getText();
        assertThat(txs).contains(firstTx).contains("catalog.publish").contains("G1").contains("code 0 (ok)");
        browser.screenshot("network");

        browser.driver.findElement(By.id("search")).sendKeys(firstTx);
        browser.driver.findElement(By.cssSelector("#search-form button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("search-found")));
        assertThat(browser.driver.findElement(By.id("search-found")).getText())
                .contains("Transaction in block 1").contains("catalog.publish by G1").contains("code 0 (ok)");
    }

    @Test
    void theNetworkPageIsUsableAtPhoneWidthAndAt1280() throws Exception {
        browser.driver.manage().deleteAllCookies();
        logIn(ConsoleNode.PASSWORD);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("blocks-table")));
        assertThat(browser.fitsWidth()).as("no sideways scrolling at 1280 px").isTrue();
        try (Browser phone = new Browser(390, 844)) {
            phone.driver.get(node.url("/console/login.html"));
            phone.waiting().until(ExpectedConditions.elementToBeClickable(By.id("password")));
            phone.driver.findElement(By.id("password")).sendKeys(ConsoleNode.PASSWORD);
            phone.driver.findElement(By.id("login")).click();
            phone.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("blocks-table")));
            assertThat(phone.fitsWidth()).as("no sideways scrolling at 390 px").isTrue();
            phone.screenshot("phone-network");
        }
    }

    @Test
    void newBlocksAppearLiveFromTheEventStream() throws Exception {
        browser.driver.manage().deleteAllCookies();
        logIn(ConsoleNode.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBe(By.id("live"), "· live"));
        long before = node.node.chain("trading").orElseThrow().chain().store().height();
        node.publish(2);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#blocks-table tr[data-height='" + (before + 1) + "']")));
        browser.waiting().until(ExpectedConditions.textMatches(By.cssSelector("#chains-table tr[data-chain=trading]"),
                java.util.regex.Pattern.compile(".*\\b" + (before + 1) + " blocks.*")));
    }

    /**
     * The browser keeps a page left for another alive for a while (its back/forward cache), event stream
     * included: the page closes its stream when it is hidden, so that the node stops sending to it, and
     * follows the chain again when it is shown again.
     */
    @Test
    void aPageLeftForAnotherStopsFollowingTheChainAndFollowsItAgainWhenShownAgain() throws Exception {
        browser.driver.manage().deleteAllCookies();
        logIn(ConsoleNode.PASSWORD);
        browser.waiting().until(ExpectedConditions.textToBe(By.id("live"), "· live"));
        ConsoleRoutes routes = node.extensions.stream().filter(ConsoleRoutes.class::isInstance)
                .map(ConsoleRoutes.class::cast).findFirst().orElseThrow();
        java.util.function.IntSupplier subscribers = () -> routes.streamStats("trading").orElseThrow().subscribers();
        browser.waiting().until(d -> subscribers.getAsInt() >= 1);
        browser.driver.get(node.url("/console/proof.html"));
        // a connection the browser closed is noticed by the node when it writes to it: a block at every look
        java.util.concurrent.atomic.AtomicInteger listing = new java.util.concurrent.atomic.AtomicInteger(10);
        browser.waiting().until(d -> {
            try {
                node.publish(listing.getAndIncrement());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return subscribers.getAsInt() == 0;
        });

        browser.driver.navigate().back();
        browser.waiting().until(ExpectedConditions.textToBe(By.id("live"), "· live"));
        browser.waiting().until(d -> subscribers.getAsInt() == 1);
        long height = node.node.chain("trading").orElseThrow().chain().store().height();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#blocks-table tr[data-height='" + height + "']")));
        node.publish(20);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#blocks-table tr[data-height='" + (height + 1) + "']")));
    }

    @Test
    void aWriteWithAForgedCsrfTokenIsRefusedAndWithTheSessionsTokenAccepted() {
        browser.driver.manage().deleteAllCookies();
        logIn(ConsoleNode.PASSWORD);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("chains-table")));
        @SuppressWarnings("unchecked")
        Map<String, Object> forged = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/console/api/logout', {method: 'POST', headers: {'X-CSRF-Token': 'forged-token'}})"
                        + ".then(async r => done({status: r.status, body: await r.text()}));");
        assertThat(forged.get("status")).isEqualTo(403L);
        assertThat((String) forged.get("body")).contains("BAD_CSRF_TOKEN");
        @SuppressWarnings("unchecked")
        Map<String, Object> missing = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/console/api/logout', {method: 'POST'}).then(r => done({status: r.status}));");
        assertThat(missing.get("status")).isEqualTo(403L);
        @SuppressWarnings("unchecked")
        Map<String, Object> real = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/console/api/session').then(r => r.json()).then(s => fetch('/console/api/logout',"
                        + " {method: 'POST', headers: {'X-CSRF-Token': s.csrf}})).then(r => done({status: r.status}));");
        assertThat(real.get("status")).isEqualTo(200L);
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndSameSiteStrict() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url("/console/api/login")))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"password\": \"" + ConsoleNode.PASSWORD + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("Secure")
                .contains("SameSite=Strict").contains("Path=/console");
        java.net.http.HttpResponse<String> anonymous = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url("/console/api/network"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
