package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
