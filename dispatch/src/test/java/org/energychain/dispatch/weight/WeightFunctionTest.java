package org.energychain.dispatch.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WeightFunctionTest {
    final WeightFunction f = new WeightFunction(WeightCoefficients.DEFAULT);

    static SourceFactors src(String id, long w, Technology t, long s, long price) {
        return new SourceFactors(id, w, Cleanness.ppm(t), s, price);
    }

    @Test
    void equalSourcesGetEqualWeightsWithTheRemainderToTheLowestId() {
        Weights w = f.weigh(List.of(src("c", 10, Technology.WIND_ONSHORE, 5, 300_000),
                src("a", 10, Technology.WIND_ONSHORE, 5, 300_000), src("b", 10, Technology.WIND_ONSHORE, 5, 300_000)));
        assertThat(w.ppm()).containsExactly(java.util.Map.entry("a", 333_334L), java.util.Map.entry("b", 333_333L),
                java.util.Map.entry("c", 333_333L));
    }

    @Test
    void aDominantSourceIsCappedAtHalfAndTheExcessIsSharedInProportion() {
        Weights w = new WeightFunction(new WeightCoefficients(1_000_000, 0, 0, 0, 500_000)).weigh(List.of(
                src("big", 900, Technology.COAL, 0, 1), src("mid", 75, Technology.COAL, 0, 1),
                src("small", 25, Technology.COAL, 0, 1)));
        assertThat(w.of("big")).isEqualTo(500_000);
        // 900/75/25 ppm-shares 900,000/75,000/25,000; 400,000 excess split 3:1
        assertThat(w.of("mid")).isEqualTo(375_000);
        assertThat(w.of("small")).isEqualTo(125_000);
    }

    @Test
    void cleanerAndCheaperSourcesWeighMore() {
        Weights w = f.weigh(List.of(src("coal", 100, Technology.COAL, 500_000, 400_000),
                src("wind", 100, Technology.WIND_ONSHORE, 500_000, 400_000),
                src("cheap-coal", 100, Technology.COAL, 500_000, 200_000)));
        assertThat(w.of("wind")).isGreaterThan(w.of("coal"));
        assertThat(w.of("cheap-coal")).isGreaterThan(w.of("coal"));
    }

    @Test
    void aFactorThatIsZeroEverywhereCountsEqually() {
        Weights w = f.weigh(List.of(src("a", 0, Technology.HYDRO, 0, 1000), src("b", 0, Technology.HYDRO, 0, 1000),
                src("c", 0, Technology.HYDRO, 0, 1000)));
        assertThat(w.ppm().values()).allMatch(v -> v >= 333_333 && v <= 333_334);
    }

    @Test
    void tooFewSourcesForTheCapOrDuplicatesAreRefused() {
        assertThatThrownBy(() -> f.weigh(List.of(src("a", 1, Technology.HYDRO, 0, 1))))
                .hasMessageContaining("cannot share the vote");
        assertThatThrownBy(() -> f.weigh(List.of(src("a", 1, Technology.HYDRO, 0, 1), src("a", 2, Technology.HYDRO, 0, 1),
                src("b", 1, Technology.HYDRO, 0, 1)))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new WeightCoefficients(500_000, 500_000, 1, 0, 500_000)).hasMessageContaining("sum to");
        assertThatThrownBy(() -> new WeightCoefficients(1_000_000, 0, 0, 0, 600_000)).hasMessageContaining("cap");
    }

    @Property(tries = 300)
    void weightsSumToOneMillionRespectTheCapAndIgnoreInputOrder(@ForAll("sources") List<SourceFactors> sources,
            @ForAll @IntRange(min = 0, max = 1_000_000) int a, @ForAll @IntRange(min = 0, max = 1_000_000) int b) {
        long ta = Math.min(a, 1_000_000);
        long tb = Math.min(b, 1_000_000 - ta);
        long rest = 1_000_000 - ta - tb;
        WeightCoefficients c = new WeightCoefficients(ta, tb, rest / 2, rest - rest / 2, 500_000);
        Weights w = new WeightFunction(c).weigh(sources);
        assertThat(w.ppm().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000);
        assertThat(w.ppm().values()).allMatch(v -> v >= 0 && v <= 500_000);
        List<SourceFactors> shuffled = new ArrayList<>(sources);
        Collections.reverse(shuffled);
        assertThat(new WeightFunction(c).weigh(shuffled)).isEqualTo(w);
    }

    @Provide
    Arbitrary<List<SourceFactors>> sources() {
        Arbitrary<SourceFactors> one = Combinators.combine(Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.of(Technology.class), Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(1, 2_000_000)).as((w, t, s, m) -> new SourceFactors("x", w, Cleanness.ppm(t), s, m));
        return one.list().ofMinSize(3).ofMaxSize(40).map(list -> {
            List<SourceFactors> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                SourceFactors s = list.get(i);
                out.add(new SourceFactors(String.format("s%03d", i), s.tradedKwh(), s.cleannessPpm(), s.socialPpm(),
                        s.priceMilli()));
            }
            return out;
        });
    }
}
