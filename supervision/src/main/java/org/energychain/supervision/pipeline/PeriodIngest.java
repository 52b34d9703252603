package org.energychain.supervision.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.energychain.crypto.HashFunction;
import org.energychain.supervision.classify.Classifier;
import org.energychain.supervision.classify.Dataset;
import org.energychain.supervision.classify.SummaryBlock;
import org.energychain.supervision.ingest.CsvReadingReader;
import org.energychain.supervision.ingest.InputException;
import org.energychain.supervision.ingest.JsonLinesReadingReader;
import org.energychain.supervision.ingest.ProblemReport;
import org.energychain.supervision.ingest.ReadingSink;
import org.energychain.supervision.ingest.ReadingValidator;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.Reading;
import org.energychain.supervision.route.RegulatoryPackage;
import org.energychain.supervision.route.RegulatoryPackageFile;
import org.energychain.supervision.store.DatasetRecord;
import org.energychain.supervision.store.DayRecord;
import org.energychain.supervision.store.ImportTransaction;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.PeriodHeader;
import org.energychain.supervision.store.PeriodKey;
import org.energychain.supervision.store.PlantRecord;
import org.energychain.supervision.tree.DayLeaf;
import org.energychain.supervision.tree.DayTree;
import org.energychain.supervision.tree.GroupTree;
import org.energychain.supervision.tree.PeriodTree;
import org.energychain.supervision.tree.PlantLeaf;
import org.energychain.supervision.tree.ReadingLeafEncoder;
import org.energychain.supervision.tree.TreeContext;

/**
 * The group data centre's ingest of one period (paper II.A, end to end): read and validate the plants'
 * readings, build the daily, period and group trees, classify into D1/D2/D3, store readings, roots and
 * D1/D3 datasets in the off-chain store in one transaction, and write the D2 package with
 * {@code Hash_G} for the regulator. The import is atomic: any error leaves the store as it was.
 */
public final class PeriodIngest {
    private static final int BATCH = 8192;

    private final OffChainStore store;
    private final Clock clock;
    private final SecureRandom random;

    public PeriodIngest(OffChainStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    public IngestResult run(IngestRequest req, Progress progress) {
        long t0 = System.nanoTime();
        ProblemReport problems = new ProblemReport(req.errorPolicy(), ProblemReport.DEFAULT_KEEP);
        long[] outside = new long[1];
        Map<String, List<Reading>> byPlant = read(req, problems, progress, outside);
        long tRead = System.nanoTime();

        HashFunction hash = req.hash();
        TreeContext ctx = new TreeContext(hash, req.group().id(), req.rules().start(), req.rules().end());
        byte[] saltKey = new byte[PeriodHeader.SALT_KEY_LENGTH];
        random.nextBytes(saltKey);
        Classifier classifier = new Classifier(req.classification());

        long hashNanos = 0;
        long waitNanos = 0;
        long storeNanos = 0;
        long classifyNanos = 0;
        long readings = 0;
        List<IngestResult.PlantResult> plants = new ArrayList<>();
        List<SummaryBlock> summaries = new ArrayList<>();
        List<Dataset> d2 = new ArrayList<>();
        PeriodKey key;
        GroupTree group;
        try (ImportTransaction tx = store.beginImport(new PeriodHeader(ctx.groupId(), ctx.start(), ctx.end(),
                hash.name(), saltKey, clock.instant()))) {
            int done = 0;
            // hashing and classifying (CPU) run ahead on worker threads while this thread stores (I/O)
            List<Future<PreparedPlant>> prepared = new ArrayList<>();
            ExecutorService workers = Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors(), r -> {
                        Thread t = new Thread(r, "ingest-hash");
                        t.setDaemon(true);
                        return t;
                    });
            try {
                for (Plant plant : req.group().plants()) {
                    List<Reading> rs = byPlant.remove(plant.id());
                    List<Reading> plantReadings = rs == null ? new ArrayList<>() : rs;
                    prepared.add(workers.submit(() -> prepare(ctx, saltKey, classifier, plant, plantReadings)));
                }
                for (Future<PreparedPlant> f : prepared) {
                    long w0 = System.nanoTime();
                    PreparedPlant p = await(f);
                    long w1 = System.nanoTime();
                    waitNanos += w1 - w0;
                    hashNanos += p.hashNanos();
                    classifyNanos += p.classifyNanos();
                    store(tx, p, hash, summaries, d2);
                    storeNanos += System.nanoTime() - w1;
                    plants.add(new IngestResult.PlantResult(p.period().leaf(), p.days()));
                    readings += p.readings().size();
                    progress.update("hash and store", ++done, req.group().plants().size());
                }
            } finally {
                workers.shutdownNow();
            }
            group = GroupTree.build(ctx, plants.stream().map(IngestResult.PlantResult::leaf).toList());
            long c0 = System.nanoTime();
            key = tx.commit(group.root());
            storeNanos += System.nanoTime() - c0;
        }
        RegulatoryPackage pkg = new RegulatoryPackage(hash.name(), ctx.groupId(), ctx.start(), ctx.end(),
                group.root(), d2);
        Path pkgFile;
        try {
            pkgFile = RegulatoryPackageFile.write(pkg, hash, req.outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException("period " + key + " is stored, but writing the D2 package to "
                    + req.outputDir() + " failed: " + e.getMessage(), e);
        }
        long tEnd = System.nanoTime();
        return new IngestResult(key, hash.name(), group.root(), plants, summaries, pkgFile, pkg.digest(hash),
                readings, outside[0], problems, new IngestResult.Timings(tRead - t0, hashNanos, classifyNanos, storeNanos,
                        waitNanos, tEnd - t0));
    }

    /** A plant's readings with everything computed from them, ready to store. */
    private record PreparedPlant(Plant plant, List<Reading> readings, List<DayLeaf> days, PeriodTree period,
            List<Dataset> datasets, long hashNanos, long classifyNanos) {
    }

    private static PreparedPlant prepare(TreeContext ctx, byte[] saltKey, Classifier classifier, Plant plant,
            List<Reading> rs) {
        long h0 = System.nanoTime();
        ReadingLeafEncoder encoder = new ReadingLeafEncoder(ctx, saltKey);
        rs.sort(Reading.CANONICAL_ORDER);
        List<DayLeaf> days = dayLeaves(encoder, plant.id(), rs);
        PeriodTree period = PeriodTree.build(ctx, plant.id(), days);
        long h1 = System.nanoTime();
        List<Dataset> datasets = classifier.classify(ctx, plant, rs);
        long h2 = System.nanoTime();
        return new PreparedPlant(plant, rs, days, period, datasets, h1 - h0, h2 - h1);
    }

    private static void store(ImportTransaction tx, PreparedPlant p, HashFunction hash, List<SummaryBlock> summaries,
            List<Dataset> d2) {
        List<Reading> rs = p.readings();
        for (int i = 0; i < rs.size(); i += BATCH) {
            tx.addReadings(rs.subList(i, Math.min(rs.size(), i + BATCH)));
        }
        for (DayLeaf d : p.days()) {
            tx.addDay(new DayRecord(p.plant().id(), d.day(), d.readingCount(), d.root(), d.encode()));
        }
        PlantLeaf leaf = p.period().leaf();
        tx.addPlant(new PlantRecord(p.plant().id(), leaf.dayCount(), leaf.root(), leaf.encode()));
        for (Dataset d : p.datasets()) {
            String id = datasetId(tx.key(), d);
            byte[] digest = d.digest(hash);
            switch (d.dataClass()) {
                case D1 -> {
                    summaries.add(new SummaryBlock(hash.name(), digest, id, d.info()));
                    tx.addDataset(record(id, d, digest));
                }
                case D2 -> d2.add(d);
                case D3 -> tx.addDataset(record(id, d, digest));
            }
        }
    }

    private static PreparedPlant await(Future<PreparedPlant> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads every source through the validator. Readings outside the period are not errors (exports
     * often cover more than the period ingested); they are counted in {@code outside} and dropped.
     */
    private Map<String, List<Reading>> read(IngestRequest req, ProblemReport problems, Progress progress,
            long[] outside) {
        Map<String, List<Reading>> byPlant = new HashMap<>();
        ReadingValidator validator = new ReadingValidator(req.group(), req.rules(), problems,
                (r, where) -> byPlant.computeIfAbsent(r.plantId(), p -> new ArrayList<>(40_000)).add(r));
        long from = req.rules().startInstant().toEpochMilli();
        long to = req.rules().endInstant().toEpochMilli();
        ReadingSink inPeriod = (r, where) -> {
            long t = r.timestamp().toEpochMilli();
            if (t < from || t >= to) {
                outside[0]++;
            } else {
                validator.accept(r, where);
            }
        };
        int done = 0;
        for (ReadingSource s : req.sources()) {
            if (s.isJsonLines()) {
                JsonLinesReadingReader.read(s.file(), inPeriod, problems);
            } else {
                CsvReadingReader.read(s.file(), s.mapping(), req.group(), inPeriod, problems);
            }
            progress.update("read", ++done, req.sources().size());
        }
        validator.finish();
        if (byPlant.isEmpty()) {
            throw new InputException(org.energychain.supervision.ingest.ProblemKind.OUTSIDE_PERIOD, req.sources().get(0).file(), 0, "no readings in the period "
                    + req.rules().start() + ".." + req.rules().end() + " in any input file");
        }
        return byPlant;
    }

    /** Splits a plant's readings (sorted canonically) by UTC day and builds each day's tree. */
    private static List<DayLeaf> dayLeaves(ReadingLeafEncoder encoder, String plantId, List<Reading> sorted) {
        TreeContext ctx = encoder.context();
        List<DayLeaf> days = new ArrayList<>(ctx.dayCount());
        int i = 0;
        for (LocalDate day = ctx.start(); day.isBefore(ctx.end()); day = day.plusDays(1)) {
            long endMillis = day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            int j = i;
            while (j < sorted.size() && sorted.get(j).timestamp().toEpochMilli() < endMillis) {
                j++;
            }
            days.add(DayTree.build(encoder, plantId, day, sorted.subList(i, j)).leaf());
            i = j;
        }
        if (i != sorted.size()) {
            throw new IllegalStateException("readings of " + plantId + " after the period end survived validation");
        }
        return days;
    }

    /** Store id of a dataset: unique per period version. */
    static String datasetId(PeriodKey key, Dataset d) {
        return key.groupId() + "/v" + key.version() + "/" + d.id();
    }

    private static DatasetRecord record(String id, Dataset d, byte[] digest) {
        return new DatasetRecord(id, d.dataClass(),
                d.info().unitId(), d.rule(), digest, d.info().encode(), d.encode());
    }

}
