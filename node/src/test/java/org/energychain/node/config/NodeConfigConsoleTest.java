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
    void anUnknownConsoleFieldIsRefusedByName() throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, "console:\n  password: hunter2\n" + CHAINS);
        assertThatThrownBy(() -> NodeConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("password");
    }
}
