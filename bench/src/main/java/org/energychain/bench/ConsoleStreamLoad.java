package org.energychain.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.energychain.console.ConsolePassword;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.node.client.NodeClient;
import org.energychain.node.config.NodeConfig;
import org.energychain.supervision.contract.SupervisionRoles;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console's network page at the ledger's full commit rate: one node in this JVM orders a public
 * chain alone (solo orderer, in-memory store) while client threads submit signed kv transactions in
 * batches over its REST API as fast as it commits them (each waits while more than a few blocks' worth
 * are pending); Debian's headless Chromium, driven by Selenium, shows the console's network page, which
 * follows the chain over the console's event stream. After a warm-up, a baseline of the same load with
 * no page open (the browser on a blank page), then the page open, then a baseline again (the machine's
 * speed drifts). With the page open, sampled every half second: the chain's height and the heights the
 * page shows (its newest block row and the chains table), hence how many blocks the page lags; every
 * five seconds the tab's JS heap ({@code performance.memory}, after a forced GC) and the console stream's
 * subscriber queue and drops (from the console's own network view). At the end: the commit rate beside the
 * baselines', the lags' p50 / p95 / max, how long the page took to show the last block once the load
 * paused and the chain committed what was pending, the heap at start and end.
 *
 * <p>Usage: {@code ConsoleStreamLoad [seconds=45] [txs-per-block=2000] [block-interval-ms=100] [threads=4]
 * [batch=500]}; run with {@code java -cp "bench/target/energychain-bench.jar:bench/target/lib/*"
 * org.energychain.bench.ConsoleStreamLoad}. Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 */
public final class ConsoleStreamLoad {
    private static final String CHAIN = "bench";
    private static final int SENDERS = 64;
    private static final String PASSWORD = "bench console password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP_SECONDS = 5;
    private static final int BASELINE_SECONDS = 10;

    private ConsoleStreamLoad() {
    }

    /** One sample: seconds since the load started, chain and page heights. */
    record Sample(double at, long chain, long page) {
        long lag() {
            return Math.max(0, chain - page);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 45;
        int perBlock = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int intervalMs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        CryptoSuite suite = CryptoSuites.SHA256_ED25519;
        SecureRandom rnd = new SecureRandom();
        List<KeyPair> keys = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            KeyPair k = suite.signatures().generateKeyPair(rnd);
            keys.add(k);
            members.add(new Member("m" + i, java.util.Set.of(SupervisionRoles.GROUP), k.publicKey()));
        }
        Genesis genesis = new Genesis(CHAIN, suite.name(), false, Instant.parse("2026-01-01T00:00:00Z"), members,
                List.of(NodeInfo.solo("m0-node", "m0", members.get(0).key())), List.of(new Validator("m0-node", 1)),
                List.of("kv"), new ChainLimits(perBlock, 8 << 20, 4096, 200_000, Duration.ofMillis(intervalMs)));
        // enough signed transactions for the whole run at up to 16,000 tx/s (this node alone on two idle cores)
        int n = (seconds + WARM_UP_SECONDS + 2 * BASELINE_SECONDS) * 16_000;
        System.out.printf("signing %,d transactions from %d senders (%s)...%n", n, SENDERS, suite.name());
        List<Transaction> txs = IntStream.range(0, n).parallel().mapToObj(i -> Transaction.sign(CHAIN,
                "m" + (i % SENDERS), i / SENDERS, "kv", "put", ("k" + i + "=" + i).getBytes(StandardCharsets.UTF_8),
                suite.signatures(), keys.get(i % SENDERS).privateKey())).toList();

        Node node = Node.builder().contracts(new ContractRegistry().register(new LedgerLoad.Kv()))
                .stores(ChainStoreFactory.inMemory()).clock(Clock.systemUTC())
                .console(new NodeConfig.Console(Optional.of(ConsolePassword.hash(PASSWORD))))
                .chain(genesis, "m0", keys.get(0).privateKey()).build();
        node.start();
        Path dataDir = Files.createTempDirectory("console-stream-load");
        List<NodeRoutes> extensions = RouteProvider.openAll(RouteProvider.discovered(), node, dataDir);
        ApiServer api = new ApiServer(node, NodeConfig.Http.DEFAULT.withPort(0), false, extensions).start();
        String base = "http://127.0.0.1:" + api.port();
        Chain chain = node.chain(CHAIN).orElseThrow().chain();
        ChromeDriver browser = browser();
        try {
            run(browser, base, chain, txs, seconds, threads, batch, perBlock, intervalMs);
        } finally {
            browser.quit();
            api.close();
            node.close();
            extensions.forEach(NodeRoutes::close);
            try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static ChromeDriver browser() {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("needs Debian's chromium and chromium-driver: apt-get install -y chromium "
                    + "chromium-driver");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,800", "--enable-precise-memory-info", "--js-flags=--expose-gc");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build(), o);
    }

    /** Opens the console's network page (logging in first when asked) and waits until it follows the chain. */
    private static void openNetworkPage(ChromeDriver browser, String base, boolean logIn) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        if (logIn) {
            browser.get(base + "/console/login.html");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("password")));
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login")).click();
        } else {
            browser.get(base + "/console/");
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chains-table")));
        wait.until(ExpectedConditions.textMatches(By.id("live"), java.util.regex.Pattern.compile(".*live.*")));
    }

    /** Committed transactions in blocks {@code from + 1 .. to}. */
    private static long txsIn(Chain chain, long from, long to) {
        long n = 0;
        for (long h = from + 1; h <= to; h++) {
            n += chain.store().block(h).orElseThrow().transactions().size();
        }
        return n;
    }

    private static void run(ChromeDriver browser, String base, Chain chain, List<Transaction> txs, int seconds,
            int threads, int batch, int perBlock, int intervalMs) throws Exception {
        openNetworkPage(browser, base, true);
        Cookie session = java.util.Objects.requireNonNull(browser.manage().getCookieNamed("ec_console"),
                "the browser holds no console session after logging in");
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("%d cores; blocks of at most %,d transactions, cut at once when full, else after %d ms; "
                + "%d client threads sending batches of %d%n", Runtime.getRuntime().availableProcessors(), perBlock,
                intervalMs, threads, batch);

        NodeClient client = new NodeClient(URI.create(base));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean paused = new AtomicBoolean();
        AtomicBoolean exhausted = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < threads; c++) {
            int thread = c;
            // each thread sends for its own senders, each sender's transactions in nonce order
            List<Integer> mine = IntStream.range(0, txs.size()).filter(i -> i % SENDERS % threads == thread).boxed()
                    .toList();
            work.add(senders.submit(() -> {
                for (int from = 0; from < mine.size() && !stop.get(); from += batch) {
                    while ((paused.get() || chain.pending() > 4 * perBlock) && !stop.get()) {
                        Thread.onSpinWait(); // the chain is the bottleneck: keep a few blocks waiting, not more
                    }
                    List<Transaction> chunk = mine.subList(from, Math.min(mine.size(), from + batch)).stream()
                            .map(txs::get).toList();
                    for (NodeClient.BatchItem it : client.submitBatch(CHAIN, chunk)) {
                        if (!it.accepted()) {
                            throw new IllegalStateException("refused: " + it);
                        }
                    }
                }
                if (!stop.get()) {
                    exhausted.set(true); // this thread sent all its transactions before the end: the figures are off
                }
                return null;
            }));
        }
        // warm-up (page open), then a baseline: the same load with no page following the chain
        TimeUnit.SECONDS.sleep(WARM_UP_SECONDS);
        browser.get("about:blank");
        Rate before = rate(chain, BASELINE_SECONDS);
        System.out.printf("baseline before, no page open: %s%n", before);

        openNetworkPage(browser, base, false);
        double heapStart = heapMiB(browser);
        List<Sample> rows = new ArrayList<>();
        List<Sample> table = new ArrayList<>();
        double heapMax = heapStart;
        long heightAtStart = chain.store().height();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        int tick = 0;
        while (System.nanoTime() < deadline) {
            long next = System.nanoTime() + 500_000_000L;
            double at = (System.nanoTime() - start) / 1e9;
            long[] page = pageHeights(browser);
            long chainHeight = chain.store().height();
            rows.add(new Sample(at, chainHeight, page[0]));
            table.add(new Sample(at, chainHeight, page[1]));
            if (++tick % 10 == 0) {
                double heap = heapMiB(browser);
                heapMax = Math.max(heapMax, heap);
                JsonNode ev = events(http, base, session);
                System.out.printf("%5.1f s: height %,d, page %,d (table %,d); JS heap %5.1f MiB; stream: %s "
                        + "subscriber(s), queue now %s, peak %s blocks, dropped %s%n", at, chainHeight, page[0], page[1],
                        heap, ev.path("subscribers"), ev.path("queuedNow"), ev.path("queuedPeak"), ev.path("dropped"));
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        double loadSecs = (System.nanoTime() - start) / 1e9;
        long heightAtStop = chain.store().height();
        long committedTxs = txsIn(chain, heightAtStart, heightAtStop);
        // the load pauses; once the chain committed what was pending: how long until the page shows its last block
        paused.set(true);
        long pausedAt = System.nanoTime();
        while (chain.pending() > 0 && System.nanoTime() - pausedAt < TimeUnit.SECONDS.toNanos(60)) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long lastChain = chain.store().height();
        long stoppedAt = System.nanoTime();
        long[] last = pageHeights(browser);
        while ((last[0] < lastChain || last[1] < lastChain)
                && System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(60)) {
            TimeUnit.MILLISECONDS.sleep(10);
            last = pageHeights(browser);
        }
        double catchUp = (System.nanoTime() - stoppedAt) / 1e9;
        double heapEnd = heapMiB(browser);
        JsonNode ev = events(http, base, session);
        // and a baseline after, as before: the machine's speed drifts (other work on it)
        browser.get("about:blank");
        paused.set(false);
        Rate after = rate(chain, BASELINE_SECONDS);
        System.out.printf("baseline after, no page open: %s%n", after);
        stop.set(true);
        for (Future<?> w : work) {
            w.get(2, TimeUnit.MINUTES);
        }
        senders.shutdown();
        double baseline = (before.txPerSecond() + after.txPerSecond()) / 2;
        if (exhausted.get()) {
            System.out.println("WARNING: the signed transactions ran out before the end; the rates are too low");
        }

        long blocks = heightAtStop - heightAtStart;
        System.out.printf("%nwith the page open, %.1f s: %,d blocks (%.1f blocks/s), %,d transactions (%,.0f tx/s, "
                + "%.0f%% of the baselines' mean, %,.0f tx/s)%n", loadSecs, blocks, blocks / loadSecs, committedTxs,
                committedTxs / loadSecs, 100 * (committedTxs / loadSecs) / baseline, baseline);
        System.out.println("page behind the chain, over " + rows.size() + " samples: newest block row " + lags(rows)
                + "; chains table " + lags(table));
        System.out.printf("the page showed the chain's last block %s after it was committed%n", last[0] >= lastChain
                && last[1] >= lastChain ? String.format("%.2f s", catchUp) : "not within 60 s (" + last[0] + ", "
                + last[1] + " of " + lastChain + ")");
        System.out.printf("JS heap (after GC): start %.1f MiB, end %.1f MiB, highest sample %.1f MiB%n", heapStart,
                heapEnd, heapMax);
        System.out.printf("console event stream: queue now %s, peak %s blocks (backlog limit %d), %s dropped, %s "
                + "subscriber(s)%n", ev.path("queuedNow"), ev.path("queuedPeak"), ev.path("backlog").asInt(),
                ev.path("dropped"), ev.path("subscribers"));
    }

    /** A phase's commit rate. */
    record Rate(long blocks, double seconds, long txs) {
        double txPerSecond() {
            return txs / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,d blocks (%.1f blocks/s), %,.0f tx/s", blocks, blocks / seconds, txPerSecond());
        }
    }

    /** What the chain commits in the next {@code seconds}. */
    private static Rate rate(Chain chain, int seconds) throws InterruptedException {
        long h0 = chain.store().height();
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long h1 = chain.store().height();
        return new Rate(h1 - h0, (System.nanoTime() - t0) / 1e9, txsIn(chain, h0, h1));
    }

    private static String lags(List<Sample> samples) {
        List<Long> lags = new ArrayList<>(samples.stream().map(Sample::lag).toList());
        Collections.sort(lags);
        return "p50 " + pct(lags, 0.50) + ", p95 " + pct(lags, 0.95) + ", max " + lags.get(lags.size() - 1) + " blocks";
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    /** The heights the page shows: its newest block row and the chain's row of the chains table; 0 when none. */
    private static long[] pageHeights(ChromeDriver browser) {
        Object h = browser.executeScript("const r = document.querySelector('#blocks-body tr');"
                + " const c = document.querySelector('#chains-table tr[data-chain=\\'" + CHAIN + "\\'] td:nth-child(3)');"
                + " return [r ? Number(r.dataset.height) : 0, c ? Number(c.textContent.replace(/[^0-9]/g, '')) : 0];");
        if (!(h instanceof List<?> l) || l.size() != 2) {
            return new long[] {0, 0};
        }
        return new long[] {l.get(0) instanceof Number a ? a.longValue() : 0, l.get(1) instanceof Number b ? b.longValue() : 0};
    }

    /** The tab's used JS heap after a full GC, in MiB. */
    private static double heapMiB(ChromeDriver browser) {
        Object b = browser.executeScript("window.gc(); return performance.memory.usedJSHeapSize;");
        if (!(b instanceof Number used)) {
            throw new IllegalStateException("the browser gives no performance.memory (Chromium does)");
        }
        return used.doubleValue() / (1 << 20);
    }

    /** The console stream's figures for the chain, from the console's network view (as the session). */
    private static JsonNode events(HttpClient http, String base, Cookie session) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/console/api/network"))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("console network view: " + r.statusCode() + " " + r.body());
        }
        for (JsonNode c : JSON.readTree(r.body()).path("chains")) {
            if (c.path("id").asText().equals(CHAIN)) {
                return c.path("events");
            }
        }
        throw new IllegalStateException("the console shows no chain " + CHAIN);
    }
}
