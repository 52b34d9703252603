package org.energychain.dispatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 'source,bus' file of {@code dispatch propose --bus-map}: exactly two fields a line, errors at file:line. */
class BusMapFileTest {
    private static final List<Integer> BUSES = List.of(1, 2, 3);

    @TempDir
    Path dir;

    @Test
    void aLineWithATrailingThirdFieldIsRefusedWithItsLine() throws Exception {
        Path map = dir.resolve("buses.csv");
        Files.writeString(map, "source,bus\nG1,2\nG2,1,\n");

        assertThatThrownBy(() -> BusMapFile.read(map, BUSES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(map + ":3: expected 'source,bus', got 'G2,1,'");
    }

    @Test
    void twoFieldsALineAreRead() throws Exception {
        Path map = dir.resolve("buses.csv");
        Files.writeString(map, "source,bus\nG1,2\n# a comment\nG2, 1\n");

        assertThat(BusMapFile.read(map, BUSES)).containsExactly(Map.entry("G1", 2), Map.entry("G2", 1));
    }

    @Test
    void aBusOutsideTheNetworkIsRefusedWithItsLine() throws Exception {
        Path map = dir.resolve("buses.csv");
        Files.writeString(map, "G1,2\nG2,9\n");

        assertThatThrownBy(() -> BusMapFile.read(map, BUSES)).hasMessage(map + ":2: bus 9 is not in the case");
    }

    @Test
    void aSourceMappedTwiceOrANonNumericBusIsRefused() throws Exception {
        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "G1,2\nG1,3\n");
        Path word = dir.resolve("word.csv");
        Files.writeString(word, "G1,north\n");

        assertThatThrownBy(() -> BusMapFile.read(twice, BUSES)).hasMessage(twice + ":2: source G1 is mapped twice");
        assertThatThrownBy(() -> BusMapFile.read(word, BUSES))
                .hasMessage(word + ":1: bus 'north' is not a whole number");
    }

    @Test
    void aFileOverTheSizeBoundIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.csv");
        Files.write(big, new byte[BusMapFile.MAX_BYTES + 1]);

        assertThatThrownBy(() -> BusMapFile.read(big, BUSES)).hasMessageContaining(big + ": more than");
    }
}
