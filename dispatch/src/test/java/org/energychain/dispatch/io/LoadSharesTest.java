package org.energychain.dispatch.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bus's share of a case's load, the split of a demand over the network. */
class LoadSharesTest {
    @TempDir
    Path dir;

    @Test
    void sharesFollowTheBusLoadsAndSumToOne() throws Exception {
        Path m = grid("0", "2", "6");
        Map<Integer, Double> s = LoadShares.of(MatpowerReader.read(m), m);

        assertThat(s.get(2)).isCloseTo(0.25, within(1e-12));
        assertThat(s.get(3)).isCloseTo(0.75, within(1e-12));
        assertThat(s.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aCaseWithoutLoadIsRefusedNamingTheFile() throws Exception {
        Path m = grid("0", "0", "0");
        MatpowerCase mpc = MatpowerReader.read(m);

        assertThatThrownBy(() -> LoadShares.of(mpc, m))
                .hasMessage(m + ": the case has no bus load to split the demand by");
    }

    private Path grid(String p1, String p2, String p3) throws Exception {
        Path m = dir.resolve("grid3.m");
        Files.writeString(m, """
                function mpc = grid3
                mpc.version = '2';
                mpc.baseMVA = 100;
                mpc.bus = [
                \t1\t3\t%s\t0\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
                \t2\t2\t%s\t0\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
                \t3\t1\t%s\t0\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
                ];
                mpc.gen = [
                \t1\t0\t0\t0\t0\t1\t100\t1\t10\t0;
                ];
                mpc.branch = [
                \t1\t2\t0\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;
                \t2\t3\t0\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;
                ];
                mpc.gencost = [
                \t2\t0\t0\t2\t30\t0;
                ];
                """.formatted(p1, p2, p3));
        return m;
    }
}
