package org.energychain.supervision.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.supervision.ingest.CsvReadingReader;
import org.energychain.supervision.ingest.GroupConfigFile;
import org.energychain.supervision.ingest.MappingConfig;
import org.energychain.supervision.ingest.ProblemReport;
import org.energychain.supervision.ingest.ReadingValidator;
import org.energychain.supervision.ingest.ValidationRules;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;
import org.energychain.supervision.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGroupGeneratorTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final int DAYS = 4;

    @TempDir
    Path dir;

    private static SyntheticGroupGenerator.Spec spec(long seed) {
        return new SyntheticGroupGenerator.Spec("north", Map.of(PlantType.SOLAR, 2, PlantType.WIND, 2, PlantType.HYDRO, 1,
                PlantType.THERMAL, 2), List.of("Qinghai", "Inner Mongolia", "Somewhere"), START, DAYS, seed);
    }

    private List<Reading> readAll(Path d, Plant p) {
        List<Reading> out = new ArrayList<>();
        CsvReadingReader.read(d.resolve("readings").resolve(p.id() + ".csv"), MappingConfig.load(d.resolve("mapping.yaml")),
                (r, w) -> out.add(r));
        return out;
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherFiles() throws IOException {
        Group a = SyntheticGroupGenerator.generate(spec(7), dir.resolve("a"), SyntheticGroupGenerator.Progress.NONE);
        SyntheticGroupGenerator.generate(spec(7), dir.resolve("b"), SyntheticGroupGenerator.Progress.NONE);
        SyntheticGroupGenerator.generate(spec(8), dir.resolve("c"), SyntheticGroupGenerator.Progress.NONE);
        assertThat(a.plants()).extracting(Plant::id).containsExactly("north-H001", "north-S001", "north-S002",
                "north-T001", "north-T002", "north-W001", "north-W002");
        for (String f : List.of("group.yaml", "mapping.yaml", "readings/north-W001.csv", "readings/north-T002.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
        assertThat(Files.readAllBytes(dir.resolve("a/readings/north-W001.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("c/readings/north-W001.csv")));
    }

    @Test
    void generatedFilesReimportCompleteWithoutProblems() throws IOException {
        List<String> progress = new ArrayList<>();
        SyntheticGroupGenerator.generate(spec(1), dir, (done, total, id) -> progress.add(done + "/" + total + " " + id));
        assertThat(progress).hasSize(7).last().isEqualTo("7/7 north-W002");
        Group group = GroupConfigFile.load(dir.resolve("group.yaml"));
        MappingConfig mapping = MappingConfig.load(dir.resolve("mapping.yaml"));
        assertThat(mapping).isEqualTo(SyntheticGroupGenerator.mapping());
        Map<PlantType, Set<Measurement>> expected = new EnumMap<>(PlantType.class);
        expected.put(PlantType.SOLAR, Set.of(Measurement.ACTIVE_POWER, Measurement.ENERGY, Measurement.IRRADIANCE));
        expected.put(PlantType.WIND, Set.of(Measurement.ACTIVE_POWER, Measurement.ENERGY, Measurement.WIND_SPEED));
        expected.put(PlantType.HYDRO, Set.of(Measurement.ACTIVE_POWER, Measurement.ENERGY, Measurement.WATER_FLOW));
        expected.put(PlantType.THERMAL, Set.of(Measurement.ACTIVE_POWER, Measurement.ENERGY, Measurement.FUEL_CONSUMPTION));
        ProblemReport report = ProblemReport.failFast();
        Map<Measurement, Long> counts = new EnumMap<>(Measurement.class);
        ReadingValidator v = new ReadingValidator(group, ValidationRules.of(START, START.plusDays(DAYS)).withExpected(expected),
                report, (r, w) -> counts.merge(r.measurement(), 1L, Long::sum));
        for (Plant p : group.plants()) {
            CsvReadingReader.read(dir.resolve("readings").resolve(p.id() + ".csv"), mapping, v, report);
            v.finishPlant(p.id());
        }
        v.finish();
        long n = 96L * DAYS;
        assertThat(counts.get(Measurement.ACTIVE_POWER)).isEqualTo(7 * n);
        assertThat(counts.get(Measurement.ENERGY)).isEqualTo(7 * n);
        assertThat(counts.get(Measurement.IRRADIANCE)).isEqualTo(2 * n);
        assertThat(counts.get(Measurement.WIND_SPEED)).isEqualTo(2 * n);
        assertThat(counts.get(Measurement.WATER_FLOW)).isEqualTo(n);
        assertThat(counts.get(Measurement.FUEL_CONSUMPTION)).isEqualTo(2 * n);
    }

    @Test
    void profilesBehaveLikeTheirTechnology() throws IOException {
        Group g = SyntheticGroupGenerator.generate(spec(3), dir, SyntheticGroupGenerator.Progress.NONE);
        for (Plant p : g.plants()) {
            BigDecimal capKw = p.capacityKw();
            List<Reading> rs = readAll(dir, p);
            Map<java.time.Instant, BigDecimal> speeds = new java.util.HashMap<>();
            rs.stream().filter(r -> r.measurement() == Measurement.WIND_SPEED).forEach(r -> speeds.put(r.timestamp(), r.value()));
            int positive = 0;
            for (Reading r : rs) {
                if (r.measurement() == Measurement.ACTIVE_POWER) {
                    assertThat(r.value()).isBetween(BigDecimal.ZERO, capKw);
                    positive += r.value().signum();
                }
                switch (p.type()) {
                    case SOLAR:
                        if (r.measurement() == Measurement.ACTIVE_POWER) {
                            RegionLocation loc = RegionLocation.of(p.region());
                            double elev = SolarGeometry.elevationDeg(loc.latitude(), loc.longitude(), r.timestamp().getEpochSecond());
                            if (elev <= 0) {
                                assertThat(r.value().signum()).as("solar at night %s", r.timestamp()).isZero();
                            }
                        }
                        break;
                    case THERMAL:
                        if (r.measurement() == Measurement.ACTIVE_POWER && r.value().signum() != 0) {
                            assertThat(r.value()).as("thermal %s", r.timestamp()).isGreaterThanOrEqualTo(capKw.multiply(new BigDecimal("0.4")));
                        }
                        break;
                    case WIND:
                        if (r.measurement() == Measurement.ACTIVE_POWER) {
                            BigDecimal speed = speeds.get(r.timestamp());
                            double expectKw = capKw.doubleValue() * WindTurbine.powerFraction(speed.doubleValue());
                            assertThat(r.value().doubleValue()).as("wind at %s m/s", speed).isCloseTo(expectKw, org.assertj.core.data.Offset.offset(0.5));
                        }
                        break;
                    default:
                        break;
                }
            }
            assertThat(positive).as("%s produces something", p.id()).isGreaterThan(0);
        }
    }

    @Test
    void windPowerCurve() {
        assertThat(WindTurbine.powerFraction(2.99)).isZero();
        assertThat(WindTurbine.powerFraction(7.5)).isBetween(0.2, 0.3);
        assertThat(WindTurbine.powerFraction(12)).isEqualTo(1);
        assertThat(WindTurbine.powerFraction(24.9)).isEqualTo(1);
        assertThat(WindTurbine.powerFraction(25)).isZero();
    }

    @Test
    void mixSplitsTotalAcrossTypes() {
        SyntheticGroupGenerator.Spec s = SyntheticGroupGenerator.Spec.mix("g", 100, List.of("Gansu"), START, 1, 1);
        assertThat(s.plantsPerType()).containsEntry(PlantType.SOLAR, 40).containsEntry(PlantType.WIND, 30)
                .containsEntry(PlantType.HYDRO, 10).containsEntry(PlantType.THERMAL, 20);
    }
}
