package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 'source,bus' file of {@code dispatch propose --bus-map}: exactly two fields a line. */
class BusMapFileTest {
    @TempDir
    Path dir;

    @Test
    void aLineWithATrailingThirdFieldIsRefusedWithItsLine() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(Path.of(DispatchPlanCliTest.resource("case3_ww3a.m")));
        Path map = dir.resolve("buses.csv");
        Files.writeString(map, "source,bus\nG1,2\nG2,1,\n");

        assertThatThrownBy(() -> DispatchChainCommands.busMap(map, mpc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(map + ":3: expected 'source,bus', got 'G2,1,'");
    }

    @Test
    void twoFieldsALineAreRead() throws Exception {
        MatpowerCase mpc = MatpowerReader.read(Path.of(DispatchPlanCliTest.resource("case3_ww3a.m")));
        Path map = dir.resolve("buses.csv");
        Files.writeString(map, "source,bus\nG1,2\nG2, 1\n");

        assertThat(DispatchChainCommands.busMap(map, mpc)).containsExactly(
                java.util.Map.entry("G1", 2), java.util.Map.entry("G2", 1));
    }
}
