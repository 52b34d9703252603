package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatpowerReaderTest {

    @Test
    void readsMatricesScalarsAndCostsOfACaseFile() throws Exception {
        MatpowerCase mpc = NetworkDispatchTest.load("case3_congested.m");
        assertThat(mpc.baseMva()).isEqualTo(100);
        assertThat(mpc.bus()).hasSize(3);
        assertThat(mpc.gen()).hasSize(2);
        assertThat(mpc.branch()).hasSize(3);
        assertThat(mpc.units()).extracting(Unit::id).containsExactly("G1", "G2");
        assertThat(mpc.units().get(1).cost()).isEqualTo(new CostCurve.Quadratic(0, 20, 0));
        assertThat(mpc.units().get(0).pMax()).isEqualTo(250);
        assertThat(mpc.demand().total(0)).isEqualTo(300);
        assertThat(mpc.network().lines()).extracting(Line::id).containsExactly("1-2", "1-3", "2-3");
        assertThat(mpc.network().lines().get(0).limited()).isFalse(); // rateA 0 = unlimited
        assertThat(mpc.network().lines().get(1).rateMw()).isEqualTo(150);
    }

    @Test
    void commasInlineRowsPiecewiseCostsAndOutOfServiceElements() {
        String text = """
                mpc.baseMVA = 100; % base
                mpc.bus = [1 3 0; 2 1 80];
                mpc.gen = [
                  1, 0, 0, 0, 0, 1, 100, 1, 100, 0;   % in service
                  2, 0, 0, 0, 0, 1, 100, 0, 100, 0;   % out of service
                ];
                mpc.branch = [1 2 0 0.2 0 0 0 0 0 0 1; 1 2 0 0.2 0 0 0 0 0 0 0];
                mpc.gencost = [
                  1 0 0 3 0 0 50 500 100 1500;
                  2 0 0 3 0 1 0 0 0 0;
                ];
                """;
        MatpowerCase mpc = MatpowerReader.parse("inline.m", text);
        assertThat(mpc.units()).hasSize(1);
        assertThat(mpc.units().get(0).cost()).isInstanceOf(CostCurve.PiecewiseLinear.class);
        assertThat(mpc.network().lines()).hasSize(1);
        DispatchPlan plan = DispatchPlanner.plan(mpc, PlanOptions.defaults());
        assertThat(plan.output("G1", 0)).isCloseTo(80, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(plan.cost()).isCloseTo(500 + 30 * 20, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(plan.prices().get(0).get(2)).isCloseTo(20, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void errorsNameFileAndLine() {
        assertThatThrownBy(() -> MatpowerReader.parse("bad.m", """
                mpc.baseMVA = 100;
                mpc.bus = [
                  1 3 0;
                  2 1 x7;
                ];
                """)).isInstanceOf(MatpowerFormatException.class).hasMessage("bad.m:4: 'x7' is not a number");
        assertThatThrownBy(() -> MatpowerReader.parse("short.m", """
                mpc.baseMVA = 100;
                mpc.bus = [1 3 0];
                mpc.gen = [1 0 0 0 0 1 100 1 100];
                mpc.gencost = [2 0 0 2 10 0];
                """)).hasMessage("short.m:3: mpc.gen row has 9 columns, needs at least 10");
        assertThatThrownBy(() -> MatpowerReader.parse("open.m", """
                mpc.baseMVA = 100;
                mpc.bus = [1 3 0;
                """)).hasMessage("open.m:2: mpc.bus = [ is never closed with ]");
        assertThatThrownBy(() -> MatpowerReader.parse("ragged.m", """
                mpc.baseMVA = 100;
                mpc.bus = [1 3 0;
                 2 1 0 5];
                """)).hasMessage("ragged.m:3: mpc.bus row has 4 columns, the first row has 3");
        assertThatThrownBy(() -> MatpowerReader.parse("cubic.m", """
                mpc.baseMVA = 100;
                mpc.bus = [1 3 0];
                mpc.gen = [1 0 0 0 0 1 100 1 100 0];
                mpc.gencost = [2 0 0 4 1 1 1 1];
                """).units()).hasMessage("cubic.m:4: polynomial cost of degree 3 is not supported (at most 2)");
        assertThatThrownBy(() -> MatpowerReader.parse("nobase.m", "mpc.bus = [1 3 0];"))
                .hasMessage("nobase.m: no mpc.baseMVA");
    }

    /** A three-bus case with load at bus 3; {@code branches} and {@code gens} vary. */
    static String threeBus(String gens, String branches) {
        return "mpc.baseMVA = 100;\n"                                   // line 1
                + "mpc.bus = [\n"                                       // 2
                + "  1 3 0 0 0 0 1 1 0 230 1 1.1 0.9;\n"                // 3
                + "  2 1 0 0 0 0 1 1 0 230 1 1.1 0.9;\n"                // 4
                + "  3 1 50 0 0 0 1 1 0 230 1 1.1 0.9;\n"               // 5
                + "];\n"                                                // 6
                + "mpc.gen = [\n" + gens + "];\n"                       // 7, 8.., ]
                + "mpc.branch = [\n" + branches + "];\n"
                + "mpc.gencost = [2 0 0 2 10 0; 2 0 0 2 20 0];\n";
    }

    private static final String TWO_GENS = "  1 0 0 0 0 1 100 1 100 0;\n  2 0 0 0 0 1 100 1 100 0;\n";

    @Test
    void theReferenceCasesReadAndEveryLoadReachesAGenerator() throws Exception {
        for (String name : List.of("case9.m", "case14.m", "case30.m", "case118.m", "case300.m")) {
            MatpowerCase mpc = NetworkDispatchTest.load(name);
            mpc.requireLoadsReachGenerators();
            assertThat(mpc.network().buses()).as(name).hasSize(mpc.bus().size());
        }
        DispatchPlan plan = DispatchPlanner.plan(NetworkDispatchTest.load("case9.m"), PlanOptions.defaults());
        assertThat(plan.output("G1", 0) + plan.output("G2", 0) + plan.output("G3", 0)).isCloseTo(315, within(1e-3));
    }

    @Test
    void aCaseFileThatIsNotUtf8NamesLineColumnAndByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.m");
        byte[] head = "mpc.baseMVA = 100;\n% Netz S".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "d\nmpc.bus = [1 3 0];\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(f, ByteBuffer.allocate(head.length + 1 + tail.length).put(head).put((byte) 0xFC).put(tail).array());
        assertThatThrownBy(() -> MatpowerReader.read(f)).isInstanceOf(MatpowerFormatException.class)
                .hasMessage("latin1.m:2: not valid UTF-8: byte 0xFC at column 9 (byte 27 of the file, counting from 0); "
                        + "save the case as UTF-8 or ASCII");
    }

    @Test
    void numbersAreBoundedAndStrict() {
        String huge = "1".repeat(5_000_000);
        assertThatThrownBy(() -> MatpowerReader.parse("big.m", "mpc.baseMVA = 100;\nmpc.bus = [1 3 " + huge + "];\n"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250))
                .hasMessage("big.m:2: '" + "1".repeat(100) + "…' (5000000 characters) is not a number of at most 40 characters");
        assertThatThrownBy(() -> MatpowerReader.parse("exp.m", "mpc.baseMVA = 1E+999999999;\n"))
                .hasMessage("exp.m:1: '1E+999999999' is out of range");
        for (String notMatlab : List.of("NaN", "Infinity", "0x1p3", "1d", "1.5f", "1e", "--1")) {
            assertThatThrownBy(() -> MatpowerReader.parse("n.m", "mpc.baseMVA = 100;\nmpc.bus = [1 3 " + notMatlab + "];\n"))
                    .as(notMatlab).hasMessage("n.m:2: '" + notMatlab + "' is not a number");
        }
        assertThatThrownBy(() -> MatpowerReader.parse("bin.m", "mpc.baseMVA = 100;\nmpc.bus = [1 3 x\u0000\u001b[2J];\n"))
                .hasMessage("bin.m:2: 'x\\u0000\\u001B[2J' is not a number");
    }

    @Test
    void aGeneratorOrBranchAtAnUnknownBusNamesFileLineAndBus() {
        assertThatThrownBy(() -> MatpowerReader.parse("gen.m", threeBus(
                "  1 0 0 0 0 1 100 1 100 0;\n  9 0 0 0 0 1 100 1 100 0;\n", "  1 2 0 0.1 0 0 0 0 0 0 1;\n")))
                .isInstanceOf(MatpowerFormatException.class)
                .hasMessage("gen.m:9: generator G2 is at bus 9, which is not in mpc.bus");
        assertThatThrownBy(() -> MatpowerReader.parse("br.m", threeBus(TWO_GENS,
                "  1 2 0 0.1 0 0 0 0 0 0 1;\n  2 7 0 0.1 0 0 0 0 0 0 0;\n")))
                .hasMessage("br.m:13: branch 2-7 connects bus 7, which is not in mpc.bus");
        assertThatThrownBy(() -> MatpowerReader.parse("dup.m", "mpc.baseMVA = 100;\nmpc.bus = [1 3 0; 2 1 0;\n 1 1 5];\n"
                + "mpc.gen = [1 0 0 0 0 1 100 1 100 0];\nmpc.gencost = [2 0 0 2 10 0];\n"))
                .hasMessage("dup.m:3: bus 1 appears twice in mpc.bus (first at line 2)");
        assertThatThrownBy(() -> MatpowerReader.parse("frac.m", "mpc.baseMVA = 100;\nmpc.bus = [1 3 0; 2.5 1 0];\n"
                + "mpc.gen = [1 0 0 0 0 1 100 1 100 0];\nmpc.gencost = [2 0 0 2 10 0];\n"))
                .hasMessage("frac.m:2: mpc.bus BUS_I 2.5 is not a bus number (a positive whole number)");
    }

    @Test
    void anIsolatedLoadBusIsNamedAsIsolatedNotAsALimit() {
        // bus 3 has 50 MW and no in-service branch (the one to bus 2 is out of service)
        MatpowerCase alone = MatpowerReader.parse("iso.m", threeBus(TWO_GENS,
                "  1 2 0 0.1 0 0 0 0 0 0 1;\n  2 3 0 0.1 0 0 0 0 0 0 0;\n"));
        assertThatThrownBy(() -> DispatchPlanner.plan(alone, PlanOptions.defaults()))
                .isInstanceOf(MatpowerFormatException.class)
                .hasMessage("iso.m:5: bus 3 has a load of 50 MW but is isolated: no in-service branch connects it to "
                        + "another bus, so no generator can serve it");
        // buses 2 and 3 form an island whose only generator is out of service
        MatpowerCase island = MatpowerReader.parse("island.m", threeBus(
                "  1 0 0 0 0 1 100 1 100 0;\n  2 0 0 0 0 1 100 0 100 0;\n", "  2 3 0 0.1 0 0 0 0 0 0 1;\n"));
        assertThatThrownBy(() -> DispatchPlanner.plan(island, PlanOptions.defaults()))
                .hasMessage("island.m:5: bus 3 has a load of 50 MW but is isolated: its island (with bus 2) has no "
                        + "in-service generator, so no generator can serve it");
        // the solver's own diagnosis, for callers that build the network themselves
        Network split = new Network(100, List.of(1, 2, 3), 1,
                List.of(new Line("2-3", 2, 3, 0.1, Double.POSITIVE_INFINITY)));
        assertThatThrownBy(() -> EconomicDispatch.solve(island.units(), island.demand(), split, PlanOptions.defaults()))
                .isInstanceOf(InfeasibleDispatchException.class)
                .hasMessage("bus 3 has a load of 50 MW but is isolated: no line connects it to any unit");
    }

    /**
     * Found by MatpowerDecodersFuzzTest#caseFile: a piecewise linear cost with a negative NCOST sized its
     * arrays by it (NegativeArraySizeException), and one of 2^30 points passed the check on the values the
     * row holds, its 4 + 2 NCOST overflowing, and asked for two arrays of 2^30 doubles.
     */
    @Test
    void aCostWithANegativeOrHugePointCountIsRefusedNamingItsLine() {
        for (String ncost : new String[] {"-1", "0", "1073741824"}) {
            assertThatThrownBy(() -> MatpowerReader.parse("pwl.m", """
                    mpc.baseMVA = 100;
                    mpc.bus = [1 3 0];
                    mpc.gen = [1 0 0 0 0 1 100 1 100 0];
                    mpc.gencost = [1 0 0 %s 0 0 100 1000];
                    """.formatted(ncost)).units()).as(ncost).isInstanceOf(MatpowerFormatException.class)
                    .hasMessageStartingWith("pwl.m:4: gencost NCOST " + ncost);
        }
    }
}
