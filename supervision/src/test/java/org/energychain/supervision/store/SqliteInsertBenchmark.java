package org.energychain.supervision.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;

/**
 * Measures how fast a period's readings go into SQLite: {@code plants x days x 96 slots x 10
 * measurements} readings (default 124 x 30 = 3,571,200) in one import, fed one plant-day at a time
 * as the ingest does. Not a test: run it by hand (see docs/storage.md); tests never assert on time.
 *
 * <pre>java -cp ... org.energychain.supervision.store.SqliteInsertBenchmark [file] [plants] [days]</pre>
 */
public final class SqliteInsertBenchmark {
    private SqliteInsertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench-store.db");
        int plants = args.length > 1 ? Integer.parseInt(args[1]) : 124;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        Measurement[] ms = Measurement.values();
        LocalDate start = LocalDate.of(2024, 1, 1);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SqliteOffChainStore store = new SqliteOffChainStore(file);
        long t0 = System.nanoTime();
        long n = 0;
        try (ImportTransaction tx = store.beginImport(new PeriodHeader("bench", start, start.plusDays(days), "sha256",
                new byte[32], Instant.now()))) {
            for (int p = 0; p < plants; p++) {
                String plant = String.format("plant-%04d", p);
                for (int d = 0; d < days; d++) {
                    LocalDate day = start.plusDays(d);
                    Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                    List<Reading> batch = new ArrayList<>(96 * ms.length);
                    for (int slot = 0; slot < 96; slot++) {
                        Instant t = midnight.plusSeconds(900L * slot);
                        for (int m = 0; m < ms.length; m++) {
                            batch.add(new Reading(plant, t, ms[m], BigDecimal.valueOf(slot * 7919L + m * 31L + p, 3)));
                        }
                    }
                    tx.addReadings(batch);
                    n += batch.size();
                    byte[] root = sha.digest((plant + day).getBytes(StandardCharsets.UTF_8));
                    tx.addDay(new DayRecord(plant, day, batch.size(), root, root));
                }
                byte[] root = sha.digest(plant.getBytes(StandardCharsets.UTF_8));
                tx.addPlant(new PlantRecord(plant, days, root, root));
            }
            long beforeCommit = System.nanoTime();
            tx.commit(sha.digest("group".getBytes(StandardCharsets.UTF_8)));
            long t1 = System.nanoTime();
            double s = (t1 - t0) / 1e9;
            System.out.printf("%,d readings in %.2f s (commit %.2f s): %,.0f readings/s; file %,d bytes (%.1f B/reading)%n",
                    n, s, (t1 - beforeCommit) / 1e9, n / s, Files.size(file), (double) Files.size(file) / n);
        }
    }
}
