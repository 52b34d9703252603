package org.energychain.cli.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.energychain.cli.Cli;
import org.energychain.cli.common.ExitCodes;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.ledger.testkit.SteppedClock;
import org.energychain.node.ChainStoreFactory;
import org.energychain.node.Node;
import org.energychain.node.api.ApiServer;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trading chain from the command line against a real node (in process, REST over HTTP): a group
 * publishes summary blocks, a buyer searches the platform's catalogue, buys, receives the sealed data
 * peer to peer from the seller's endpoint, verifies it and settles; the refund paths (a fraudulent
 * delivery disputed on chain, a missed deadline) and the refusals of abuse.
 */
class TradingCliTest {
    @TempDir
    static Path dir;
    /** The node's clock: a test moves it past a contract deadline instead of waiting for the wall clock. */
    static final SteppedClock clock = new SteppedClock();
    static Node node;
    static ApiServer api;
    static List<NodeRoutes> extensions;
    /** The seller's outbox, where its node serves deliveries from ({@code <data dir>/deliveries}). */
    static Path outbox;
    static String url;
    static String db;
    static List<String> listings = new ArrayList<>();
    static int nextListing;

    @BeforeAll
    static void start() throws Exception {
        Path data = dir.resolve("data");
        db = dir.resolve("g1.db").toString();
        assertThat(Cli.run("generate", "--out", data.toString(), "--plants", "6", "--days", "40", "--quiet").exit()).isZero();
        Cli ingest = Cli.run("ingest", "--group", data.resolve("group.yaml").toString(), "--mapping",
                data.resolve("mapping.yaml").toString(), "--from", "2026-01-01", "--to", "2026-02-09", "--db", db,
                "--out", dir.resolve("out").toString(), "--quiet", data.resolve("readings").toString());
        assertThat(ingest.exit()).as(ingest.toString()).isZero();
        Cli net = Cli.run("genesis", "network", "--groups", "G1,G2", "--regulator", "REG", "--platform", "PLAT", "--buyers",
                "B1,B2", "--out", dir.resolve("net").toString());
        assertThat(net.exit()).as(net.toString()).isZero();
        NodeConfig c = NodeConfig.load(dir.resolve("net/node.yaml"));
        c = new NodeConfig(c.dataDir(), c.http().withPort(0), c.metrics(), c.store(), c.chains());
        node = Node.fromConfig(c, Node.discoveredContracts(), ChainStoreFactory.inMemory(), clock);
        extensions = RouteProvider.openAll(RouteProvider.discovered(), node, c.dataDir());
        outbox = c.dataDir().resolve("deliveries");
        node.start();
        api = new ApiServer(node, c.http(), false, extensions).start();
        url = "http://127.0.0.1:" + api.port();

        Cli publish = Cli.run(as("G1", "catalog", "publish", "--db", db, "--price", "700", "--json"));
        assertThat(publish.exit()).as(publish.toString()).isZero();
        for (JsonNode l : publish.json()) {
            assertThat(l.path("code").asInt()).isZero();
            listings.add(l.path("id").asText());
        }
        assertThat(listings).hasSizeGreaterThanOrEqualTo(8);
        Cli deposit = Cli.run(as("PLAT", "market", "deposit", "--account", "B1", "--amount", "3000", "--reference",
                "bank-2026-0042"));
        assertThat(deposit.exit()).as(deposit.toString()).isZero();
    }

    @AfterAll
    static void stop() {
        api.close();
        node.close();
        extensions.forEach(NodeRoutes::close);
    }

    static String[] as(String member, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--url", url, "--chain", "trading", "--member", member, "--key",
                dir.resolve("net/keys/" + member + ".key").toString()));
        return a.toArray(String[]::new);
    }

    static String[] anon(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--url", url, "--chain", "trading"));
        return a.toArray(String[]::new);
    }

    static synchronized String freshListing() {
        return listings.get(nextListing++);
    }

    static long balance(String member) {
        Cli b = Cli.run(anon("market", "balance", "--account", member, "--json"));
        assertThat(b.exit()).as(b.toString()).isZero();
        return b.json().path("balance").asLong();
    }

    static JsonNode trade(String id) {
        Cli t = Cli.run(anon("market", "trade", "--trade", id, "--json"));
        assertThat(t.exit()).as(t.toString()).isZero();
        return t.json();
    }

    static String buy(String buyer, String listing) {
        Cli b = Cli.run(as(buyer, "market", "buy", "--listing", listing, "--json"));
        assertThat(b.exit()).as(b.toString()).isZero();
        return b.json().path("tradeId").asText();
    }

    String[] seller(String trade, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--trade", trade, "--db", db, "--outbox", outbox.toString(), "--key-dir",
                dir.resolve("seller-keys").toString()));
        return as("G1", a.toArray(String[]::new));
    }

    @Test
    void theBuyersWholePathSearchBuyReceiveVerifySettle() throws Exception {
        Cli search = Cli.run(anon("catalog", "search", "--path", "*/*/*/G1", "--sort", "-price", "--limit", "2", "--json"));
        assertThat(search.exit()).as(search.toString()).isZero();
        assertThat(search.json().path("total").asInt()).as("every listing but the one another test withdraws")
                .isGreaterThanOrEqualTo(listings.size() - 1);
        for (JsonNode l : search.json().path("listings")) {
            assertThat(l.path("group").asText()).isEqualTo("G1");
        }
        assertThat(search.json().path("listings").get(0).path("price").asLong())
                .isGreaterThanOrEqualTo(search.json().path("listings").get(1).path("price").asLong());
        assertThat(search.json().path("listings")).hasSize(2);
        assertThat(search.json().path("nextCursor").isTextual()).isTrue();

        String listing = freshListing();
        Cli show = Cli.run(anon("catalog", "show", "--id", listing, "--check", "--json"));
        assertThat(show.exit()).as(show.toString()).isZero();
        assertThat(show.json().path("checked").asBoolean()).isTrue();
        String contentRoot = show.json().path("contentRoot").asText();
        long b1 = balance("B1");
        long g1 = balance("G1");

        String trade = buy("B1", listing);
        assertThat(balance("B1")).isEqualTo(b1 - 700);
        assertThat(Cli.run(seller(trade, "market", "deliver")).exit()).isZero();
        Path inbox = dir.resolve("inbox-b1");
        Cli receive = Cli.run(as("B1", "market", "receive", "--trade", trade, "--inbox", inbox.toString()));
        assertThat(receive.exit()).as(receive.toString()).isZero();
        assertThat(Cli.run(as("G1", "market", "reveal", "--trade", trade, "--key-dir",
                dir.resolve("seller-keys").toString())).exit()).isZero();
        Path bought = dir.resolve("bought.dataset");
        Cli accept = Cli.run(as("B1", "market", "accept", "--trade", trade, "--inbox", inbox.toString(), "--out",
                bought.toString()));
        assertThat(accept.exit()).as(accept.toString()).isZero();

        byte[] data = Files.readAllBytes(bought);
        assertThat(ContentRoot.chunkCount(data.length)).as("a multi-chunk dataset").isGreaterThan(1);
        assertThat(Hex.encode(ContentRoot.root(HashFunctions.SHA256, data))).isEqualTo(contentRoot);
        JsonNode t = trade(trade);
        assertThat(t.path("status").asText()).isEqualTo("released");
        assertThat(t.path("closeReason").asText()).isEqualTo("accepted");
        assertThat(balance("B1")).isEqualTo(b1 - 700);
        assertThat(balance("G1")).isEqualTo(g1 + 700);
        Cli history = Cli.run(anon("market", "history", "--listing", listing, "--json"));
        assertThat(history.json()).hasSize(1);
        assertThat(history.json().get(0).path("tradeId").asText()).isEqualTo(trade);
    }

    @Test
    void aFraudulentDeliveryIsDisputedOnChainAndRefunded() throws Exception {
        long b1 = balance("B1");
        long g1 = balance("G1");
        String trade = buy("B1", freshListing());
        assertThat(Cli.run(seller(trade, "market", "deliver", "--simulate-fraud")).exit()).isZero();
        Path inbox = dir.resolve("inbox-fraud");
        assertThat(Cli.run(as("B1", "market", "receive", "--trade", trade, "--inbox", inbox.toString())).exit())
                .as("the claimed leaves are honest, so the package passes the pre-receipt check").isZero();
        assertThat(Cli.run(as("G1", "market", "reveal", "--trade", trade, "--key-dir",
                dir.resolve("seller-keys").toString())).exit()).isZero();
        Cli accept = Cli.run(as("B1", "market", "accept", "--trade", trade, "--inbox", inbox.toString(), "--out",
                dir.resolve("never.dataset").toString()));
        assertThat(accept.exit()).as(accept.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(accept.out()).contains("chunk 0").contains("dispute");
        assertThat(dir.resolve("never.dataset")).doesNotExist();
        JsonNode t = trade(trade);
        assertThat(t.path("status").asText()).isEqualTo("refunded");
        assertThat(t.path("closeReason").asText()).isEqualTo("dispute_upheld");
        assertThat(balance("B1")).isEqualTo(b1);
        assertThat(balance("G1")).isEqualTo(g1);
        assertThat(Cli.run(as("B1", "market", "dispute", "--trade", trade, "--inbox", inbox.toString())).exit())
                .as("a closed trade cannot be disputed twice").isEqualTo(ExitCodes.VERIFICATION_FAILED);
    }

    @Test
    void aMissedDeliveryDeadlineRefundsTheBuyerBySettle() throws Exception {
        long b1 = balance("B1");
        assertThat(Cli.run(as("PLAT", "market", "configure", "--deliver", "PT30S")).exit()).isZero();
        String trade;
        try {
            trade = buy("B1", freshListing());
        } finally {
            assertThat(Cli.run(as("PLAT", "market", "configure", "--deliver", "PT24H")).exit()).isZero();
        }
        assertThat(Cli.run(anon("market", "configure", "--json")).json().path("deliver").asText()).isEqualTo("PT24H");
        assertThat(trade(trade).path("status").asText()).isEqualTo("purchased");
        // the trade keeps the 30-second deadline it was bought under; move the node's clock past it (within the
        // 60 s the node allows between its clock and a signed request's)
        Instant due = Instant.parse(trade(trade).path("purchased").path("time").asText()).plusSeconds(30);
        clock.advance(java.time.Duration.ofSeconds(31));
        assertThat(clock.instant()).isAfter(due);
        Cli settle = Cli.run(as("B2", "market", "settle", "--trade", trade));
        assertThat(settle.exit()).as(settle.toString()).isZero();
        JsonNode t = trade(trade);
        assertThat(t.path("status").asText()).isEqualTo("refunded");
        assertThat(t.path("closeReason").asText()).isEqualTo("delivery_missed");
        assertThat(balance("B1")).isEqualTo(b1);
        assertThat(Cli.run(seller(trade, "market", "deliver")).exit()).as("too late to deliver")
                .isEqualTo(ExitCodes.VERIFICATION_FAILED);
    }

    @Test
    void settlingBeforeAnyDeadlineIsRefused() {
        String trade = buy("B1", freshListing());
        Cli early = Cli.run(as("B2", "market", "settle", "--trade", trade));
        assertThat(early.exit()).as("before the deadline nothing is due").isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(early.out()).contains("refused");
        assertThat(trade(trade).path("status").asText()).isEqualTo("purchased");
    }

    @Test
    void abuseIsRefusedWithAReason() throws Exception {
        String listing = freshListing();
        String trade = buy("B1", listing);
        Cli twice = Cli.run(as("B1", "market", "buy", "--listing", listing));
        assertThat(twice.exit()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(twice.out()).contains("refused");
        Cli poor = Cli.run(as("B2", "market", "buy", "--listing", listing));
        assertThat(poor.exit()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(poor.out()).contains("code 401").contains("holds 0");
        Cli own = Cli.run(as("G1", "catalog", "publish", "--db", db, "--price", "1", "--dataset", listing));
        assertThat(own.exit()).as("a listing id is published once").isEqualTo(ExitCodes.VERIFICATION_FAILED);
        Cli platformDeposit = Cli.run(as("B1", "market", "deposit", "--account", "B1", "--amount", "1000000"));
        assertThat(platformDeposit.exit()).as("only the platform creates money").isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(Cli.run(seller(trade, "market", "deliver")).exit()).isZero();
        Cli wrongBuyer = Cli.run(as("B2", "market", "receive", "--trade", trade, "--inbox", dir.resolve("b2").toString()));
        assertThat(wrongBuyer.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrongBuyer.err()).contains("bought by B1");
        NodeClient asB2 = new NodeClient(URI.create(url)).signedAs("B2",
                KeyFiles.readPrivateKey(dir.resolve("net/keys/B2.key")));
        URI endpoint = URI.create(url + "/chains/trading/market/deliveries");
        assertThatThrownBy(() -> asB2.fetchDelivery("trading", "G1", endpoint, trade, 1 << 20))
                .isInstanceOfSatisfying(NodeClientException.class, e -> assertThat(e.status()).isEqualTo(403));
        java.net.http.HttpResponse<String> unsigned = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(endpoint + "/" + trade)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(401);
        assertThat(unsigned.body()).contains("UNAUTHENTICATED");
        Cli revealEarly = Cli.run(as("G1", "market", "reveal", "--trade", trade, "--key-dir",
                dir.resolve("seller-keys").toString()));
        assertThat(revealEarly.exit()).as("no key before the buyer confirmed receipt")
                .isEqualTo(ExitCodes.VERIFICATION_FAILED);

        String other = freshListing();
        assertThat(Cli.run(as("G1", "catalog", "update", "--id", other, "--price", "900")).exit()).isZero();
        Cli stale = Cli.run(as("B1", "market", "buy", "--listing", other, "--max-price", "700"));
        assertThat(stale.exit()).as("the price went up").isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(Cli.run(as("B2", "catalog", "update", "--id", other, "--price", "1")).exit())
                .as("only the seller updates").isNotZero();
        assertThat(Cli.run(as("G1", "catalog", "withdraw", "--id", other)).exit()).isZero();
        assertThat(Cli.run(anon("catalog", "show", "--id", other)).exit()).as("withdrawn: gone from the directory")
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Cli.run(as("B1", "market", "buy", "--listing", other)).exit()).isNotZero();

        Cli badQuery = Cli.run(anon("catalog", "search", "--path", "a/b/c/d/e/f"));
        assertThat(badQuery.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badQuery.err()).contains("path");
        Cli unknown = Cli.run(anon("catalog", "show", "--id", "no/such/listing"));
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    /**
     * A seller points its listing at a server of its own. Before, the buyer's {@code receive} signed a read
     * of whatever path the endpoint named (here the buyer's private business chain's event stream) and sent
     * it there, where the seller could replay it to the buyer's node. Now nothing is signed for such an
     * endpoint, and what a well-formed one captures opens nothing but that delivery.
     */
    @Test
    void aSellersEndpointCannotMakeTheBuyerSignAReadOfItsPrivateChain() throws Exception {
        String listing = freshListing();
        assertThat(Cli.run(as("PLAT", "market", "deposit", "--account", "G2", "--amount", "1000")).exit()).isZero();
        String trade = buy("G2", listing);
        assertThat(Cli.run(seller(trade, "market", "deliver")).exit()).isZero();
        List<Map<String, String>> captured = new CopyOnWriteArrayList<>();
        HttpServer capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        capture.createContext("/", ex -> {
            Map<String, String> r = new HashMap<>();
            r.put("path", ex.getRequestURI().getRawPath());
            for (String h : SIGNING_HEADERS) {
                if (ex.getRequestHeaders().getFirst(h) != null) {
                    r.put(h, ex.getRequestHeaders().getFirst(h));
                }
            }
            captured.add(r);
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        capture.start();
        try {
            String own = "http://127.0.0.1:" + capture.getAddress().getPort();
            assertThat(Cli.run(as("G1", "catalog", "update", "--id", listing, "--endpoint",
                    own + "/chains/business-g2/events?from=1&x=")).exit()).isZero();
            Cli receive = Cli.run(as("G2", "market", "receive", "--trade", trade, "--inbox",
                    dir.resolve("inbox-g2").toString()));
            assertThat(receive.exit()).as(receive.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
            assertThat(receive.out()).contains("not a delivery path of chain trading");
            assertThat(captured).as("nothing was signed or sent to the seller's server").isEmpty();

            assertThat(Cli.run(as("G1", "catalog", "update", "--id", listing, "--endpoint",
                    own + "/chains/trading/market/deliveries")).exit()).isZero();
            Cli again = Cli.run(as("G2", "market", "receive", "--trade", trade, "--inbox",
                    dir.resolve("inbox-g2").toString()));
            assertThat(again.exit()).as("the seller's server answered 404").isNotZero();
            assertThat(captured).hasSize(1);
            Map<String, String> signed = captured.get(0);
            assertThat(signed.get("path")).isEqualTo("/chains/trading/market/deliveries/" + trade);
            assertThat(signed).containsEntry("X-EC-Member", "G2").containsEntry("X-EC-Node", "G1");
            for (String path : List.of("/chains/business-g2/events", "/chains/business-g2/status",
                    "/chains/trading/status")) {
                java.net.http.HttpRequest.Builder replay = java.net.http.HttpRequest.newBuilder(URI.create(url + path));
                signed.forEach((h, v) -> {
                    if (!h.equals("path")) {
                        replay.header(h, v);
                    }
                });
                java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(replay.build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(401);
            }
        } finally {
            capture.stop(0);
        }
    }

    static final List<String> SIGNING_HEADERS = List.of("X-EC-Member", "X-EC-Node", "X-EC-Time", "X-EC-Nonce",
            "X-EC-Content-SHA256", "X-EC-Signature");

    @Test
    void theCatalogueBrowsesWithCountsAndMatchesARebuildFromTheChain() {
        Cli root = Cli.run(anon("catalog", "browse", "--json"));
        assertThat(root.exit()).as(root.toString()).isZero();
        long sum = 0;
        for (JsonNode c : root.json().path("children")) {
            sum += c.path("count").asLong();
        }
        long total = Cli.run(anon("catalog", "search", "--json")).json().path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(listings.size() - 1L);
        assertThat(sum).isEqualTo(total);
        String energyType = root.json().path("children").get(0).path("name").asText();
        Cli level2 = Cli.run(anon("catalog", "browse", "--path", energyType, "--json"));
        assertThat(level2.json().path("level").asInt()).isEqualTo(1);
        Cli verify = Cli.run(anon("catalog", "verify", "--json"));
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.json().path("consistent").asBoolean()).isTrue();
    }
}
