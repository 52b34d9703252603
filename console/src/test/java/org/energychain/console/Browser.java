package org.energychain.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, at a fixed window size. Missing browser or
 * driver is a failure naming what to install, never a skipped test (CI installs both: .ci/run).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;

    Browser(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the console's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Scrolls {@code focus} into view, then saves what the browser shows as target/console-screenshots/NAME.png. */
    void screenshot(String name, org.openqa.selenium.By focus) throws java.io.IOException {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(focus));
        screenshot(name);
    }

    /** Whether the page fits the window's width (nothing to scroll sideways but inside its own boxes). */
    boolean fitsWidth() {
        return (Boolean) driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    /** Saves what the browser shows as target/console-screenshots/NAME.png. */
    void screenshot(String name) throws java.io.IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** Logs in to {@code node}'s console with its operator's password and waits for the network page. */
    void logIn(ConsoleNode node) {
        driver.get(node.url("/console/login.html"));
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                org.openqa.selenium.By.id("password")));
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(ConsoleNode.PASSWORD);
        driver.findElement(org.openqa.selenium.By.id("login")).click();
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches(".*/console/?$"));
    }

    /** Closes a test class's browser and node, either of which may not have started. */
    static void closeAll(@org.jspecify.annotations.Nullable Browser browser,
            @org.jspecify.annotations.Nullable ConsoleNode node) {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
