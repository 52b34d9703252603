package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;
import org.energychain.supervision.reading.Reading;
import org.junit.jupiter.api.Test;

class ReadingValidatorTest {
    private static final Group GROUP = new Group("g", List.of(
            new Plant("P01", PlantType.SOLAR, "Qinghai", new BigDecimal(1000)),
            new Plant("P02", PlantType.WIND, "Gansu", new BigDecimal(1000))));
    private static final ValidationRules DAY = ValidationRules.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
    private static final Path FILE = Path.of("readings/P01.csv");

    private final List<Reading> passed = new ArrayList<>();

    private static Reading r(String plant, String time, Measurement m) {
        return new Reading(plant, Instant.parse(time), m, BigDecimal.ONE);
    }

    private static Instant slot(int i) {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(900L * i);
    }

    private ReadingValidator validator(ProblemReport report, ValidationRules rules) {
        return new ReadingValidator(GROUP, rules, report, (rd, w) -> passed.add(rd));
    }

    @Test
    void completeDayInAnyOrderPasses() {
        ReadingValidator v = validator(ProblemReport.failFast(), DAY);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(1));
        for (int i : order) {
            v.accept(new Reading("P01", slot(i), Measurement.ACTIVE_POWER, BigDecimal.ONE), new SourceLocation(FILE, i + 2));
        }
        v.finish();
        assertThat(passed).hasSize(96);
        assertThat(v.passed()).isEqualTo(96);
    }

    @Test
    void eachBadReadingGivesItsMessage() {
        ReadingValidator v = validator(ProblemReport.failFast(), DAY);
        v.accept(r("P01", "2026-01-01T00:00:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 2));
        assertThatThrownBy(() -> v.accept(r("P09", "2026-01-01T00:00:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 3)))
                .hasMessage("readings/P01.csv:3: plant 'P09' is not in group g");
        assertThatThrownBy(() -> v.accept(r("P01", "2026-01-01T00:00:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 4)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.DUPLICATE))
                .hasMessage("readings/P01.csv:4: duplicate reading of P01 active_power at 2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> v.accept(r("P01", "2026-01-02T00:00:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 5)))
                .hasMessage("readings/P01.csv:5: time 2026-01-02T00:00:00Z is outside the period 2026-01-01 to 2026-01-02 (exclusive, Z)");
        assertThatThrownBy(() -> v.accept(r("P01", "2025-12-31T23:45:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 6)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.OUTSIDE_PERIOD));
        assertThatThrownBy(() -> v.accept(r("P01", "2026-01-01T00:20:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 7)))
                .hasMessage("readings/P01.csv:7: time 2026-01-01T00:20:00Z is not aligned to the 15-minute grid");
        assertThat(passed).hasSize(1);
    }

    @Test
    void gapsAreReportedAsRunsOfMissingIntervals() {
        ProblemReport report = ProblemReport.skipAndReport();
        ReadingValidator v = validator(report, DAY);
        for (int i = 0; i < 96; i++) {
            if (i != 4 && (i < 10 || i > 12)) {
                v.accept(new Reading("P01", slot(i), Measurement.ENERGY, BigDecimal.ONE), new SourceLocation(FILE, i + 2));
            }
        }
        v.finishPlant("P01");
        assertThat(report.problems()).extracting(InputException::getMessage).containsExactly(
                "readings/P01.csv: gap: energy of P01 missing 2026-01-01T01:00:00Z (1 interval of 15-minute)",
                "readings/P01.csv: gap: energy of P01 missing 2026-01-01T02:30:00Z to 2026-01-01T03:00:00Z (3 intervals of 15-minute)");
        v.accept(new Reading("P01", slot(4), Measurement.ENERGY, BigDecimal.ONE), new SourceLocation(FILE, 99));
        assertThat(report.problems().get(2).getMessage()).isEqualTo("readings/P01.csv:99: reading of plant P01 after its readings were closed");
    }

    @Test
    void expectedMeasurementsMustBeCompleteEvenWithoutReadings() {
        ProblemReport report = ProblemReport.skipAndReport();
        ReadingValidator v = validator(report, DAY.withExpected(Map.of(PlantType.WIND, Set.of(Measurement.WIND_SPEED))));
        v.finish();
        assertThat(report.total()).isEqualTo(1);
        assertThat(report.problems().get(0).getMessage())
                .isEqualTo("P02: gap: wind_speed of P02 missing 2026-01-01T00:00:00Z to 2026-01-01T23:45:00Z (96 intervals of 15-minute)");
    }

    @Test
    void skipAndReportDropsBadReadingsAndPassesGoodOnes() {
        ProblemReport report = ProblemReport.skipAndReport();
        ReadingValidator v = validator(report, DAY);
        v.accept(r("P01", "2026-01-01T00:00:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 2));
        v.accept(r("P01", "2026-01-01T00:00:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 3));
        v.accept(r("PX", "2026-01-01T00:00:00Z", Measurement.ACTIVE_POWER), new SourceLocation(FILE, 4));
        v.accept(r("P01", "2026-01-01T00:00:00Z", Measurement.ENERGY), new SourceLocation(FILE, 5));
        assertThat(passed).hasSize(2);
        assertThat(report.count(ProblemKind.DUPLICATE)).isEqualTo(1);
        assertThat(report.count(ProblemKind.UNKNOWN_PLANT)).isEqualTo(1);
    }
}
