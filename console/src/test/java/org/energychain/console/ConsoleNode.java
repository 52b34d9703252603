package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
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
import org.energychain.node.config.NodeConfig;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.Listing;

/**
 * A real node for the console's tests: a trading chain run by the platform PLAT, in memory, with every
 * route provider on the class path (the console's among them) and a console password; transactions are
 * signed by the group G1 and committed through the node.
 */
final class ConsoleNode implements AutoCloseable {
    static final CryptoSuite SUITE = CryptoSuites.SHA256_ED25519;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String PASSWORD = "correct horse battery staple";

    final KeyPair g1 = SUITE.signatures().generateKeyPair(new SecureRandom());
    final KeyPair plat = SUITE.signatures().generateKeyPair(new SecureRandom());
    final Genesis trading = new Genesis("trading", SUITE.name(), false, T0,
            List.of(new Member("G1", Set.of(SupervisionRoles.GROUP), g1.publicKey()),
                    new Member("PLAT", Set.of(TradingRoles.PLATFORM), plat.publicKey())),
            List.of(NodeInfo.solo("PLAT-node", "PLAT", plat.publicKey())), List.of(new Validator("PLAT-node", 10)),
            List.of("catalog", "market"), new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20)));
    final Node node;
    final List<NodeRoutes> extensions;
    final ApiServer api;
    private long nonce;

    ConsoleNode() {
        this((Genesis) null, null, null);
    }

    /** A node running {@code genesis} as {@code member} with its key instead (null: the trading chain as PLAT). */
    ConsoleNode(Genesis genesis, String member, org.energychain.crypto.sign.PrivateKey key) {
        this(java.util.Collections.singletonList(genesis), member, key);
    }

    /** A node running every chain of {@code chains} as {@code member} (each ordered by the node alone). */
    ConsoleNode(List<Genesis> chains, String member, org.energychain.crypto.sign.PrivateKey key) {
        this(chains, member, key, null);
    }

    /**
     * A node running every chain of {@code chains} as {@code member}, whose route providers keep their files
     * in {@code dataDir} (a seller's packages under {@code deliveries/}); null: none.
     */
    ConsoleNode(List<Genesis> chains, String member, org.energychain.crypto.sign.PrivateKey key,
            java.nio.file.@org.jspecify.annotations.Nullable Path dataDir) {
        this(chains, member, key, dataDir, Optional.empty());
    }

    /** As above, with the organisation's off-chain store named in the console's settings. */
    ConsoleNode(List<Genesis> chains, String member, org.energychain.crypto.sign.PrivateKey key,
            java.nio.file.@org.jspecify.annotations.Nullable Path dataDir,
            Optional<org.energychain.supervision.store.OffChainLocation> offChainStore) {
        Node.Builder b = Node.builder().contracts(Node.discoveredContracts()).stores(ChainStoreFactory.inMemory());
        for (Genesis g : chains) {
            b.chain(g == null ? trading : g, member == null ? "PLAT" : member, key == null ? plat.privateKey() : key);
        }
        node = b.console(new NodeConfig.Console(Optional.of(ConsolePassword.hash(PASSWORD, 1 << 12)), offChainStore))
                .build();
        node.start();
        extensions = RouteProvider.openAll(RouteProvider.discovered(), node, dataDir);
        api = new ApiServer(node, NodeConfig.Http.DEFAULT.withPort(0), false, extensions).start();
    }

    String url(String path) {
        return api.url() + path;
    }

    /** Publishes listing number {@code n} as G1 and waits for its commit; its transaction id. */
    String publish(int n) throws Exception {
        byte[] root = new byte[32];
        root[0] = (byte) n;
        Listing l = new Listing("D1/G1/unit-" + n, "SHA-256", root, 4096, "wind", "generation-profile", "North", "G1",
                "G1-U" + n, "time-series", "active_power", "kW", T0, T0.plusSeconds(86_400L * 31), 100, "single use",
                "https://g1.example/deliveries");
        Transaction tx = Transaction.sign("trading", "G1", nonce++, "catalog", "publish", l.encode(), SUITE.signatures(),
                g1.privateKey());
        Submission s = node.chain("trading").orElseThrow().submit(tx);
        assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
        Receipt r = s.receipt().get(30, TimeUnit.SECONDS);
        assertThat(r.result().code()).isZero();
        return Hex.encode(tx.id(SUITE.hash()));
    }

    /** Signs {@code contract.method(args)} as {@code sender} and commits it on {@code chain}; its result code. */
    static int commit(Node n, String chain, String sender, org.energychain.crypto.sign.PrivateKey key, long nonce,
            String contract, String method, byte[] args) throws Exception {
        Transaction tx = Transaction.sign(chain, sender, nonce, contract, method, args, SUITE.signatures(), key);
        Submission s = n.chain(chain).orElseThrow().submit(tx);
        assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
        return s.receipt().get(30, TimeUnit.SECONDS).result().code();
    }

    @Override
    public void close() {
        api.close();
        node.close();
        extensions.forEach(NodeRoutes::close);
    }
}
