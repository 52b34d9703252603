package org.energychain.cli.supervision;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.StoreOptions;
import org.energychain.cli.common.Suites;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.supervision.classify.ClassificationPolicy;
import org.energychain.supervision.classify.ClassificationPolicyFile;
import org.energychain.supervision.classify.SummaryBlock;
import org.energychain.supervision.ingest.ErrorPolicy;
import org.energychain.supervision.ingest.GroupConfigFile;
import org.energychain.supervision.ingest.InputException;
import org.energychain.supervision.ingest.MappingConfig;
import org.energychain.supervision.ingest.ValidationRules;
import org.energychain.supervision.pipeline.IngestRequest;
import org.energychain.supervision.pipeline.IngestResult;
import org.energychain.supervision.pipeline.PeriodIngest;
import org.energychain.supervision.pipeline.ReadingSource;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.tree.DayLeaf;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code energychain ingest}: one period of a group's readings into trees, classes and the store. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ingest a period of a group's readings: validate, build the daily, period and group trees "
                + "(Hash_G), classify into D1/D2/D3, store everything in the off-chain store in one transaction, "
                + "write the D2 package for the regulator and the D1 summary blocks.",
                "Inputs are CSV files (read with --mapping) and JSON lines files (.jsonl); a directory means all "
                        + "such files in it."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stored", "2:bad input (nothing stored)", "3:internal error"})
public final class IngestCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--group", required = true, paramLabel = "FILE", description = "Group file (YAML): id and plants.")
    Path groupFile;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Mapping of the CSV columns (YAML).")
    Path mappingFile;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the period (UTC).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the period, inclusive.")
    LocalDate to;

    @Option(names = "--suite", defaultValue = "sha256-ed25519", paramLabel = "NAME",
            description = "Crypto suite: sha256-ed25519 (default) or sm3-sm2.")
    String suite;

    @Option(names = "--rules", paramLabel = "FILE", description = "Classification rules (YAML); default: the bundled policy.")
    Path rulesFile;

    @Option(names = "--on-error", defaultValue = "fail", paramLabel = "POLICY",
            description = "fail (default: the first bad row aborts, nothing is stored) or skip (skip bad rows and report them).")
    String onError;

    @Option(names = "--out", defaultValue = "out", paramLabel = "DIR",
            description = "Where the D2 package and the summary blocks are written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the result as JSON (hash suite, groupRoot, plants with days).")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "CSV or JSON lines files, or directories of them.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        HashFunction hash = Suites.hashOf(suite);
        Group group = GroupConfigFile.load(groupFile);
        MappingConfig mapping = mappingFile == null ? null : MappingConfig.load(mappingFile);
        List<ReadingSource> sources = sources(mapping);
        ClassificationPolicy rules = rulesFile == null ? ClassificationPolicyFile.defaults()
                : ClassificationPolicyFile.load(rulesFile);
        ErrorPolicy policy = switch (onError.toLowerCase(Locale.ROOT)) {
            case "fail" -> ErrorPolicy.FAIL;
            case "skip" -> ErrorPolicy.SKIP_AND_REPORT;
            default -> throw new IllegalArgumentException("--on-error must be fail or skip, got '" + onError + "'");
        };
        IngestRequest request = new IngestRequest(group, ValidationRules.of(from, to.plusDays(1)), hash, sources,
                policy, rules, out);
        IngestResult result;
        try (OffChainStore s = store.open()) {
            result = new PeriodIngest(s, Clock.systemUTC(), new SecureRandom())
                    .run(request, new ConsoleProgress(System.err, !quiet));
        }
        Path summaries = writeSummaries(result);
        var outWriter = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = toJson(result);
            node.put("summaryBlocks", summaries.toString());
            Json.print(outWriter, node);
        } else {
            printHuman(outWriter, result, summaries);
        }
        return ExitCodes.OK;
    }

    private List<ReadingSource> sources(@Nullable MappingConfig mapping) throws IOException {
        List<ReadingSource> sources = new ArrayList<>();
        for (Path in : inputs) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(p -> isCsv(p) || isJsonLines(p)).sorted().forEach(files::add);
                }
                if (files.isEmpty()) {
                    throw new IllegalArgumentException(in + ": directory holds no .csv or .jsonl files");
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new IllegalArgumentException(in + ": no such file or directory");
            }
            for (Path f : files) {
                if (isJsonLines(f)) {
                    sources.add(ReadingSource.jsonLines(f));
                } else {
                    if (mapping == null) {
                        throw new IllegalArgumentException(f + ": CSV input needs --mapping FILE");
                    }
                    sources.add(ReadingSource.csv(f, mapping));
                }
            }
        }
        return sources;
    }

    private static boolean isCsv(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isJsonLines(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    static ObjectNode toJson(IngestResult r) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("suite", Suites.suiteOfHash(r.hash()));
        node.put("hash", r.hash());
        node.put("group", r.key().groupId());
        node.put("periodStart", r.key().start().toString());
        node.put("periodEnd", r.key().endExclusive().toString());
        node.put("version", r.key().version());
        node.put("groupRoot", Hex.encode(r.groupRoot()));
        node.put("readings", r.readings());
        node.put("outsidePeriod", r.outsidePeriod());
        ArrayNode plants = node.putArray("plants");
        for (IngestResult.PlantResult p : r.plants()) {
            ObjectNode pn = plants.addObject();
            pn.put("id", p.leaf().plantId());
            pn.put("root", Hex.encode(p.leaf().root()));
            pn.put("leaf", Hex.encode(p.leaf().encode()));
            ArrayNode days = pn.putArray("days");
            for (DayLeaf d : p.days()) {
                ObjectNode dn = days.addObject();
                dn.put("date", d.day().toString());
                dn.put("readings", d.readingCount());
                dn.put("root", Hex.encode(d.root()));
                dn.put("leaf", Hex.encode(d.encode()));
            }
        }
        node.put("regulatoryPackage", r.regulatoryPackage().toString());
        node.put("hashD2", Hex.encode(r.hashD2()));
        node.put("summaryCount", r.summaries().size());
        ObjectNode problems = node.putObject("problems");
        problems.put("total", r.problems().total());
        ObjectNode counts = problems.putObject("counts");
        r.problems().counts().forEach((k, v) -> counts.put(k.name().toLowerCase(Locale.ROOT), v));
        ArrayNode first = problems.putArray("first");
        for (InputException e : r.problems().problems()) {
            first.add(e.getMessage());
        }
        ObjectNode t = node.putObject("timingsMillis");
        t.put("read", r.timings().readNanos() / 1_000_000);
        t.put("hash", r.timings().hashNanos() / 1_000_000);
        t.put("classify", r.timings().classifyNanos() / 1_000_000);
        t.put("store", r.timings().storeNanos() / 1_000_000);
        t.put("waitForHashing", r.timings().waitNanos() / 1_000_000);
        t.put("total", r.timings().totalNanos() / 1_000_000);
        return node;
    }

    private Path writeSummaries(IngestResult r) throws IOException {
        Files.createDirectories(out);
        Path file = out.resolve("summaries-" + r.key().groupId() + "-" + r.key().start() + "-" + r.key().endExclusive()
                + "-v" + r.key().version() + ".json");
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (SummaryBlock s : r.summaries()) {
            ObjectNode n = arr.addObject();
            n.put("datasetId", s.datasetId());
            n.put("hash", s.hash());
            n.put("hashD1", Hex.encode(s.datasetHash()));
            n.put("encoded", Hex.encode(s.encode()));
            ObjectNode di = n.putObject("di");
            di.put("energyType", s.info().energyType());
            di.put("dataType", s.info().dataType());
            di.put("region", s.info().region());
            di.put("group", s.info().groupId());
            di.put("unit", s.info().unitId());
            di.put("mathType", s.info().mathType());
            di.put("measurement", s.info().measurement());
            di.put("measurementUnit", s.info().measurementUnit());
            di.put("derivation", s.info().derivation());
            di.put("from", s.info().from().toString());
            di.put("to", s.info().to().toString());
            di.put("points", s.info().points());
        }
        Path tmp = Files.createTempFile(out, ".summaries-", ".tmp");
        Json.MAPPER.writeValue(tmp.toFile(), arr);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private void printHuman(java.io.PrintWriter w, IngestResult r, Path summaries) {
        double secs = r.timings().totalNanos() / 1e9;
        w.printf("stored %s (version %d) in %s%n", r.key(), r.key().version(), store.describe());
        IngestResult.Timings t = r.timings();
        w.printf("  %,d readings of %d plants in %.1f s (%,.0f readings/s)%n", r.readings(), r.plants().size(), secs,
                r.readings() / secs);
        w.printf("  read %.1f s, store %.1f s; hashing %.1f s and classifying %.1f s on worker threads, "
                + "in parallel with storing (waited %.1f s for them)%n", t.readNanos() / 1e9, t.storeNanos() / 1e9,
                t.hashNanos() / 1e9, t.classifyNanos() / 1e9, t.waitNanos() / 1e9);
        if (r.outsidePeriod() > 0) {
            w.printf("  %,d readings of the inputs lie outside the period and were not ingested%n", r.outsidePeriod());
        }
        w.printf("  Hash_G (%s) = %s%n", r.hash(), Hex.encode(r.groupRoot()));
        w.printf("  D2 package for the regulator: %s (Hash(D2) = %s)%n", r.regulatoryPackage(), Hex.encode(r.hashD2()));
        w.printf("  %d D1 summary blocks: %s%n", r.summaries().size(), summaries);
        if (!r.problems().isEmpty()) {
            w.println("  skipped input problems:");
            w.println(r.problems().summary().indent(4).stripTrailing());
        }
        w.flush();
    }
}
