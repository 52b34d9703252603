package org.energychain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV demand profile of {@code dispatch post --profile}: bad lines are refused naming file:line. */
class ProfileFileTest {
    @TempDir
    Path dir;

    @Test
    void aLineOfSeparatorsOnlyIsRefusedWithItsLine() throws Exception {
        Path profile = dir.resolve("profile.csv");
        Files.writeString(profile, "interval,kw\n0,6000\n,\n");

        assertThatThrownBy(() -> DispatchChainCommands.readProfile(profile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(profile + ":3: '' is not a whole number of kW");
    }

    @Test
    void theLastCellOfEachLineIsItsValue() throws Exception {
        Path profile = dir.resolve("profile.csv");
        Files.writeString(profile, "interval,kw\n0,6000\n1;7000 # peak\n8000\n");

        assertThat(DispatchChainCommands.readProfile(profile)).containsExactly(6000L, 7000L, 8000L);
    }
}
