package org.energychain.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console: part of node.yaml, which holds the console operator's password hash (never the password). */
class NodeConfigConsoleTest {
    static final String CHAINS = "identity:\n  member: G1\nnode:\n  id: G1-1\n  key: consensus.key\n"
            + "chains:\n  - genesis: genesis/business-g1.yaml\n";

    @TempDir
    Path dir;

    @Test
    void thePasswordHashIsReadAndIsAbsentWithoutAConsoleSection() throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, "console:\n  password-hash: scrypt$32768$8$1$c2FsdA$aGFzaA\n" + CHAINS);
        assertThat(NodeConfig.load(file).console().passwordHash()).contains("scrypt$32768$8$1$c2FsdA$aGFzaA");
        Files.writeString(file, CHAINS);
        assertThat(NodeConfig.load(file).console()).isEqualTo(NodeConfig.Console.NONE);
    }

    @Test
    void theOffChainStoreIsASqliteFileRelativeToTheFileOrAPostgresUrlWithoutPassword() throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, "console:\n  offchain-db: data/group.db\n" + CHAINS);
        assertThat(NodeConfig.load(file).console().offChainStore().orElseThrow().sqliteFile())
                .isEqualTo(dir.resolve("data/group.db").toAbsolutePath().normalize());
        Files.writeString(file, "console:\n  offchain-db-url: jdbc:postgresql://db/ec?user=ec\n" + CHAINS);
        assertThat(NodeConfig.load(file).console().offChainStore().orElseThrow().postgresUrl())
                .isEqualTo("jdbc:postgresql://db/ec?user=ec");
        Files.writeString(file, "console:\n  offchain-db-url: jdbc:postgresql://db/ec?user=ec&password=pw\n" + CHAINS);
        assertThatThrownBy(() -> NodeConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("offchain-db-url").hasMessageContaining("ENERGYCHAIN_DB_PASSWORD");
        Files.writeString(file, "console:\n  offchain-db: a.db\n  offchain-db-url: jdbc:postgresql://db/ec\n" + CHAINS);
        assertThatThrownBy(() -> NodeConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("one or the other");
        Files.writeString(file, "console:\n  password-hash: scrypt$32768$8$1$c2FsdA$aGFzaA\n" + CHAINS);
        assertThat(NodeConfig.load(file).console().offChainStore()).isEmpty();
    }

    @Test
    void anUnknownConsoleFieldIsRefusedByName() throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, "console:\n  password: hunter2\n" + CHAINS);
        assertThatThrownBy(() -> NodeConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("password");
    }
}
