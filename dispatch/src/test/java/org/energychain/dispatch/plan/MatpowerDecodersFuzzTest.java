package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.energychain.crypto.encoding.DecoderContract;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz test of the MATPOWER case reader (docs/fuzzing.md): a case file's bytes, decoded and parsed, then
 * everything the planner builds from the case before it solves (generators with their cost curves, with and
 * without ramp limits, the DC network, the loads, the check that loads reach a generator) and, for a case
 * without branches, the merit-order dispatch. Any input gives these or is refused with a
 * {@link MatpowerFormatException} that names the file (the CLI's exit 2); an infeasible dispatch is an
 * answer, not a finding.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class MatpowerDecodersFuzzTest {
    private static final String FILE = "case.m";

    @MethodSource("cases")
    @FuzzTest
    void caseFile(byte[] input) {
        MatpowerCase mpc;
        try {
            mpc = MatpowerReader.parse(FILE, MatpowerReader.decode(FILE, input));
            mpc.units();
            mpc.units(0.25);
            mpc.demand();
            mpc.requireLoadsReachGenerators();
            mpc.network();
        } catch (MatpowerFormatException e) {
            DecoderContract.requireMessage("case", e);
            assertThat(e.getMessage()).startsWith(FILE + ":");
            return;
        }
        if (mpc.branch().isEmpty()) {
            try {
                DispatchPlan plan = DispatchPlanner.plan(mpc, PlanOptions.defaults());
                assertThat(plan.unitIds()).isNotNull();
            } catch (InfeasibleDispatchException e) {
                DecoderContract.requireMessage("dispatch", e);
            }
        }
    }

    static Stream<Arguments> cases() {
        return Stream.concat(Stream.of("case3_congested.m", "case3_ww3a.m", "case9.m", "case9_pwl.m", "case14.m", "case30.m")
                .map(f -> Arguments.of(Named.of(f, resource(f)))), Stream.of(Arguments.of(Named.of("no branches",
                ("mpc.baseMVA = 100;\nmpc.bus = [1 3 50 0 0; 2 1 30 0 1];\nmpc.gen = [\n"
                        + "  1 0 0 0 0 1 100 1 100 10 0 0 0 0 0 0 0 20;\n  2, 0, 0, 0, 0, 1, 100, 1, 80, 0 ...\n];\n"
                        + "mpc.gencost = [2 0 0 3 0.01 20 0; 1 0 0 2 0 0 80 1600]; % pwl\n").getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] resource(String name) {
        try (InputStream in = MatpowerDecodersFuzzTest.class.getResourceAsStream("/matpower/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
