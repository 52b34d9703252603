package org.energychain.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.KvContract;
import org.energychain.node.Node;
import org.energychain.node.SubmissionRoute;
import org.energychain.node.api.ApiServer;
import org.energychain.node.config.NodeConfig;
import org.energychain.supervision.contract.SupervisionRoles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client of several real nodes (in-process nodes with their APIs on free ports, each ordering alone
 * over its own in-memory store) fails over from an address that is dead, failing or not taking
 * transactions to the next, re-signing every request for the node it reaches.
 */
class ClientFailoverTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final CryptoSuite SUITE = CryptoSuites.SHA256_ED25519;
    static final SecureRandom RND = new SecureRandom();
    static final KeyPair G1 = SUITE.signatures().generateKeyPair(RND);
    static final KeyPair REG = SUITE.signatures().generateKeyPair(RND);
    static final ChainLimits LIMITS = new ChainLimits(100, 1 << 20, 4096, 1000, Duration.ofMillis(20));

    final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
    final List<AutoCloseable> running = new ArrayList<>();

    /** A running node and its API. */
    record Running(Node node, ApiServer api, Genesis open, Genesis priv) {
        URI uri() {
            return URI.create("http://127.0.0.1:" + api.port());
        }
    }

    /**
     * A node hosting "open" (public) and "priv" (private) as {@code member}, the chains' only validator;
     * both members are on both chains. Nodes of different members have different genesis files.
     */
    Running node(String member, SubmissionRoute route) {
        KeyPair key = member.equals("g1") ? G1 : REG;
        List<Member> members = List.of(new Member("g1", java.util.Set.of(SupervisionRoles.GROUP), G1.publicKey()),
                new Member("reg", java.util.Set.of(SupervisionRoles.REGULATOR), REG.publicKey()));
        List<NodeInfo> nodes = List.of(NodeInfo.solo(member + "-node", member, key.publicKey()));
        Genesis open = new Genesis("open", SUITE.name(), false, NOW.minusSeconds(3600), members, nodes,
                List.of(new Validator(member + "-node", 10)), List.of("kv"), LIMITS);
        Genesis priv = new Genesis("priv", SUITE.name(), true, NOW.minusSeconds(3600), members, nodes,
                List.of(new Validator(member + "-node", 10)), List.of("kv"), LIMITS);
        Node node = Node.builder().contracts(new ContractRegistry().register(new KvContract())).clock(clock)
                .submissionRoute(route).chain(open, member, key.privateKey()).chain(priv, member, key.privateKey())
                .build();
        node.start();
        running.add(node);
        ApiServer api = new ApiServer(node, NodeConfig.Http.DEFAULT.withPort(0), false).start();
        running.add(0, api);
        return new Running(node, api, open, priv);
    }

    Running node(String member) {
        return node(member, SubmissionRoute.LOCAL);
    }

    /** A node that takes no transaction: its route answers UNAVAILABLE, as a follower cut off from its leader would. */
    Running notTakingTransactions(AtomicInteger asked) {
        return node("g1", (chain, tx) -> {
            asked.incrementAndGet();
            return new Submission(Hex.encode(tx.id(chain.genesis().cryptoSuite().hash())), new Rejection(
                    Rejection.Reason.UNAVAILABLE, "not the leader"), CompletableFuture.failedFuture(
                    new IllegalStateException("not the leader")));
        });
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    /** An address where nothing listens: a port that was free a moment ago. */
    static URI dead() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    static Transaction tx(String sender, KeyPair key, String chain, long nonce, String method, String arg) {
        return Transaction.sign(chain, sender, nonce, "kv", method, arg.getBytes(StandardCharsets.UTF_8),
                SUITE.signatures(), key.privateKey());
    }

    NodeClient client(URI... addresses) {
        return new NodeClient(List.of(addresses)).with(Duration.ofSeconds(30), clock);
    }

    @Test
    void whenTheFirstAddressIsDeadTheClientReadsAndSubmitsOnTheNext() throws Exception {
        Running a = node("g1");
        NodeClient c = client(dead(), a.uri());
        assertThat(c.status("open").get("chain").asText()).isEqualTo("open");
        assertThat(c.base()).as("the address that answered is tried first from now on").isEqualTo(a.uri());
        NodeClient.SubmitResult s = c.submit("open", tx("g1", G1, "open", 0, "put", "a=1"), true);
        assertThat(s.committed()).as(s.toString()).isTrue();

        NodeClient fresh = client(dead(), a.uri());
        List<NodeClient.BatchItem> items = fresh.submitBatch("open", List.of(tx("g1", G1, "open", 1, "put", "b=2"),
                tx("g1", G1, "open", 2, "put", "c=3")), true);
        assertThat(items).extracting(NodeClient.BatchItem::status).containsExactly("committed", "committed");
        assertThat(new String(client(dead(), a.uri()).query("open", "kv", "get", "c".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("3");
        // a signing client learns the second node's identity from that node
        NodeClient signed = client(dead(), a.uri()).signedAs("g1", G1.privateKey());
        assertThat(signed.status("priv").get("nodeMember").asText()).isEqualTo("g1");
    }

    @Test
    void aSignedRequestThatFailsOverIsSignedAfreshForTheNodeItReaches() throws Exception {
        Running a = node("g1");
        Running b = node("reg");
        NodeClient c = client(a.uri(), b.uri()).signedAs("g1", G1.privateKey());
        assertThat(c.status("priv").get("nodeMember").asText()).isEqualTo("g1");
        assertThat(c.identity("priv").node()).isEqualTo("g1");

        running.remove(a.api());
        a.api().close();
        // b is "reg" on a chain of another genesis: a request signed for a's identity would be WRONG_NODE there
        assertThat(c.status("priv").get("nodeMember").asText()).isEqualTo("reg");
        assertThat(c.identity("priv").node()).isEqualTo("reg");
        assertThat(c.identity("priv").genesisHash()).isEqualTo(Hex.encode(b.priv().hash()));
        assertThat(c.base()).isEqualTo(b.uri());
        NodeClient.SubmitResult s = c.submit("priv", tx("g1", G1, "priv", 0, "put", "p=1"), true);
        assertThat(s.committed()).isTrue();
        assertThat(c.receipt("priv", s.txId())).isPresent();
    }

    @Test
    void aNodeThatDoesNotTakeTransactionsIsPassedOverOneByOneAndInBatches() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Running follower = notTakingTransactions(asked);
        Running a = node("g1");
        NodeClient c = client(follower.uri(), a.uri());
        NodeClient.SubmitResult s = c.submit("open", tx("g1", G1, "open", 0, "put", "a=1"), true);
        assertThat(s.committed()).isTrue();
        assertThat(asked.get()).isEqualTo(1);

        NodeClient fresh = client(follower.uri(), a.uri());
        List<Transaction> txs = List.of(tx("g1", G1, "open", 1, "put", "b=1"), tx("reg", REG, "open", 0, "fail", "x"),
                tx("g1", G1, "open", 2, "put", "c=1"), tx("g1", G1, "open", 2, "put", "bad").withSignature(new byte[64]));
        List<NodeClient.BatchItem> items = fresh.submitBatch("open", txs, true);
        assertThat(asked.get()).as("the follower was asked for each").isEqualTo(5);
        assertThat(items).extracting(NodeClient.BatchItem::index).containsExactly(0, 1, 2, 3);
        assertThat(items).extracting(NodeClient.BatchItem::status)
                .containsExactly("committed", "committed", "committed", "rejected");
        assertThat(items.get(3).error()).isEqualTo("BAD_SIGNATURE");
        assertThat(items.get(3).httpStatus()).isEqualTo(403);
        assertThat(items.get(1).receipt().at("/result/code").asInt()).isEqualTo(102);
    }

    @Test
    void aTransactionCommittedBeforeTheFailoverAnswersItsReceiptNotReplayed() throws Exception {
        Running follower = notTakingTransactions(new AtomicInteger());
        Running a = node("g1");
        Transaction t = tx("g1", G1, "open", 0, "put", "a=1");
        NodeClient.SubmitResult direct = client(a.uri()).submit("open", t, true);
        assertThat(direct.committed()).isTrue();

        NodeClient.SubmitResult again = client(follower.uri(), a.uri()).submit("open", t, false);
        assertThat(again.committed()).as(again.toString()).isTrue();
        assertThat(again.txId()).isEqualTo(direct.txId());
        assertThat(again.receipt().get("height").asLong()).isEqualTo(direct.receipt().get("height").asLong());
        List<NodeClient.BatchItem> batch = client(follower.uri(), a.uri()).submitBatch("open", List.of(t));
        assertThat(batch.get(0).committed()).as(batch.toString()).isTrue();
        // without a failover REPLAYED stays what it is
        assertRefused(() -> client(a.uri()).submit("open", t, false), 409, "REPLAYED");
    }

    @Test
    void aDefinitiveAnswerIsNotSentToTheNextAddress() throws Exception {
        Running a = node("g1");
        NodeClient c = client(a.uri(), dead());
        assertRefused(() -> c.status("nowhere"), 404, "UNKNOWN_CHAIN");
        assertRefused(() -> c.status("priv"), 401, "UNAUTHENTICATED");
        assertRefused(() -> c.submit("open", tx("reg", REG, "open", 0, "put", "x=1"), false), 403, "UNAUTHORISED");
        assertThat(c.base()).isEqualTo(a.uri());
    }

    @Test
    void whenNoAddressAnswersTheErrorNamesEach() throws Exception {
        URI one = dead();
        URI two = dead();
        NodeClient c = client(one, two);
        assertThatThrownBy(() -> c.status("open")).isInstanceOfSatisfying(NodeClientException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.code()).isEqualTo("UNREACHABLE");
            assertThat(e.getMessage()).contains("no node of 2 answered").contains(one.toString()).contains(two.toString());
        });
        assertThatThrownBy(() -> new NodeClient(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeClient(URI.create("ftp://x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://x");
    }

    /**
     * A node that drops every other connection after reading the request, without a byte of answer (as a
     * kept-alive connection closed by the node while the client reuses it), and answers the others.
     */
    @Test
    void aConnectionDroppedBeforeAnyAnswerIsTriedOnceMoreOnANewOne() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            AtomicInteger connections = new AtomicInteger();
            Thread t = new Thread(() -> {
                String[] answers = {"{\"chains\":[]}", "{\"txId\":\"ab\",\"status\":\"pending\"}"};
                try {
                    for (int i = 0; i < 4; i++) {
                        try (java.net.Socket s = server.accept()) {
                            connections.incrementAndGet();
                            readRequest(s.getInputStream());
                            if (i % 2 == 1) {
                                byte[] body = answers[i / 2].getBytes(StandardCharsets.UTF_8);
                                s.getOutputStream().write(("HTTP/1.1 " + (i == 1 ? 200 : 202) + " OK\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: " + body.length
                                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                                s.getOutputStream().write(body);
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    // the test fails on its own assertions
                }
            });
            t.setDaemon(true);
            t.start();
            NodeClient c = client(URI.create("http://127.0.0.1:" + server.getLocalPort()));
            assertThat(c.chains().get("chains").isArray()).isTrue();
            assertThat(connections.get()).isEqualTo(2);
            assertThat(c.submit("open", tx("g1", G1, "open", 0, "put", "a=1"), false).txId()).isEqualTo("ab");
            assertThat(connections.get()).isEqualTo(4);
        }
    }

    /** Reads one HTTP/1.1 request: its head, then as many body bytes as its Content-Length says. */
    static void readRequest(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        for (int b; (b = in.read()) != -1; ) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        if (m.find()) {
            in.readNBytes(Integer.parseInt(m.group(1)));
        }
    }

    static void assertRefused(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(NodeClientException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        });
    }
}
