package org.energychain.dispatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load shape of {@code dispatch plan --profile}: factors per interval, bad lines refused at file:line. */
class LoadFactorFileTest {
    @TempDir
    Path dir;

    @Test
    void factorsAreReadAfterAHeader() throws Exception {
        Path f = dir.resolve("shape.csv");
        Files.writeString(f, "interval,factor\n0,0.5\n1;1.25 # peak\n");

        assertThat(LoadFactorFile.read(f)).containsExactly(0.5, 1.25);
    }

    @Test
    void aFactorOutOfRangeIsRefusedWithItsLine() throws Exception {
        Path f = dir.resolve("shape.csv");
        Files.writeString(f, "0.5\n-1\n");

        assertThatThrownBy(() -> LoadFactorFile.read(f)).hasMessage(f + ":2: load factor -1 is outside 0..100");
    }
}
