package org.energychain.supervision.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.energychain.supervision.ingest.GroupConfigFile;
import org.energychain.supervision.ingest.MappingConfig;
import org.energychain.supervision.ingest.MappingConfig.ColumnRef;
import org.energychain.supervision.ingest.MappingConfig.ValueColumn;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.PlantType;

/**
 * Writes a synthetic energy group into a directory:
 * <ul>
 *   <li>{@code group.yaml} ({@link GroupConfigFile});</li>
 *   <li>{@code mapping.yaml} ({@link MappingConfig}) describing the CSV files;</li>
 *   <li>{@code readings/<plantId>.csv}: one row per 15 minutes (UTC), columns {@value #HEADER}. Every
 *       plant writes active power (MW, 3 decimals) and energy (MWh per interval, 4 decimals), and its
 *       technology's column: irradiance (solar), wind speed (wind), water flow (hydro) or coal
 *       consumption in t per interval (thermal); the other technologies' cells stay empty, and the
 *       mapping skips empty cells.</li>
 * </ul>
 * Profiles are described in {@link PlantProfile}. The output depends only on the {@link Spec}: each plant
 * draws from its own {@link SplittableRandom} split off the seed in plant order.
 */
public final class SyntheticGroupGenerator {
    /** The CSV header of every generated readings file. */
    public static final String HEADER =
            "time,plant,active_power_MW,energy_MWh,irradiance_W_m2,wind_speed_m_s,water_flow_m3_s,coal_t";
    /** Intervals per day (15 minutes). */
    public static final int SLOTS_PER_DAY = 96;

    private static final Map<PlantType, Character> LETTER = Map.of(
            PlantType.SOLAR, 'S', PlantType.WIND, 'W', PlantType.HYDRO, 'H', PlantType.THERMAL, 'T');
    private static final Map<PlantType, int[]> CAPACITY_MW = Map.of(   // range of installed capacity
            PlantType.SOLAR, new int[] {20, 200}, PlantType.WIND, new int[] {50, 300},
            PlantType.HYDRO, new int[] {50, 500}, PlantType.THERMAL, new int[] {300, 1000});

    /**
     * What to generate.
     *
     * @param groupId        the group id, prefix of plant ids ({@code <group>-S001})
     * @param plantsPerType  how many plants of each type
     * @param regions        region names, assigned to plants in turn (see {@link RegionLocation})
     * @param start          first day (UTC)
     * @param days           number of days
     * @param seed           the seed: same spec, same files
     */
    public record Spec(String groupId, Map<PlantType, Integer> plantsPerType, List<String> regions,
                       LocalDate start, int days, long seed) {
        public Spec {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(start, "start");
            plantsPerType = Map.copyOf(plantsPerType);
            regions = List.copyOf(regions);
            if (regions.isEmpty()) {
                throw new IllegalArgumentException("give at least one region");
            }
            if (days <= 0) {
                throw new IllegalArgumentException("days must be positive, got " + days);
            }
            if (plantsPerType.values().stream().anyMatch(n -> n < 0) || plantsPerType.values().stream().mapToInt(Integer::intValue).sum() == 0) {
                throw new IllegalArgumentException("plant counts must be >= 0 and not all 0: " + plantsPerType);
            }
        }

        /** {@code total} plants in a typical mix: 40% solar, 30% wind, 10% hydro, the rest thermal. */
        public static Spec mix(String groupId, int total, List<String> regions, LocalDate start, int days, long seed) {
            if (total <= 0) {
                throw new IllegalArgumentException("total plants must be positive, got " + total);
            }
            int solar = Math.round(total * 0.4f);
            int wind = Math.round(total * 0.3f);
            int hydro = Math.round(total * 0.1f);
            int thermal = Math.max(0, total - solar - wind - hydro);
            Map<PlantType, Integer> m = new EnumMap<>(PlantType.class);
            m.put(PlantType.SOLAR, solar);
            m.put(PlantType.WIND, wind);
            m.put(PlantType.HYDRO, hydro);
            m.put(PlantType.THERMAL, thermal);
            return new Spec(groupId, m, regions, start, days, seed);
        }
    }

    /** Progress of a generation, called after each plant's file is written. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, plantId) -> { };

        void plantDone(int done, int total, String plantId);
    }

    private SyntheticGroupGenerator() {
    }

    /** The mapping of the generated CSV files. */
    public static MappingConfig mapping() {
        return MappingConfig.simpleWide(ColumnRef.named("time"), ColumnRef.named("plant"), null, List.of(
                new ValueColumn(ColumnRef.named("active_power_MW"), Measurement.ACTIVE_POWER, "MW"),
                new ValueColumn(ColumnRef.named("energy_MWh"), Measurement.ENERGY, "MWh"),
                new ValueColumn(ColumnRef.named("irradiance_W_m2"), Measurement.IRRADIANCE, "W/m2"),
                new ValueColumn(ColumnRef.named("wind_speed_m_s"), Measurement.WIND_SPEED, "m/s"),
                new ValueColumn(ColumnRef.named("water_flow_m3_s"), Measurement.WATER_FLOW, "m3/s"),
                new ValueColumn(ColumnRef.named("coal_t"), Measurement.FUEL_CONSUMPTION, "t")))
                .withEmptyCells(MappingConfig.EmptyCells.SKIP);
    }

    /** The group a spec describes (plants, capacities, regions), without writing anything. */
    public static Group group(Spec spec) {
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        List<Plant> plants = new ArrayList<>();
        int i = 0;
        for (PlantType type : PlantType.values()) {
            int n = spec.plantsPerType().getOrDefault(type, 0);
            int width = Math.max(3, Integer.toString(n).length());
            int[] range = CAPACITY_MW.get(type);
            for (int k = 1; k <= n; k++) {
                String id = spec.groupId() + "-" + LETTER.get(type) + String.format("%0" + width + "d", k);
                int mw = range[0] + rnd.nextInt(range[1] - range[0] + 1);
                String region = spec.regions().get(i++ % spec.regions().size());
                plants.add(new Plant(id, type, region, BigDecimal.valueOf(mw * 1000L)));
            }
        }
        return new Group(spec.groupId(), plants);
    }

    /** Writes the group's files into {@code dir} (created if needed) and returns the group. */
    public static Group generate(Spec spec, Path dir, Progress progress) throws IOException {
        Group group = group(spec);
        Files.createDirectories(dir.resolve("readings"));
        GroupConfigFile.write(group, dir.resolve("group.yaml"));
        Files.writeString(dir.resolve("mapping.yaml"), "# mapping of the generated readings/<plant>.csv files\n" + mapping().toYaml());
        SplittableRandom root = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        int done = 0;
        for (Plant p : group.plants()) {
            writePlant(p, spec, root.split(), dir.resolve("readings").resolve(p.id() + ".csv"));
            progress.plantDone(++done, group.plants().size(), p.id());
        }
        return group;
    }

    private static void writePlant(Plant plant, Spec spec, SplittableRandom rnd, Path file) throws IOException {
        PlantProfile profile = PlantProfile.of(plant, rnd);
        int techColumn = plant.type().ordinal(); // SOLAR, WIND, HYDRO, THERMAL: the order of the columns
        int techDecimals = plant.type() == PlantType.SOLAR ? 1 : plant.type() == PlantType.THERMAL ? 3 : 2;
        String[] timeOfDay = new String[SLOTS_PER_DAY];
        for (int s = 0; s < SLOTS_PER_DAY; s++) {
            timeOfDay[s] = String.format("T%02d:%02d:00Z,", s / 4, (s % 4) * 15);
        }
        StringBuilder row = new StringBuilder(96);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int d = 0; d < spec.days(); d++) {
                LocalDate day = spec.start().plusDays(d);
                String date = day.toString();
                long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                for (int s = 0; s < SLOTS_PER_DAY; s++) {
                    profile.next(dayStart + s * 900L);
                    row.setLength(0);
                    row.append(date).append(timeOfDay[s]).append(plant.id()).append(',');
                    fixed(row, profile.power, 3).append(',');
                    fixed(row, profile.power * 0.25, 4);
                    for (int c = 0; c < 4; c++) {
                        row.append(',');
                        if (c == techColumn) {
                            fixed(row, profile.quantity, techDecimals);
                        }
                    }
                    row.append('\n');
                    w.append(row);
                }
            }
        }
    }

    /** Appends {@code v} with exactly {@code decimals} decimals, half-up, without going through text formatting. */
    static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        long f = 1;
        for (int i = 0; i < decimals; i++) {
            f *= 10;
        }
        long scaled = Math.round(v * f);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / f);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % f);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }
}
