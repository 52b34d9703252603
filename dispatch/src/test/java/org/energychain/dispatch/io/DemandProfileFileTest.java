package org.energychain.dispatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV demand profile of {@code dispatch post --profile}: bad lines are refused naming file:line. */
class DemandProfileFileTest {
    @TempDir
    Path dir;

    @Test
    void aLineOfSeparatorsOnlyIsRefusedWithItsLine() throws Exception {
        Path profile = dir.resolve("profile.csv");
        Files.writeString(profile, "interval,kw\n0,6000\n,\n");

        assertThatThrownBy(() -> DemandProfileFile.read(profile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(profile + ":3: '' is not a whole number of kW");
    }

    @Test
    void theLastCellOfEachLineIsItsValue() throws Exception {
        Path profile = dir.resolve("profile.csv");
        Files.writeString(profile, "interval,kw\n0,6000\n1;7000 # peak\n8000\n");

        assertThat(DemandProfileFile.read(profile)).containsExactly(6000L, 7000L, 8000L);
    }

    @Test
    void aJsonProfileNamesTheElementThatIsNotAWholeNumber() throws Exception {
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, "{\"profileKw\": [6000, 7000.5]}");

        assertThatThrownBy(() -> DemandProfileFile.read(profile))
                .hasMessage(profile + ": profileKw[1]: '7000.5' is not a whole number of kW");
    }
}
