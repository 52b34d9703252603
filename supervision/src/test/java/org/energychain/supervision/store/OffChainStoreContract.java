package org.energychain.supervision.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OffChainStore} must have, run against each database by a subclass. Each
 * test starts on an empty database; {@link #openStore()} opens (again) the same database.
 */
abstract class OffChainStoreContract {
    static final String G = "group-east";
    static final LocalDate JAN1 = LocalDate.of(2024, 1, 1);
    static final Instant CREATED = Instant.parse("2024-02-01T08:00:00Z");

    private final List<OffChainStore> opened = new ArrayList<>();

    /** Opens the store on this test's database (the same database on every call within a test). */
    abstract OffChainStore newStore();

    /** A plain JDBC connection to this test's database, to look under the store. */
    abstract Connection rawConnection() throws SQLException;

    final OffChainStore openStore() {
        OffChainStore s = newStore();
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(OffChainStore::close);
    }

    // ------------------------------------------------------------------ fixtures

    static byte[] h(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] salt(int seed) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) seed);
        return b;
    }

    static PeriodHeader header(LocalDate start, LocalDate end) {
        return new PeriodHeader(G, start, end, "sha256", salt(7), CREATED);
    }

    /** What a test imported, to compare with what the store returns. */
    record Imported(PeriodKey key, List<Reading> readings, List<DayRecord> days, List<PlantRecord> plants,
                    byte[] groupRoot) {
        List<Reading> readingsOf(String plant, LocalDate day) {
            return readings.stream().filter(r -> r.plantId().equals(plant)
                    && LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC).equals(day)).toList();
        }
    }

    /** {@code slots} instants spread evenly over the day, two measurements at each. */
    static List<Reading> dayReadings(String plant, LocalDate day, int slots) {
        List<Reading> out = new ArrayList<>();
        Instant t0 = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long step = 86_400L / slots;
        for (int i = 0; i < slots; i++) {
            Instant t = t0.plusSeconds(step * i);
            out.add(new Reading(plant, t, Measurement.ACTIVE_POWER, new BigDecimal(i * 1000 + 17).movePointLeft(2)));
            out.add(new Reading(plant, t, Measurement.VOLTAGE, new BigDecimal("10.50")));
        }
        return out;
    }

    /** Imports plants x days x slots x 2 measurements, with consistent records, and the given datasets. */
    static Imported importPeriod(OffChainStore store, LocalDate start, int dayCount, List<String> plants, int slots,
                                 List<DatasetRecord> datasets) {
        LocalDate end = start.plusDays(dayCount);
        List<Reading> all = new ArrayList<>();
        List<DayRecord> days = new ArrayList<>();
        List<PlantRecord> plantRecords = new ArrayList<>();
        PeriodKey key;
        byte[] groupRoot = h("group " + start + " " + plants);
        try (ImportTransaction tx = store.beginImport(header(start, end))) {
            for (String p : plants) {
                for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
                    List<Reading> rs = dayReadings(p, d, slots);
                    tx.addReadings(rs);
                    all.addAll(rs);
                    DayRecord day = new DayRecord(p, d, rs.size(), h("root " + p + d), h("leaf " + p + d));
                    tx.addDay(day);
                    days.add(day);
                }
                PlantRecord pr = new PlantRecord(p, dayCount, h("root " + p), h("leaf " + p));
                tx.addPlant(pr);
                plantRecords.add(pr);
            }
            datasets.forEach(tx::addDataset);
            key = tx.commit(groupRoot);
        }
        return new Imported(key, all, days, plantRecords, groupRoot);
    }

    static List<Reading> sorted(List<Reading> rs) {
        List<Reading> out = new ArrayList<>(rs);
        out.sort(Reading.CANONICAL_ORDER);
        return out;
    }

    static DatasetRecord dataset(String id, DataClass cls, String plant) {
        return DatasetRecord.withJsonInfo(id, cls, plant, "rule-" + cls, h("hash " + id),
                "{\"id\":\"" + id + "\",\"energy\":\"solar\"}", ("payload of " + id).getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void committedImportRoundTripsEveryRecord() {
        OffChainStore store = openStore();
        List<DatasetRecord> sets = List.of(dataset("d1-a", DataClass.D1, "plant-b"),
                dataset("d3-group", DataClass.D3, null), dataset("d2-a", DataClass.D2, "plant-a"));
        Imported im = importPeriod(store, JAN1, 3, List.of("plant-b", "plant-a"), 4, sets);

        assertThat(im.key()).isEqualTo(new PeriodKey(G, JAN1, JAN1.plusDays(3), 1));
        PeriodInfo info = store.period(im.key()).orElseThrow();
        assertThat(info).isEqualTo(new PeriodInfo(im.key(), "sha256", im.groupRoot(), salt(7), CREATED, 2,
                im.readings().size()));
        assertThat(store.plants(im.key())).containsExactly(im.plants().get(1), im.plants().get(0));
        assertThat(store.days(im.key(), "plant-a")).containsExactlyElementsOf(
                im.days().stream().filter(d -> d.plantId().equals("plant-a")).toList());
        assertThat(store.days(im.key(), "no-such-plant")).isEmpty();
        for (DayRecord d : im.days()) {
            assertThat(sorted(store.readings(im.key(), d.plantId(), d.date())))
                    .as("readings of %s", d).isEqualTo(sorted(canonicalValues(im.readingsOf(d.plantId(), d.date()))));
        }
        assertThat(store.readings(im.key(), "plant-a", JAN1.plusDays(5))).isEmpty();
        assertThat(store.readingCount(im.key())).isEqualTo(im.readings().size());

        assertThat(store.datasets(im.key(), DataClass.D1)).containsExactly(sets.get(0));
        assertThat(store.datasets(im.key(), DataClass.D2)).containsExactly(sets.get(2));
        assertThat(store.datasets(im.key(), DataClass.D3)).containsExactly(sets.get(1));
        assertThat(store.dataset("d3-group")).contains(new StoredDataset(im.key(), sets.get(1)));
        assertThat(store.dataset("d3-group").orElseThrow().dataset().descriptiveInfoText())
                .isEqualTo("{\"id\":\"d3-group\",\"energy\":\"solar\"}");
        assertThat(store.dataset("nope")).isEmpty();
    }

    /** The store keeps values numerically exact in canonical form: 10.50 comes back as 10.5. */
    private static List<Reading> canonicalValues(List<Reading> rs) {
        return rs.stream().map(r -> new Reading(r.plantId(), r.timestamp(), r.measurement(),
                r.value().signum() == 0 ? BigDecimal.ZERO : r.value().stripTrailingZeros())).toList();
    }

    @Test
    void decimalsAreStoredExactlyInCanonicalForm() {
        OffChainStore store = openStore();
        String[] values = {"1.50", "-0.000001", "0.000", "1E+3", "-42", "123456789012345678901234567890.000000000000000001",
                "-98765432109876543210.5", "0.1", "100"};
        String[] canonical = {"1.5", "-0.000001", "0", "1000", "-42", "123456789012345678901234567890.000000000000000001",
                "-98765432109876543210.5", "0.1", "100"};
        Instant t0 = JAN1.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Reading> rs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rs.add(new Reading("p1", t0.plusSeconds(60L * i), Measurement.ENERGY, new BigDecimal(values[i])));
        }
        PeriodKey key;
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(1)))) {
            tx.addReadings(rs);
            tx.addDay(new DayRecord("p1", JAN1, rs.size(), h("r"), h("l")));
            tx.addPlant(new PlantRecord("p1", 1, h("pr"), h("pl")));
            key = tx.commit(h("g"));
        }
        List<Reading> back = sorted(store.readings(key, "p1", JAN1));
        assertThat(back).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(back.get(i).value().toPlainString()).as(values[i]).isEqualTo(canonical[i]);
            assertThat(back.get(i).value()).isEqualByComparingTo(values[i]);
            assertThat(back.get(i).timestamp()).isEqualTo(rs.get(i).timestamp());
            assertThat(back.get(i).measurement()).isEqualTo(Measurement.ENERGY);
        }
    }

    @Test
    void streamingImportOverManyChunksKeepsEveryReading() {
        OffChainStore store = openStore();
        // 3 plants x 4 days x 384 slots x 2 measurements = 9216 readings, more than one chunk
        Imported im = importPeriod(store, JAN1, 4, List.of("p1", "p2", "p3"), 96 * 4, List.of());
        assertThat(im.readings().size()).isGreaterThan(JdbcImportTransaction.CHUNK);
        assertThat(store.readingCount(im.key())).isEqualTo(im.readings().size());
        assertThat(store.readings(im.key(), "p2", JAN1.plusDays(3))).hasSize(96 * 4 * 2);
    }

    // ------------------------------------------------------------------ versions and queries

    @Test
    void reimportingAPeriodCreatesTheNextVersionAndKeepsTheOld() {
        OffChainStore store = openStore();
        Imported v1 = importPeriod(store, JAN1, 2, List.of("p1"), 2, List.of());
        Imported v2;
        try (ImportTransaction tx = store.beginImport(new PeriodHeader(G, JAN1, JAN1.plusDays(2), "sm3", salt(9),
                CREATED.plusSeconds(3600)))) {
            assertThat(tx.key().version()).isEqualTo(2);
            List<Reading> rs = dayReadings("p1", JAN1, 1);
            tx.addReadings(rs);
            tx.addDay(new DayRecord("p1", JAN1, rs.size(), h("v2 root"), h("v2 leaf")));
            tx.addPlant(new PlantRecord("p1", 1, h("v2 p"), h("v2 pl")));
            PeriodKey k = tx.commit(h("v2 g"));
            v2 = new Imported(k, rs, List.of(), List.of(), h("v2 g"));
        }
        assertThat(v2.key()).isEqualTo(new PeriodKey(G, JAN1, JAN1.plusDays(2), 2));
        assertThat(store.periods(G)).extracting(PeriodInfo::key).containsExactly(v1.key(), v2.key());
        assertThat(store.latestPeriodContaining(G, JAN1.plusDays(1))).map(PeriodInfo::key).contains(v2.key());
        assertThat(store.period(v1.key()).orElseThrow().groupRoot()).isEqualTo(v1.groupRoot());
        assertThat(store.period(v2.key()).orElseThrow().suiteName()).isEqualTo("sm3");
        assertThat(store.period(v2.key()).orElseThrow().saltKey()).isEqualTo(salt(9));
        assertThat(store.readingCount(v1.key())).isEqualTo(v1.readings().size());
        assertThat(store.readingCount(v2.key())).isEqualTo(2);
        assertThat(store.days(v1.key(), "p1")).isEqualTo(v1.days());
        // a different range is a different period, starting at version 1
        Imported other = importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of());
        assertThat(other.key().version()).isEqualTo(1);
    }

    @Test
    void latestPeriodContainingLooksOnlyAtTheGroupAndRange() {
        OffChainStore store = openStore();
        assertThat(store.latestPeriodContaining(G, JAN1)).isEmpty();
        Imported im = importPeriod(store, JAN1, 2, List.of("p1"), 1, List.of());
        assertThat(store.latestPeriodContaining(G, JAN1)).map(PeriodInfo::key).contains(im.key());
        assertThat(store.latestPeriodContaining(G, JAN1.plusDays(2))).isEmpty();
        assertThat(store.latestPeriodContaining(G, JAN1.minusDays(1))).isEmpty();
        assertThat(store.latestPeriodContaining("other-group", JAN1)).isEmpty();
        assertThat(store.periods("other-group")).isEmpty();
    }

    @Test
    void queriesOnAnUnknownPeriodNameIt() {
        OffChainStore store = openStore();
        PeriodKey unknown = new PeriodKey(G, JAN1, JAN1.plusDays(1), 3);
        assertThat(store.period(unknown)).isEmpty();
        for (Runnable q : List.<Runnable>of(() -> store.plants(unknown), () -> store.days(unknown, "p"),
                () -> store.readings(unknown, "p", JAN1), () -> store.datasets(unknown, DataClass.D1),
                () -> store.readingCount(unknown))) {
            assertThatThrownBy(q::run).isInstanceOf(StoreException.class)
                    .hasMessageContaining("unknown period " + unknown)
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.NOT_FOUND));
        }
    }

    @Test
    void groupsListsOnlyGroupsWithCommittedPeriods() {
        OffChainStore store = openStore();
        assertThat(store.groups()).isEmpty();
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(1)))) {
            tx.addReadings(dayReadings("p1", JAN1, 1));
            assertThat(store.groups()).as("uncommitted import").isEmpty();
        }
        importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of());
        importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of());
        assertThat(store.groups()).containsExactly(G);
    }

    // ------------------------------------------------------------------ atomicity

    @Test
    void closingWithoutCommitLeavesNothing() {
        OffChainStore store = openStore();
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(1)))) {
            tx.addReadings(dayReadings("p1", JAN1, 4));
            tx.addDay(new DayRecord("p1", JAN1, 8, h("r"), h("l")));
            tx.addPlant(new PlantRecord("p1", 1, h("r"), h("l")));
            tx.addDataset(dataset("x", DataClass.D1, "p1"));
            assertThat(store.periods(G)).as("invisible before commit").isEmpty();
        }
        assertNothingStored(store);
        // the version number was not used up
        assertThat(importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of()).key().version()).isEqualTo(1);
    }

    private void assertNothingStored(OffChainStore store) {
        assertThat(store.periods(G)).isEmpty();
        assertThat(store.dataset("x")).isEmpty();
        for (String table : List.of("period", "reading", "day_record", "plant_record", "dataset")) {
            assertThat(count(table)).as(table).isZero();
        }
    }

    long count(String table) {
        try (Connection c = rawConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDuplicateReadingInALaterBatchFailsTheWholeImportNamingTheKey() {
        OffChainStore store = openStore();
        ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(2)));
        tx.addReadings(dayReadings("p1", JAN1, 8640)); // 17280 readings: two chunks already in the database
        Reading dup = new Reading("p1", JAN1.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(900 * 7),
                Measurement.VOLTAGE, new BigDecimal("11"));
        List<Reading> batch = new ArrayList<>(dayReadings("p1", JAN1.plusDays(1), 3));
        batch.add(dup);
        // reported by the call that writes the duplicate: addReadings when its chunk fills, else commit
        assertThatThrownBy(() -> {
            tx.addReadings(batch);
            tx.commit(h("g"));
        }).isInstanceOf(StoreException.class)
                .hasMessageContaining("plant p1").hasMessageContaining("timestamp 2024-01-01T01:45:00Z")
                .hasMessageContaining("measurement voltage")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_INPUT));
        assertThatThrownBy(() -> tx.commit(h("g"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rolled back");
        tx.close();
        assertNothingStored(store);
    }

    @Test
    void aDuplicateReadingWithinOneBatchIsNamed() {
        OffChainStore store = openStore();
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(1)))) {
            List<Reading> rs = new ArrayList<>(dayReadings("p9", JAN1, 3));
            rs.add(rs.get(2));
            assertThatThrownBy(() -> {
                tx.addReadings(rs);
                tx.commit(h("g"));
            }).isInstanceOf(StoreException.class)
                    .hasMessageContaining("plant p9").hasMessageContaining("timestamp 2024-01-01T08:00:00Z")
                    .hasMessageContaining("measurement active_power");
        }
        assertNothingStored(store);
    }

    @Test
    void aReadingOutsideThePeriodFailsTheImport() {
        OffChainStore store = openStore();
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(1)))) {
            tx.addReadings(dayReadings("p1", JAN1, 2));
            assertThatThrownBy(() -> tx.addReadings(dayReadings("p1", JAN1.plusDays(1), 1)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("2024-01-02")
                    .hasMessageContaining("outside the period");
        }
        assertNothingStored(store);
    }

    @Test
    void recordsThatDisagreeWithTheReadingsFailTheCommit() {
        OffChainStore store = openStore();
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(2)))) {
            tx.addReadings(dayReadings("p1", JAN1, 2));
            tx.addReadings(dayReadings("p1", JAN1.plusDays(1), 2));
            tx.addDay(new DayRecord("p1", JAN1, 4, h("r"), h("l")));
            tx.addDay(new DayRecord("p1", JAN1.plusDays(1), 5, h("r2"), h("l2")));
            tx.addPlant(new PlantRecord("p1", 2, h("p"), h("pl")));
            assertThatThrownBy(() -> tx.commit(h("g"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("plant p1 on 2024-01-02 counts 5 readings but 4 were added");
        }
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(2)))) {
            tx.addReadings(dayReadings("p1", JAN1, 2));
            tx.addDay(new DayRecord("p1", JAN1, 4, h("r"), h("l")));
            assertThatThrownBy(() -> tx.commit(h("g"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("plant p1 has 1 day records but no plant record");
        }
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(2)))) {
            tx.addDay(new DayRecord("p1", JAN1, 4, h("r"), h("l")));
            assertThatThrownBy(() -> tx.addDay(new DayRecord("p1", JAN1, 4, h("r"), h("l"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("added twice");
        }
        assertNothingStored(store);
    }

    @Test
    void aDatasetIdMustBeUniqueInTheStore() {
        OffChainStore store = openStore();
        importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of(dataset("ds-1", DataClass.D1, "p1")));
        try (ImportTransaction tx = store.beginImport(header(JAN1, JAN1.plusDays(1)))) {
            assertThatThrownBy(() -> tx.addDataset(dataset("ds-1", DataClass.D3, null)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("dataset id ds-1 already exists");
        }
        assertThat(store.periods(G)).hasSize(1);
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void retentionDeletesOldReadingsButKeepsRootsAndRecordsWhy() {
        OffChainStore store = openStore();
        Imported im = importPeriod(store, JAN1, 10, List.of("p1", "p2"), 2, List.of(dataset("keep", DataClass.D1, "p1")));
        // today is Jan 13; keep 5 days: readings before Jan 8 go
        Clock clock = Clock.fixed(Instant.parse("2024-01-13T12:00:00Z"), ZoneOffset.UTC);
        List<DestructionRecord> recs = store.applyRetention(new RetentionPolicy(Period.ofDays(5)), clock);

        assertThat(recs).hasSize(1);
        DestructionRecord r = recs.get(0);
        assertThat(r.groupId()).isEqualTo(G);
        assertThat(r.plantId()).isNull();
        assertThat(r.from()).isEqualTo(JAN1);
        assertThat(r.toExclusive()).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(r.readingsDeleted()).isEqualTo(2 * 7 * 4);
        assertThat(r.reason()).contains("P5D");
        assertThat(r.at()).isEqualTo(clock.instant());
        assertThat(r.days()).hasSize(14).allSatisfy(d -> assertThat(d.readingsDeleted()).isEqualTo(4));
        DayRecord jan3p2 = im.days().stream().filter(d -> d.plantId().equals("p2") && d.date().getDayOfMonth() == 3)
                .findFirst().orElseThrow();
        assertThat(r.days()).contains(new DestructionRecord.DestroyedDay(im.key(), "p2", jan3p2.date(), 4, jan3p2.root()));

        assertThat(store.readings(im.key(), "p1", LocalDate.of(2024, 1, 7))).isEmpty();
        assertThat(store.readings(im.key(), "p1", LocalDate.of(2024, 1, 8))).hasSize(4);
        assertThat(store.readingCount(im.key())).isEqualTo(2 * 3 * 4);
        assertThat(store.days(im.key(), "p1")).isEqualTo(im.days().subList(0, 10));
        assertThat(store.plants(im.key())).isEqualTo(im.plants());
        assertThat(store.period(im.key()).orElseThrow().groupRoot()).isEqualTo(im.groupRoot());
        assertThat(store.dataset("keep")).isPresent();
        assertThat(store.destructions(G)).containsExactly(r);
        // a second run finds nothing more to delete and records nothing
        assertThat(store.applyRetention(new RetentionPolicy(Period.ofDays(5)), clock)).isEmpty();
        assertThat(store.destructions(G)).hasSize(1);
    }

    @Test
    void destroyingAPlantsRangeDeletesItsReadingsAndDatasetsAndKeepsTheRoots() {
        OffChainStore store = openStore();
        Imported im = importPeriod(store, JAN1, 4, List.of("p1", "p2"), 2, List.of(
                dataset("p1-d1", DataClass.D1, "p1"), dataset("p1-d2", DataClass.D2, "p1"),
                dataset("p1-d3", DataClass.D3, "p1"), dataset("p2-d1", DataClass.D1, "p2"),
                dataset("grp-d3", DataClass.D3, null)));
        Imported later = importPeriod(store, JAN1.plusDays(4), 4, List.of("p1", "p2"), 2, List.of(
                dataset("later-p1", DataClass.D1, "p1")));
        Instant at = Instant.parse("2024-03-01T00:00:00Z");
        DestructionRecord r = store.destroy(new DestroyRequest(G, "p1", JAN1, JAN1.plusDays(6), "owner request #12", at));

        assertThat(r.plantId()).isEqualTo("p1");
        assertThat(r.reason()).isEqualTo("owner request #12");
        assertThat(r.at()).isEqualTo(at);
        assertThat(r.readingsDeleted()).isEqualTo(6 * 4);
        assertThat(r.days()).extracting(DestructionRecord.DestroyedDay::day).containsExactly(
                JAN1, JAN1.plusDays(1), JAN1.plusDays(2), JAN1.plusDays(3), JAN1.plusDays(4), JAN1.plusDays(5));
        assertThat(r.days().get(4).period()).isEqualTo(later.key());
        assertThat(r.days().get(0).dayRoot()).isEqualTo(im.days().get(0).root());
        // only D1/D3 of p1 in the period wholly inside the range
        assertThat(r.datasets()).extracting(DestructionRecord.DestroyedDataset::datasetId)
                .containsExactly("p1-d1", "p1-d3");
        assertThat(r.datasets().get(0).hash()).isEqualTo(h("hash p1-d1"));
        assertThat(store.dataset("p1-d1")).isEmpty();
        assertThat(store.dataset("p1-d3")).isEmpty();
        assertThat(store.dataset("p1-d2")).isPresent();
        assertThat(store.dataset("p2-d1")).isPresent();
        assertThat(store.dataset("grp-d3")).isPresent();
        assertThat(store.dataset("later-p1")).isPresent();

        assertThat(store.readings(im.key(), "p1", JAN1)).isEmpty();
        assertThat(store.readings(im.key(), "p2", JAN1)).hasSize(4);
        assertThat(store.readings(later.key(), "p1", JAN1.plusDays(6))).hasSize(4);
        assertThat(store.days(im.key(), "p1")).isEqualTo(im.days().subList(0, 4));
        assertThat(store.days(later.key(), "p1")).isEqualTo(later.days().subList(0, 4));
        assertThat(store.plants(im.key())).isEqualTo(im.plants());
        assertThat(store.destructions(G)).containsExactly(r);
        assertThat(store.destructions("other")).isEmpty();
    }

    @Test
    void destroyingAllPlantsDeletesGroupDatasetsToo() {
        OffChainStore store = openStore();
        Imported im = importPeriod(store, JAN1, 2, List.of("p1", "p2"), 1, List.of(
                dataset("grp-d3", DataClass.D3, null), dataset("grp-d2", DataClass.D2, null)));
        DestructionRecord r = store.destroy(new DestroyRequest(G, null, JAN1, JAN1.plusDays(2), "end of life",
                Instant.parse("2024-05-01T00:00:00Z")));
        assertThat(r.readingsDeleted()).isEqualTo(im.readings().size());
        assertThat(r.days()).hasSize(4);
        assertThat(r.datasets()).extracting(DestructionRecord.DestroyedDataset::datasetId).containsExactly("grp-d3");
        assertThat(store.readingCount(im.key())).isZero();
        assertThat(store.days(im.key(), "p2")).hasSize(2);
        assertThat(store.dataset("grp-d2")).isPresent();
        assertThat(store.destructions(G)).containsExactly(r);
    }

    @Test
    void destroyingAnUnknownPlantIsRefusedAndRecordsNothing() {
        OffChainStore store = openStore();
        importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of());
        assertThatThrownBy(() -> store.destroy(new DestroyRequest(G, "p7", JAN1, JAN1.plusDays(1), "typo", CREATED)))
                .isInstanceOf(StoreException.class).hasMessageContaining("plant p7 has no data in group " + G);
        assertThat(store.destructions(G)).isEmpty();
        assertThat(count("reading")).isEqualTo(2);
    }

    // ------------------------------------------------------------------ schema

    @Test
    void reopeningAppliesNoMigrationTwiceAndKeepsTheData() {
        OffChainStore store = openStore();
        Imported im = importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of());
        store.close();
        OffChainStore again = openStore();
        openStore();
        assertThat(again.period(im.key())).isPresent();
        assertThat(count("schema_version")).isEqualTo(SchemaMigrator.latestVersion());
    }

    @Test
    void aDatabaseFromNewerCodeIsRefused() throws SQLException {
        openStore().close();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, script, sha256, applied_at) VALUES (99, 'V99__x.sql', 'x', 0)");
        }
        assertThatThrownBy(this::openStore).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99, newer than the " + SchemaMigrator.latestVersion())
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INCOMPATIBLE_SCHEMA));
    }

    @Test
    void anEditedMigrationIsDetected() throws SQLException {
        openStore().close();
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_version SET sha256 = 'abc' WHERE version = 1");
        }
        assertThatThrownBy(this::openStore).isInstanceOf(StoreException.class)
                .hasMessageContaining("V1__init.sql was applied with checksum abc");
    }

    @Test
    void aForeignDatabaseIsRefused() throws SQLException {
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER)");
        }
        assertThatThrownBy(this::openStore).isInstanceOf(StoreException.class)
                .hasMessageContaining("not an EnergyChain off-chain store").hasMessageContaining("customers");
    }

    @Test
    void theSaltKeyIsNeverPrinted() {
        OffChainStore store = openStore();
        Imported im = importPeriod(store, JAN1, 1, List.of("p1"), 1, List.of());
        String hexSalt = java.util.HexFormat.of().formatHex(salt(7));
        assertThat(header(JAN1, JAN1.plusDays(1)).toString()).doesNotContain(hexSalt).contains("<secret>");
        assertThat(store.period(im.key()).orElseThrow().toString()).doesNotContain(hexSalt).contains("<secret>");
    }

    static Comparator<Reading> order() {
        return Reading.CANONICAL_ORDER;
    }
}
