package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.supervision.proof.ProofChain;
import org.energychain.supervision.proof.ProofChainVerifier;
import org.energychain.supervision.proof.ProofChains;
import org.energychain.supervision.proof.ProofDocument;
import org.energychain.supervision.proof.TrustedRoot;
import org.energychain.supervision.proof.Verdict;
import org.energychain.supervision.tree.ReadingLeaf;
import org.energychain.supervision.tree.SmallGroupFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public proof checker in a real browser: proofs from the Java prover (SHA-256 and SM3) hold against
 * their group root, and a tampered proof fails with the very words of the Java {@link ProofChainVerifier},
 * naming plant, day and reading; the browser's SM3 gives BouncyCastle's digests. No login is needed.
 */
class ProofCheckerBrowserTest {
    static ConsoleNode node;
    static Browser browser;

    @BeforeAll
    static void start() {
        node = new ConsoleNode();
        browser = new Browser(1280, 800);
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(browser, node);
    }

    static ProofDocument proof(SmallGroupFixture f, int plant, int day, int reading) {
        ReadingLeaf leaf = f.encoder.leaf(f.readings.get(plant).get(day).get(reading));
        ProofChain chain = ProofChains.forReading(leaf, reading, f.dayTrees.get(plant).get(day),
                f.periodTrees.get(plant), f.group);
        return ProofDocument.of(chain);
    }

    /** Opens the checker afresh (no session), puts the proof and root in and checks; the verdict's text. */
    private String check(String proofJson, String root) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(node.url("/console/proof.html"));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("check")));
        browser.driver.executeScript("document.getElementById('proof-text').value = arguments[0];", proofJson);
        browser.driver.findElement(By.id("root")).sendKeys(root);
        browser.driver.findElement(By.id("check")).click();
        browser.waiting().until(ExpectedConditions.attributeContains(By.id("verdict"), "class", "verdict"));
        return browser.driver.findElement(By.id("verdict")).getText();
    }

    @Test
    void aProofHoldsAndEveryLevelIsShownAsChecked() throws Exception {
        SmallGroupFixture f = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
        ProofDocument doc = proof(f, 1, 2, 4);
        String verdict = check(doc.toJson().toPrettyString(), Hex.encode(f.group.root()));
        assertThat(verdict).startsWith("The proof holds").contains("plant G1-B").contains("day 2026-01-03")
                .contains("reading #4");
        String steps = browser.driver.findElement(By.id("steps")).getText();
        assertThat(steps).contains("✓ plant G1-B, day 2026-01-03, reading #4").contains("the day leaf hashes")
                .contains("the period root").contains("the group root is the root you trust").doesNotContain("✗");
        browser.screenshot("proof-holds", By.id("steps"));
        // the time the browser took (reported for docs/console.md, not asserted: no timing in tests)
        String took = browser.driver.findElement(By.id("status")).getText();
        assertThat(took).matches("checked in this browser in [0-9.]+ ms");
        org.slf4j.LoggerFactory.getLogger(ProofCheckerBrowserTest.class).info("3-level SHA-256 proof: {}", took);
    }

    @Test
    void theCheckerIsUsableAtPhoneWidth() throws Exception {
        try (Browser phone = new Browser(390, 844)) {
            SmallGroupFixture f = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
            phone.driver.get(node.url("/console/proof.html"));
            phone.waiting().until(ExpectedConditions.elementToBeClickable(By.id("check")));
            phone.driver.executeScript("document.getElementById('proof-text').value = arguments[0];",
                    proof(f, 0, 0, 1).toJson().toString());
            phone.driver.findElement(By.id("root")).sendKeys(Hex.encode(f.group.root()));
            phone.driver.findElement(By.id("check")).click();
            phone.waiting().until(ExpectedConditions.textMatches(By.id("verdict"), java.util.regex.Pattern.compile(
                    "The proof holds.*")));
            assertThat(phone.fitsWidth()).as("no sideways scrolling at 390 px").isTrue();
            phone.screenshot("phone-proof-holds", By.id("verdict"));
        }
    }

    @Test
    void anSm3ProofHoldsToo() {
        SmallGroupFixture f = new SmallGroupFixture(HashFunctions.SM3, 2, 5);
        ProofDocument doc = proof(f, 0, 1, 3);
        assertThat(check(doc.toJson().toString(), Hex.encode(f.group.root()))).startsWith("The proof holds");
    }

    @Test
    void aTamperedValueFailsNamingThePlantDayAndReadingInTheJavaVerifiersWords() throws Exception {
        SmallGroupFixture f = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
        ObjectNode json = proof(f, 1, 2, 4).toJson();
        String leafValue = json.at("/reading/value").asText();
        ((ObjectNode) json.get("reading")).put("value", new java.math.BigDecimal(leafValue).add(java.math.BigDecimal.ONE)
                .toPlainString());
        Verdict java = ProofChainVerifier.verify(ProofDocument.parse(json), TrustedRoot.of(f.group.root()));
        assertThat(java.holds()).isFalse();
        String verdict = check(json.toPrettyString(), Hex.encode(f.group.root()));
        assertThat(verdict).startsWith("The proof fails").contains(java.differences().get(0))
                .contains("plant G1-B, day 2026-01-03, reading #4");
        browser.screenshot("proof-tampered", By.id("verdict"));
    }

    @Test
    void aTamperedLeafFailsAtItsLevelInTheJavaVerifiersWords() {
        SmallGroupFixture f = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
        ObjectNode json = proof(f, 2, 1, 7).toJson();
        ObjectNode day = (ObjectNode) json.get("levels").get(0);
        String leaf = day.get("leaf").asText();
        // the last salt byte of the reading leaf changed: the leaf no longer hashes to its leafHash
        int last = Integer.parseInt(leaf.substring(leaf.length() - 2), 16) ^ 1;
        day.put("leaf", leaf.substring(0, leaf.length() - 2) + String.format("%02x", last));
        Verdict java = ProofChainVerifier.verify(ProofDocument.parse(json), TrustedRoot.of(f.group.root()));
        String verdict = check(json.toString(), Hex.encode(f.group.root()));
        assertThat(verdict).contains(java.differences().get(0)).contains("plant G1-C, day 2026-01-02, reading #7")
                .contains("does not hash");
    }

    @Test
    void aProofAgainstAnotherRootFails() {
        SmallGroupFixture f = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
        byte[] other = f.group.root();
        other[0] ^= 1;
        Verdict java = ProofChainVerifier.verify(proof(f, 0, 0, 0), TrustedRoot.of(other));
        String verdict = check(proof(f, 0, 0, 0).toJson().toString(), Hex.encode(other));
        assertThat(verdict).startsWith("The proof fails").contains(java.differences().get(0));
    }

    @Test
    void aD2PackageFixesTheHashGroupAndPeriodAsVerifyPackageDoes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        SmallGroupFixture f = new SmallGroupFixture(HashFunctions.SHA256, 3, 10);
        ProofDocument doc = proof(f, 2, 0, 3);
        String root = Hex.encode(f.group.root());
        java.nio.file.Path right = java.nio.file.Files.writeString(dir.resolve("d2.json"), "{\"format\": \"energychain-d2/v1\","
                + " \"hash\": \"SHA-256\", \"group\": \"G1\", \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2026-01-04\","
                + " \"groupRoot\": \"" + root + "\"}");
        java.nio.file.Path otherPeriod = java.nio.file.Files.writeString(dir.resolve("d2-other.json"), "{\"format\": "
                + "\"energychain-d2/v1\", \"hash\": \"SHA-256\", \"group\": \"G1\", \"periodStart\": \"2026-01-01\","
                + " \"periodEnd\": \"2026-01-05\", \"groupRoot\": \"" + root + "\"}");
        assertThat(checkWithPackage(doc.toJson().toString(), right)).startsWith("The proof holds");
        Verdict expected = ProofChainVerifier.verify(doc, TrustedRoot.of("D2 package", f.group.root(), "SHA-256", "G1",
                java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-01-05")));
        assertThat(expected.holds()).isFalse();
        assertThat(checkWithPackage(doc.toJson().toString(), otherPeriod)).startsWith("The proof fails")
                .contains(expected.differences().get(0));
    }

    private String checkWithPackage(String proofJson, java.nio.file.Path pkg) {
        browser.driver.get(node.url("/console/proof.html"));
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("check")));
        browser.driver.executeScript("document.getElementById('proof-text').value = arguments[0];", proofJson);
        browser.driver.findElement(By.id("package-file")).sendKeys(pkg.toAbsolutePath().toString());
        browser.waiting().until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile(
                "package of group G1 loaded")));
        browser.driver.findElement(By.id("check")).click();
        browser.waiting().until(ExpectedConditions.attributeContains(By.id("verdict"), "class", "verdict"));
        return browser.driver.findElement(By.id("verdict")).getText();
    }

    @Test
    void aProofNotInTheFormatIsRefusedInWords() {
        assertThat(check("{\"hash\": \"SHA-256\"}", "00".repeat(32)))
                .isEqualTo("The proof is not in the format of energychain prove --json: group is missing");
    }

    @Test
    void theBrowsersSm3GivesBouncyCastlesDigests() {
        browser.driver.get(node.url("/console/proof.html"));
        Random random = new Random(13);
        List<String> inputs = new ArrayList<>();
        for (int len : new int[] {0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000, 4096}) {
            byte[] b = new byte[len];
            random.nextBytes(b);
            inputs.add(Hex.encode(b));
        }
        inputs.add(Hex.encode("abc".getBytes(StandardCharsets.US_ASCII)));
        @SuppressWarnings("unchecked")
        List<String> js = (List<String>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "Promise.all([import('/console/js/sm3.js'), import('/console/js/canonical.js')]).then(([s, c]) =>"
                        + " done(arguments[0].map(h => c.bytesToHex(s.sm3(c.hexToBytes(h, 'input'))))));",
                inputs);
        for (int i = 0; i < inputs.size(); i++) {
            byte[] in = Hex.decode(inputs.get(i));
            SM3Digest d = new SM3Digest();
            d.update(in, 0, in.length);
            byte[] out = new byte[32];
            d.doFinal(out, 0);
            assertThat(js.get(i)).as("SM3 of %d bytes", in.length).isEqualTo(Hex.encode(out));
        }
        // GB/T 32905 appendix A, example 1
        assertThat(js.get(inputs.size() - 1)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
