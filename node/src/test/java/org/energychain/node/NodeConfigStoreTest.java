package org.energychain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.config.ConfigException;
import org.energychain.node.config.NodeConfig;
import org.energychain.node.genesis.DefaultNetwork;
import org.energychain.supervision.contract.SupervisionRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node configuration that names no store keeps its chains on disk (RocksDB), never silently in memory. */
class NodeConfigStoreTest {
    @TempDir
    Path dir;

    @Test
    void aConfigWithoutStoreKeepsItsChainsAcrossARestart() throws Exception {
        DefaultNetwork.create(FilesTest.spec("sha256-ed25519"), dir, new SecureRandom());
        Path yaml = dir.resolve("node.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("store: rocksdb\n", ""));
        assertThat(Files.readString(yaml)).doesNotContain("store");

        NodeConfig config = NodeConfig.load(yaml);
        assertThat(config.store()).isEqualTo("rocksdb");
        ContractRegistry contracts = new ContractRegistry().register(new Anchor())
                .register(new FilesTest.Named("regulatory-filing"));
        PrivateKey g1 = KeyFiles.readPrivateKey(dir.resolve("keys/G1.key"));
        try (Node node = Node.fromConfig(config, contracts, ChainStoreFactory.of(config.store(), config.dataDir()),
                Clock.systemUTC())) {
            node.start();
            Submission s = node.chain("business-g1").orElseThrow().submit(Transaction.sign("business-g1", "G1", 0,
                    "period-anchor", "anchor", new byte[] {1}, CryptoSuites.SHA256_ED25519.signatures(), g1));
            assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
            assertThat(s.receipt().get(30, TimeUnit.SECONDS).height()).isEqualTo(1);
        }
        try (Node again = Node.fromConfig(NodeConfig.load(yaml), contracts,
                ChainStoreFactory.of(config.store(), config.dataDir()), Clock.systemUTC())) {
            assertThat(again.chain("business-g1").orElseThrow().chain().store().height()).isEqualTo(1);
        }
    }

    /** Stands in for the period-anchor contract: one method that records its argument. */
    static final class Anchor implements Contract {
        @Override
        public String name() {
            return "period-anchor";
        }

        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of("anchor", MethodSpec.submit(SupervisionRoles.GROUP));
        }

        @Override
        public void submit(TxContext ctx, String method, byte[] args) {
            ctx.put("last", args);
        }

        @Override
        public byte[] query(QueryContext ctx, String method, byte[] args) {
            return new byte[0];
        }
    }

    @Test
    void anUnknownStoreIsRefusedNamingTheField() throws Exception {
        Path f = dir.resolve("node.yaml");
        Files.writeString(f, "store: tape\nidentity:\n  member: G1\n  key: G1.key\nnode:\n  id: G1-1\n  key: G1-1.key\n"
                + "chains:\n  - genesis: g.yaml\n");
        assertThatThrownBy(() -> NodeConfig.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("store");
            assertThat(e.getMessage()).contains("rocksdb").contains("tape");
        });
    }
}
