package org.energychain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.node.config.ConfigException;
import org.energychain.node.config.NodeConfig;
import org.energychain.node.genesis.DefaultNetwork;
import org.energychain.node.genesis.GenesisFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilesTest {
    @TempDir
    Path dir;

    static DefaultNetwork.Spec spec(String suite) {
        return new DefaultNetwork.Spec(CryptoSuites.byName(suite), Instant.parse("2026-06-01T00:00:00Z"),
                List.of("G1", "G2"), "REG", "PLAT", "GRID", "LOAD", List.of("B1"), List.of(), List.of(),
                ChainLimits.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519", "sm3-sm2"})
    void theDefaultNetworkIsWrittenAndEveryGenesisReadsBackToTheSameHash(String suite) throws Exception {
        List<DefaultNetwork.WrittenChain> chains = DefaultNetwork.create(spec(suite), dir, new SecureRandom());
        assertThat(chains).extracting(c -> c.genesis().chainId())
                .containsExactly("business-g1", "business-g2", "regulatory", "trading", "dispatch");
        for (DefaultNetwork.WrittenChain c : chains) {
            Genesis back = GenesisFile.load(c.file());
            assertThat(Hex.encode(back.hash())).isEqualTo(Hex.encode(c.genesis().hash()));
            assertThat(Files.readString(c.file())).startsWith("# EnergyChain genesis of chain " + c.genesis().chainId()
                    + "; hash " + Hex.encode(back.hash()));
        }
        Genesis g1 = chains.get(0).genesis();
        assertThat(g1.isPrivate()).isTrue();
        assertThat(g1.members()).extracting(m -> m.id()).containsExactly("G1");
        assertThat(g1.contracts()).containsExactly("period-anchor");
        assertThat(chains.get(2).genesis().members()).extracting(m -> m.id()).containsExactly("G1", "G2", "REG");
        assertThat(chains.get(3).genesis().members()).extracting(m -> m.id()).contains("PLAT", "B1", "GRID");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/G1.key")))).isEqualTo("rw-------");

        // node.yaml runs the whole network on one node, each chain proposed by its operator
        NodeConfig config = NodeConfig.load(dir.resolve("node.yaml"));
        ContractRegistry contracts = new ContractRegistry().register(new Named("period-anchor"))
                .register(new Named("regulatory-filing"));
        try (Node node = Node.fromConfig(config, contracts, ChainStoreFactory.inMemory(), Clock.systemUTC())) {
            assertThat(node.chains()).extracting(HostedChain::member)
                    .containsExactly("G1", "G2", "REG", "PLAT", "GRID");
        }
        // without the contracts the genesis lists, the node refuses to start
        assertThatThrownBy(() -> Node.fromConfig(config, new ContractRegistry(), ChainStoreFactory.inMemory(),
                Clock.systemUTC())).hasMessageContaining("period-anchor");
        // keys are never overwritten
        assertThatThrownBy(() -> DefaultNetwork.create(spec(suite), dir, new SecureRandom()))
                .hasMessageContaining("G1.key");
    }

    @Test
    void genesisErrorsNameTheFileAndTheField() throws Exception {
        DefaultNetwork.create(spec("sha256-ed25519"), dir, new SecureRandom());
        Path good = dir.resolve("genesis/regulatory.yaml");
        String text = Files.readString(good);

        assertField(write("role.yaml", text.replace("- regulator", "- emperor")), "members[2].roles", "emperor");
        assertField(write("time.yaml", text.replaceFirst("time: .*", "time: yesterday")), "time", "ISO-8601");
        assertField(write("extra.yaml", text + "colour: blue\n"), "colour", "unknown key");
        assertField(write("val.yaml", text.replace("org: REG", "org: NOBODY")), "nodes[0].org", "NOBODY");
        assertField(write("limits.yaml", text.replaceFirst("max-tx-bytes: \\d+", "max-tx-bytes: 3")), "limits.max-tx-bytes",
                "between");
        // a key by path, relative to the genesis file, reads to the same genesis
        String byPath = text.replaceFirst("(?s)(id: REG\\n\\s+roles:\\n\\s+- regulator\\n\\s+key: )\\|\\n(\\s+-----BEGIN PUBLIC KEY-----\\n.*?-----END PUBLIC KEY-----\\n)",
                "$1../keys/REG.pub\n");
        assertThat(byPath).isNotEqualTo(text).contains("key: ../keys/REG.pub");
        Path p = write("bypath.yaml", byPath);
        assertThat(GenesisFile.load(p).hash()).isEqualTo(GenesisFile.load(good).hash());
        assertField(write("nokey.yaml", byPath.replace("REG.pub", "MISSING.pub")), "members[2].key", "no such key file");
        // an SM2 key in an Ed25519 chain
        Path sm = dir.resolve("sm");
        DefaultNetwork.create(spec("sm3-sm2"), sm, new SecureRandom());
        assertField(write("scheme.yaml", byPath.replace("../keys/REG.pub", "../sm/keys/REG.pub")), "members[2].key", "SM2");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve("genesis").resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertField(Path file, String field, String text) {
        assertThatThrownBy(() -> GenesisFile.load(file)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(file.toString()).contains(text);
        });
    }

    @Test
    void nodeConfigChecksRangesAndNamesTheField() throws Exception {
        Path f = dir.resolve("node.yaml");
        Files.writeString(f, "http:\n  port: 70000\nnode:\n  id: G1-1\n  key: G1-1.key\nchains:\n  - genesis: g.yaml\n"
                + "    member: G1\n    key: G1.key\n");
        assertThatThrownBy(() -> NodeConfig.load(f)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo("http.port"));
        Files.writeString(f, "http:\n  max-connections-per-address: 0\nnode:\n  id: G1-1\n  key: G1-1.key\nchains:\n"
                + "  - genesis: g.yaml\n    member: G1\n    key: G1.key\n");
        assertThatThrownBy(() -> NodeConfig.load(f)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo("http.max-connections-per-address"));
        Files.writeString(f, "chains:\n  - genesis: g.yaml\n");
        assertThatThrownBy(() -> NodeConfig.load(f)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo("chains[0].member"));
        Files.writeString(f, "identity:\n  member: G1\n  key: secret/G1.key\nchains:\n  - genesis: g.yaml\n");
        assertThatThrownBy(() -> NodeConfig.load(f)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo("chains[0].node"));
        Files.writeString(f, "identity:\n  member: G1\n  key: secret/G1.key\nnode:\n  id: G1-1\n  key: secret/G1-1.key\n"
                + "chains:\n  - genesis: g.yaml\n");
        NodeConfig c = NodeConfig.load(f);
        assertThat(c.chains().get(0).key()).isEqualTo(dir.resolve("secret/G1.key"));
        assertThat(c.http().port()).isEqualTo(NodeConfig.DEFAULT_PORT);
        assertThat(c.chains().get(0).nodeKey()).isEqualTo(dir.resolve("secret/G1-1.key"));
        assertThat(c.describe()).contains("member=G1").contains("key-file=" + dir.resolve("secret/G1.key"))
                .contains("node=G1-1")
                .contains("store=rocksdb").contains("per-address=64").contains("request-read-timeout=10000ms");
        assertThat(c.http().limits()).isEqualTo(NodeConfig.Limits.DEFAULT);
    }

    /** A contract that only has a name, to stand in for the domain contracts. */
    record Named(String name) implements Contract {
        @Override
        public Map<String, MethodSpec> methods() {
            return Map.of();
        }

        @Override
        public void submit(TxContext ctx, String method, byte[] args) {
        }

        @Override
        public byte[] query(QueryContext ctx, String method, byte[] args) {
            return new byte[0];
        }
    }
}
