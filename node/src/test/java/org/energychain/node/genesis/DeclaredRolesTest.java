package org.energychain.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.energychain.crypto.CryptoSuites;
import org.energychain.dispatch.negotiation.DispatchRoles;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Roles;
import org.energychain.node.config.ConfigException;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.trading.TradingRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node knows the roles the domain modules on its class path declare, and only those. */
class DeclaredRolesTest {
    @TempDir
    Path dir;

    @Test
    void theDomainModulesDeclareTheRolesGenesisFilesHaveAlwaysUsed() {
        // (the ledger's test jar on this class path adds its own test roles, reader and writer)
        assertThat(Roles.discovered().declared().keySet())
                .contains("buyer", "grid", "group", "load", "plant", "platform", "regulator");
        assertThat(Roles.of(List.of(new SupervisionRoles())).declared()).containsOnlyKeys("group", "regulator");
        assertThat(Roles.of(List.of(new TradingRoles())).declared()).containsOnlyKeys("platform", "buyer");
        assertThat(Roles.of(List.of(new DispatchRoles())).declared()).containsOnlyKeys("grid", "load", "plant");
    }

    @Test
    void aGenesisFileNamingARoleNoModuleDeclaresIsRefusedNamingIt() throws Exception {
        DefaultNetwork.Spec spec = new DefaultNetwork.Spec(CryptoSuites.DEFAULT, Instant.parse("2026-06-01T00:00:00Z"),
                List.of("G1"), "REG", "PLAT", "GRID", "LOAD", List.of("B1"), List.of(), List.of(), ChainLimits.DEFAULT);
        Path trading = DefaultNetwork.create(spec, dir, new SecureRandom()).stream()
                .filter(c -> c.genesis().chainId().equals("trading")).findFirst().orElseThrow().file();
        assertThat(GenesisFile.load(trading).members()).extracting(m -> m.id())
                .containsExactly("B1", "G1", "GRID", "PLAT");

        // well-formed, but declared by no module: refused with the file, the field and the role
        Path king = dir.resolve("king.yaml");
        Files.writeString(king, Files.readString(trading).replaceFirst("- buyer", "- king"));
        assertThatThrownBy(() -> GenesisFile.load(king)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("king.yaml").hasMessageContaining(".roles")
                .hasMessageContaining("unknown role 'king'").hasMessageContaining("known: buyer, grid, group, load, plant");

        // a node without trading on its class path does not know the buyer
        Roles withoutTrading = Roles.of(List.of(new SupervisionRoles(), new DispatchRoles()));
        assertThatThrownBy(() -> GenesisFile.load(trading, withoutTrading)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown role 'buyer'");
    }
}
