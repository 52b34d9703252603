package org.energychain.supervision.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunctions;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;
import org.energychain.supervision.reading.Reading;
import org.energychain.supervision.tree.TreeContext;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    static final TreeContext CTX = new TreeContext(HashFunctions.SHA256, "G1", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
    static final Plant WIND = new Plant("G1-W001", PlantType.WIND, "north", new BigDecimal("50000"));

    static List<Reading> day(Measurement m, int base) {
        List<Reading> rs = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 96; i++) {
            rs.add(new Reading(WIND.id(), t0.plusSeconds(900L * i), m, BigDecimal.valueOf(base + i)));
        }
        return rs;
    }

    @Test
    void theDefaultPolicyRoutesPowerEnergyAndResourceIntoTheirClasses() {
        List<Reading> rs = new ArrayList<>(day(Measurement.ACTIVE_POWER, 0));
        rs.addAll(day(Measurement.ENERGY, 100));
        rs.addAll(day(Measurement.WIND_SPEED, 5));
        List<Dataset> ds = new Classifier(ClassificationPolicyFile.defaults()).classify(CTX, WIND, rs);
        assertThat(ds).extracting(Dataset::id).containsExactlyInAnyOrder(
                "D1/hourly-generation-profile/G1-W001/active_power/2026-03-01/2026-03-02",
                "D1/hourly-resource-profile/G1-W001/wind_speed/2026-03-01/2026-03-02",
                "D2/daily-energy/G1-W001/energy/2026-03-01/2026-03-02",
                "D2/daily-peak-power/G1-W001/active_power/2026-03-01/2026-03-02",
                "D3/hourly-energy/G1-W001/energy/2026-03-01/2026-03-02");
        Dataset profile = ds.stream().filter(d -> d.rule().equals("hourly-generation-profile")).findFirst().orElseThrow();
        assertThat(profile.points()).hasSize(24);
        // hour 0 holds 0,1,2,3 -> mean 1.5
        assertThat(profile.points().get(0).value()).isEqualByComparingTo("1.5");
        assertThat(profile.info().energyType()).isEqualTo("wind");
        assertThat(profile.info().region()).isEqualTo("north");
        Dataset energy = ds.stream().filter(d -> d.rule().equals("daily-energy")).findFirst().orElseThrow();
        // sum of 100..195
        assertThat(energy.points()).singleElement().extracting(Point::value).isEqualTo(BigDecimal.valueOf(14160));
    }

    @Test
    void hashDOneChangesWithAnyValueAndNotWithTrailingZeros() {
        Classifier c = new Classifier(ClassificationPolicyFile.defaults());
        List<Reading> rs = day(Measurement.ACTIVE_POWER, 0);
        byte[] h1 = c.classify(CTX, WIND, rs).get(0).digest(HashFunctions.SHA256);
        List<Reading> zeros = rs.stream().map(r -> new Reading(r.plantId(), r.timestamp(), r.measurement(),
                r.value().setScale(3))).toList();
        assertThat(c.classify(CTX, WIND, zeros).get(0).digest(HashFunctions.SHA256)).isEqualTo(h1);
        List<Reading> changed = new ArrayList<>(rs);
        Reading r = changed.get(50);
        changed.set(50, new Reading(r.plantId(), r.timestamp(), r.measurement(), r.value().add(new BigDecimal("0.000004"))));
        assertThat(c.classify(CTX, WIND, changed).get(0).digest(HashFunctions.SHA256)).isNotEqualTo(h1);
    }

    @Test
    void badRulesAreRejectedNamingTheRule() {
        String yaml = "rules:\n  - name: ok\n    class: D1\n  - name: broken\n    class: D4\n";
        assertThatThrownBy(() -> ClassificationPolicyFile.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rules.yaml"))
                .hasMessageContaining("rules.yaml: rule 2 'broken'").hasMessageContaining("D1, D2 or D3");
        String unknown = "rules:\n  - name: x\n    class: D1\n    measurement: [energy]\n";
        assertThatThrownBy(() -> ClassificationPolicyFile.parse(
                new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8)), "r.yaml"))
                .hasMessageContaining("unknown key 'measurement'");
        String badMeasurement = "rules:\n  - name: x\n    class: D2\n    measurements: [power]\n";
        assertThatThrownBy(() -> ClassificationPolicyFile.parse(
                new ByteArrayInputStream(badMeasurement.getBytes(StandardCharsets.UTF_8)), "r.yaml"))
                .hasMessageContaining("unknown measurement 'power'");
    }

    @Test
    void summaryBlockCarriesHashAndDescriptiveInfoOnly() {
        Dataset d = new Classifier(ClassificationPolicyFile.defaults()).classify(CTX, WIND, day(Measurement.ACTIVE_POWER, 7)).get(0);
        SummaryBlock s = SummaryBlock.of(d, HashFunctions.SHA256);
        assertThat(s.datasetHash()).isEqualTo(org.energychain.crypto.merkle.ContentRoot.root(HashFunctions.SHA256, d.encode()));
        assertThat(s.encode().length).isLessThan(400);
    }
}
