package org.energychain.supervision.tree;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;

/** Builds every tree of a small group-period in memory, for tests of trees and proofs. */
public final class SmallGroupFixture {
    public static final byte[] SALT_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    public final TreeContext ctx;
    public final List<String> plants = List.of("G1-A", "G1-B", "G1-C");
    public final List<List<DayTree>> dayTrees = new ArrayList<>();
    public final List<List<List<Reading>>> readings = new ArrayList<>();
    public final List<PeriodTree> periodTrees = new ArrayList<>();
    public final GroupTree group;
    public final ReadingLeafEncoder encoder;

    public SmallGroupFixture(HashFunction hash, int days, int readingsPerDay) {
        ctx = new TreeContext(hash, "G1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1).plusDays(days));
        encoder = new ReadingLeafEncoder(ctx, SALT_KEY);
        List<PlantLeaf> plantLeaves = new ArrayList<>();
        for (int p = 0; p < plants.size(); p++) {
            List<DayTree> trees = new ArrayList<>();
            List<List<Reading>> plantReadings = new ArrayList<>();
            List<DayLeaf> dayLeaves = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                LocalDate day = ctx.start().plusDays(d);
                List<Reading> rs = readingsOf(plants.get(p), day, readingsPerDay, p * 1000 + d);
                DayTree t = DayTree.build(encoder, plants.get(p), day, rs);
                trees.add(t);
                plantReadings.add(rs);
                dayLeaves.add(t.leaf());
            }
            dayTrees.add(trees);
            readings.add(plantReadings);
            PeriodTree pt = PeriodTree.build(ctx, plants.get(p), dayLeaves);
            periodTrees.add(pt);
            plantLeaves.add(pt.leaf());
        }
        group = GroupTree.build(ctx, plantLeaves);
    }

    static List<Reading> readingsOf(String plant, LocalDate day, int n, int seed) {
        List<Reading> rs = new ArrayList<>();
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < n; i++) {
            Instant t = start.plusSeconds(900L * (i / 2));
            Measurement m = i % 2 == 0 ? Measurement.ACTIVE_POWER : Measurement.ENERGY;
            rs.add(new Reading(plant, t, m, BigDecimal.valueOf(seed * 7L + i, 3)));
        }
        return rs;
    }
}
