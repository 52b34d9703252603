package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;

class CsvRoundTripPropertyTest {
    private static final MappingConfig LONG = new MappingConfig(',', '"', StandardCharsets.UTF_8, true, 0, null,
            MappingConfig.ColumnRef.named("time"), MappingConfig.ISO, java.time.ZoneOffset.UTC,
            MappingConfig.ColumnRef.named("plant"), null, '.', null, MappingConfig.EmptyCells.ERROR, List.of(),
            new MappingConfig.LongForm(MappingConfig.ColumnRef.named("measurement"), MappingConfig.ColumnRef.named("value"),
                    MappingConfig.ColumnRef.named("unit")));

    @Property(tries = 200)
    void csvWrittenFromReadingsReadsBackToTheSameReadings(@ForAll("readings") @Size(max = 50) List<Reading> readings) throws IOException {
        Path f = Files.createTempFile("roundtrip", ".csv");
        try {
            StringBuilder sb = new StringBuilder("time,plant,measurement,value,unit\n");
            for (Reading r : readings) {
                String plant = r.plantId().contains(",") ? "\"" + r.plantId() + "\"" : r.plantId();
                sb.append(r.timestamp()).append(',').append(plant).append(',').append(r.measurement().code()).append(',')
                        .append(r.value().toPlainString()).append(',').append(r.unit()).append('\n');
            }
            Files.writeString(f, sb);
            List<Reading> back = new ArrayList<>();
            CsvReadingReader.read(f, LONG, (r, w) -> back.add(r));
            assertThat(back).isEqualTo(readings);
        } finally {
            Files.delete(f);
        }
    }

    @Provide
    Arbitrary<List<Reading>> readings() {
        Arbitrary<String> plant = Arbitraries.of("P1", "north-S001", "a.b_c-9");
        Arbitrary<Instant> time = Arbitraries.longs().between(946684800000L, 4102444800000L).map(Instant::ofEpochMilli);
        Arbitrary<Measurement> m = Arbitraries.of(Measurement.class);
        Arbitrary<BigDecimal> value = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-100000, 100000)),
                Arbitraries.integers().between(0, 9)).as(BigDecimal::valueOf);
        return Combinators.combine(plant, time, m, value).as(Reading::new).list();
    }
}
