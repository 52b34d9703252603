package org.energychain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.trading.TradingRoles;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.directory.CatalogIndex;
import org.energychain.trading.directory.DirectoryQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's directory inside a node on RocksDB: it follows committed blocks, survives a restart
 * through its snapshot, and is rebuilt from the chain when the snapshot is corrupt or missing.
 */
class CatalogIndexTest {
    static final CryptoSuite SUITE = CryptoSuites.SHA256_ED25519;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    final KeyPair g1 = SUITE.signatures().generateKeyPair(new SecureRandom());
    final KeyPair plat = SUITE.signatures().generateKeyPair(new SecureRandom());
    final Genesis trading = new Genesis("trading", SUITE.name(), false, T0,
            List.of(new Member("G1", java.util.Set.of(SupervisionRoles.GROUP), g1.publicKey()),
                    new Member("PLAT", java.util.Set.of(TradingRoles.PLATFORM), plat.publicKey())),
            List.of(NodeInfo.solo("PLAT-node", "PLAT", plat.publicKey())), List.of(new Validator("PLAT-node", 10)),
            List.of("catalog", "market"),
            new ChainLimits(100, 1 << 20, 64 << 10, 1000, Duration.ofMillis(20)));
    long nonce;

    Node node() {
        Node n = Node.builder().contracts(Node.discoveredContracts()).stores(ChainStoreFactory.rocksDb(dir.resolve("chains")))
                .clock(Clock.systemUTC()).chain(trading, "PLAT", plat.privateKey()).build();
        return n;
    }

    Path snapshot() {
        return dir.resolve("catalog/trading.directory");
    }

    static Listing listing(int i) {
        byte[] root = new byte[32];
        root[0] = (byte) i;
        return new Listing("D1/G1/unit-" + i, "SHA-256", root, 4096, i % 2 == 0 ? "wind" : "solar", "generation-profile",
                "North", "G1", "G1-U" + i, "time-series", "active_power", "kW", T0, T0.plusSeconds(86_400L * 31), 100 + i,
                "single use", "https://g1.example/deliveries");
    }

    void publish(Node n, int... ids) throws Exception {
        HostedChain c = n.chain("trading").orElseThrow();
        for (int i : ids) {
            Transaction tx = Transaction.sign("trading", "G1", nonce++, "catalog", "publish", listing(i).encode(),
                    SUITE.signatures(), g1.privateKey());
            Submission s = c.submit(tx);
            assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
            Receipt r = s.receipt().get(30, TimeUnit.SECONDS);
            assertThat(r.result().code()).isZero();
        }
    }

    @Test
    void followsBlocksSurvivesARestartAndRebuildsACorruptSnapshot() throws Exception {
        byte[] digest;
        try (Node n = node()) {
            CatalogIndex idx = CatalogIndex.open(n.chain("trading").orElseThrow().chain(), snapshot());
            n.start();
            publish(n, 1, 2, 3);
            awaitHeight(idx, n);
            assertThat(idx.directory().size()).isEqualTo(3);
            assertThat(idx.directory().query(DirectoryQuery.parse(java.util.Map.of("path", "wind"))).total()).isEqualTo(1);
            digest = idx.directory().digest();
            idx.close();
        }
        assertThat(snapshot()).exists();

        try (Node n = node()) {
            CatalogIndex idx = CatalogIndex.open(n.chain("trading").orElseThrow().chain(), snapshot());
            assertThat(idx.directory().digest()).as("loaded from the snapshot").isEqualTo(digest);
            assertThat(idx.directory().height()).isEqualTo(n.chain("trading").orElseThrow().chain().store().height());
            n.start();
            publish(n, 4);
            awaitHeight(idx, n);
            assertThat(idx.directory().size()).isEqualTo(4);
            digest = idx.directory().digest();
            assertThat(idx.rebuild().digest()).isEqualTo(digest);
            idx.close();
        }

        truncate(snapshot());
        try (Node n = node()) {
            CatalogIndex idx = CatalogIndex.open(n.chain("trading").orElseThrow().chain(), snapshot());
            assertThat(idx.directory().size()).as("rebuilt from the chain").isEqualTo(4);
            assertThat(idx.directory().digest()).isEqualTo(digest);
        }

        Files.delete(snapshot());
        try (Node n = node()) {
            CatalogIndex idx = CatalogIndex.open(n.chain("trading").orElseThrow().chain(), snapshot());
            assertThat(idx.directory().digest()).as("no snapshot: rebuilt").isEqualTo(digest);
        }
    }

    @Test
    void onlyThePlatformOfAChainRunningTheCatalogueServesIt() {
        try (Node n = node()) {
            assertThat(serves(n.chain("trading").orElseThrow())).isTrue();
        }
        // the same chain on a node of G1 (here its one validator): a group does not serve the catalogue
        Genesis byG1 = new Genesis(trading.chainId(), trading.suite(), false, trading.time(), trading.members(),
                List.of(NodeInfo.solo("G1-node", "G1", g1.publicKey())), List.of(new Validator("G1-node", 10)),
                trading.contracts(), trading.limits());
        Node asGroup = Node.builder().contracts(Node.discoveredContracts()).stores(ChainStoreFactory.inMemory())
                .chain(byG1, "G1", g1.privateKey()).build();
        try (asGroup) {
            assertThat(serves(asGroup.chain("trading").orElseThrow())).isFalse();
        }
    }

    private static boolean serves(HostedChain c) {
        return CatalogIndex.serves(c.genesis(), c.member());
    }

    private static void awaitHeight(CatalogIndex idx, Node n) throws InterruptedException {
        long h = n.chain("trading").orElseThrow().chain().store().height();
        for (int i = 0; i < 500 && idx.directory().height() < h; i++) {
            Thread.sleep(10);
        }
        assertThat(idx.directory().height()).isEqualTo(h);
    }

    private static void truncate(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length / 2));
    }
}
