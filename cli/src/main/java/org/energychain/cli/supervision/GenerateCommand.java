package org.energychain.cli.supervision;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.supervision.generate.SyntheticGroupGenerator;
import org.energychain.supervision.reading.Group;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain generate}: a synthetic group of plants with realistic 15-minute readings. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate a synthetic energy group: group.yaml, mapping.yaml and one CSV of 15-minute readings "
                + "per plant (solar following the sun, wind from a Weibull speed through a power curve, seasonal "
                + "hydro, thermal with minimum load and coal consumption). Deterministic for a given --seed.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "2:bad input"})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--group", defaultValue = "G1", paramLabel = "ID", description = "Group id (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--plants", defaultValue = "10", paramLabel = "N",
            description = "Number of plants, mixed 40% solar, 30% wind, 10% hydro, 20% thermal (default: ${DEFAULT-VALUE}).")
    int plants;

    @Option(names = "--regions", defaultValue = "north,east,south,west", split = ",", paramLabel = "NAME",
            description = "Regions the plants are spread over (default: ${DEFAULT-VALUE}).")
    List<String> regions;

    @Option(names = "--start", defaultValue = "2026-01-01", paramLabel = "YYYY-MM-DD", description = "First day (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--days", defaultValue = "31", paramLabel = "N", description = "Number of days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (plants < 1 || days < 1) {
            throw new IllegalArgumentException("--plants and --days must be at least 1");
        }
        var genSpec = SyntheticGroupGenerator.Spec.mix(group, plants, regions, start, days, seed);
        ConsoleProgress progress = new ConsoleProgress(System.err, !quiet);
        Group g = SyntheticGroupGenerator.generate(genSpec, out, (done, total, plantId) ->
                progress.update("generate", done, total));
        var w = spec.commandLine().getOut();
        w.printf("wrote %d plants x %d days (%s..%s) of group %s to %s%n", g.plants().size(), days, start,
                start.plusDays(days - 1), g.id(), out);
        w.printf("ingest with: energychain ingest --group %s --mapping %s --from %s --to %s %s%n",
                out.resolve("group.yaml"), out.resolve("mapping.yaml"), start, start.plusDays(days - 1),
                out.resolve("readings"));
        w.flush();
        return ExitCodes.OK;
    }
}
