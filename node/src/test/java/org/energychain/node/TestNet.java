package org.energychain.node;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.api.ApiServer;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.node.client.NodeClient;
import org.energychain.node.config.NodeConfig;
import org.energychain.supervision.contract.SupervisionRoles;

/**
 * A node for tests with two chains over the kv contract: {@code open} (public) and {@code priv}
 * (private); members g1 (group, validator), reg (regulator); a key for an outsider. The node's clock
 * starts at {@link #NOW}; the API listens on a free port.
 */
public final class TestNet implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    /** Starts at {@link #NOW} and runs: the solo orderer cuts blocks as the clock passes the block interval. */
    public final Clock clock = Clock.offset(Clock.systemUTC(), java.time.Duration.between(Instant.now(), NOW));
    public final KeyPair g1;
    public final KeyPair reg;
    public final KeyPair outsider;
    public final Genesis open;
    public final Genesis priv;
    public final Node node;
    /** The routes of the domain modules on the class path (trading's), as a node mounts them. */
    public final List<NodeRoutes> extensions;
    public final ApiServer api;
    public final NodeClient client;

    /** @param start whether the orderers run (false: nothing is ever committed, the mempool only fills) */
    public TestNet(boolean start, ChainLimits limits) {
        this(start, limits, NodeConfig.Http.DEFAULT.withPort(0));
    }

    /** A test network whose API runs with {@code http} (its port should be 0). */
    public TestNet(boolean start, ChainLimits limits, NodeConfig.Http http) {
        SecureRandom rnd = new SecureRandom();
        g1 = suite.signatures().generateKeyPair(rnd);
        reg = suite.signatures().generateKeyPair(rnd);
        outsider = suite.signatures().generateKeyPair(rnd);
        List<Member> members = List.of(new Member("g1", java.util.Set.of(SupervisionRoles.GROUP), g1.publicKey()),
                new Member("reg", java.util.Set.of(SupervisionRoles.REGULATOR), reg.publicKey()));
        List<NodeInfo> nodes = List.of(NodeInfo.solo("g1-node", "g1", g1.publicKey()));
        open = new Genesis("open", suite.name(), false, NOW.minusSeconds(3600), members, nodes,
                List.of(new Validator("g1-node", 10)), List.of("kv"), limits);
        priv = new Genesis("priv", suite.name(), true, NOW.minusSeconds(3600), members, nodes,
                List.of(new Validator("g1-node", 10)), List.of("kv"), limits);
        node = Node.builder().contracts(new ContractRegistry().register(new KvContract())).clock(clock)
                .chain(open, "g1", g1.privateKey()).chain(priv, "g1", g1.privateKey()).build();
        if (start) {
            node.start();
        }
        extensions = RouteProvider.openAll(RouteProvider.discovered(), node, null);
        api = new ApiServer(node, http, true, extensions).start();
        client = new NodeClient(URI.create("http://127.0.0.1:" + api.port())).with(Duration.ofSeconds(30), clock);
    }

    public TestNet() {
        this(true, new ChainLimits(100, 1 << 20, 4096, 1000, Duration.ofMillis(20)));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    public Transaction tx(Genesis g, String sender, KeyPair key, long nonce, String method, String arg) {
        return Transaction.sign(g.chainId(), sender, nonce, "kv", method, arg.getBytes(StandardCharsets.UTF_8),
                suite.signatures(), key.privateKey());
    }

    @Override
    public void close() {
        api.close();
        node.close();
        extensions.forEach(NodeRoutes::close);
    }
}
