package org.energychain.dispatch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standard MATPOWER cases (MATPOWER's data directory, also in ../shared/reference/grids) and variants
 * with congestion, piecewise-linear costs, taps, phase shifters and out-of-service elements, against the
 * DC-OPF optimum computed independently by docs/reference/dcopf_reference.py (CVXOPT, B-theta
 * formulation; the JSON files beside the cases). The standard cases' costs are MATPOWER's published
 * {@code rundcopf} objectives (case9 5216.03, case14 7642.59, case30 565.21, case118 125947.88, case300
 * 706292.32 $/h). Tolerances are the issue's: outputs 0.5 MW, cost 0.01 %, prices 0.05 $/MWh.
 */
class DcOpfReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path resource(String name) throws Exception {
        return Path.of(DcOpfReferenceTest.class.getResource("/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"case9", "case14", "case30", "case118", "case300", "case14_grid", "case9_pwl"})
    void reachesTheReferenceOptimum(String name) throws Exception {
        MatpowerCase mpc = MatpowerReader.read(resource("matpower/" + name + ".m"));
        DcOpf.Result r = DispatchPlanner.solve(mpc, DcOpf.Options.defaults());
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/dcopf/" + name + ".json")) {
            ref = JSON.readTree(in);
        }
        DispatchPlan plan = r.plan();
        assertThat(plan.cost()).isCloseTo(ref.get("cost").asDouble(), within(ref.get("cost").asDouble() * 1e-4));
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("generators").properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            assertThat(plan.output(e.getKey(), 0)).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(0.5));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("prices").properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            assertThat(plan.prices().get(0).get(Integer.parseInt(e.getKey()))).as("price at bus " + e.getKey())
                    .isCloseTo(e.getValue().asDouble(), within(0.05));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("flows").properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (plan.flows().get(0).containsKey(e.getKey())) {
                assertThat(plan.flows().get(0).get(e.getKey())).as("flow " + e.getKey())
                        .isCloseTo(e.getValue().asDouble(), within(0.5));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.get("shadowPrices").properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            assertThat(plan.shadowPrices().get(0).get(e.getKey())).as("shadow price " + e.getKey())
                    .isCloseTo(Math.abs(e.getValue().asDouble()), within(0.05));
        }
        System.out.println(name + ": " + r.work() + " cost " + plan.cost());
    }
}
