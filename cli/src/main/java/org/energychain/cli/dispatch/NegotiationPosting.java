package org.energychain.cli.dispatch;

import static org.energychain.cli.dispatch.NegotiationCalls.CONTRACT;
import static org.energychain.cli.dispatch.NegotiationCalls.milli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.dispatch.io.BusMapFile;
import org.energychain.dispatch.io.DemandProfileFile;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.energychain.dispatch.negotiation.PostDemandArgs;
import org.energychain.dispatch.negotiation.SourcePolicy;
import org.energychain.dispatch.weight.Technology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the grid and the sources put on the dispatch chain before a round: {@code dispatch post} (a demand),
 * {@code publish-policy} (a source's acceptance policy) and {@code publish-grid} (the transmission network).
 */
final class NegotiationPosting {
    private NegotiationPosting() {
    }

    /** {@code dispatch post}. */
    @Command(name = "post", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Post a demand (GRID or LOAD): a profile in kW per interval from --profile FILE (CSV or JSON) or "
                    + "--kw; the contract computes every source's weight from the chain.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:posted", "1:refused by the contract",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class Post extends RemoteCommand {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "Demand id.")
        String id;

        @Option(names = "--period", required = true, paramLabel = "TEXT", description = "The period, e.g. 2026-06-02/P1D.")
        String period;

        @Option(names = "--interval-minutes", defaultValue = "15", paramLabel = "MIN",
                description = "Length of one interval (default: ${DEFAULT-VALUE}).")
        int intervalMinutes;

        @Option(names = "--profile", paramLabel = "FILE", description = "Profile: CSV (kW per line or interval,kW) or JSON.")
        Path profile;

        @Option(names = "--kw", split = ",", paramLabel = "KW,KW", description = "Profile on the command line.")
        List<Long> kw;

        @Option(names = "--sources", split = ",", paramLabel = "ID,ID",
                description = "Participants (default: every source with a published policy).")
        List<String> sources = new ArrayList<>();

        @Option(names = "--max-rounds", defaultValue = "3", paramLabel = "N", description = "1..10 (default: ${DEFAULT-VALUE}).")
        int maxRounds;

        @Option(names = "--round-seconds", defaultValue = "0", paramLabel = "S",
                description = "Deadline of each round after it opens (0: the chain's configuration).")
        long roundSeconds;

        @Override
        protected Integer work() throws Exception {
            if ((profile == null) == (kw == null)) {
                throw new IllegalArgumentException("give the profile with exactly one of --profile FILE and --kw");
            }
            List<Long> p = profile != null ? DemandProfileFile.read(profile) : kw;
            PostDemandArgs a = new PostDemandArgs(id, period, intervalMinutes, p, sources, maxRounds,
                    Math.multiplyExact(roundSeconds, 1000));
            NegotiationContract.validateDemand(a);
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.POST_DEMAND, a.encode(),
                    spec.commandLine().getOut(), json, "demand " + id);
        }
    }

    /** {@code dispatch publish-policy}. */
    @Command(name = "publish-policy", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Publish the signing source's acceptance policy: technology, output limits, ramp, offered price "
                    + "and the lowest clearing price at which it accepts to run.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:published", "1:refused by the contract",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class PublishPolicy extends RemoteCommand {
        @Option(names = "--technology", required = true, paramLabel = "TECH",
                description = "coal, gas, biomass, solar-pv, geothermal, solar-csp, hydro, nuclear, wind-offshore, wind-onshore.")
        String technology;

        @Option(names = "--min-kw", defaultValue = "0", paramLabel = "KW", description = "Minimum output when running.")
        long minKw;

        @Option(names = "--max-kw", required = true, paramLabel = "KW", description = "Maximum output.")
        long maxKw;

        @Option(names = "--ramp-kw", defaultValue = "0", paramLabel = "KW", description = "Largest change per interval (0: none).")
        long rampKw;

        @Option(names = "--price", required = true, paramLabel = "PER_MWH", description = "Offered price per MWh.")
        BigDecimal price;

        @Option(names = "--min-price", defaultValue = "0", paramLabel = "PER_MWH",
                description = "Lowest clearing price per MWh at which it accepts to run (default: ${DEFAULT-VALUE}).")
        BigDecimal minPrice;

        @Override
        protected Integer work() throws Exception {
            SourcePolicy p = new SourcePolicy(Technology.byCode(technology), minKw, maxKw, rampKw, milli(price, "--price"),
                    milli(minPrice, "--min-price"));
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.PUBLISH_POLICY, p.encode(),
                    spec.commandLine().getOut(), json, "policy of " + remote.member());
        }
    }

    /** {@code dispatch publish-grid}. */
    @Command(name = "publish-grid", mixinStandardHelpOptions = true, sortOptions = false,
            description = "As the grid company (GRID), publish the transmission network on the dispatch chain: the "
                    + "case's buses with their share of the load, its in-service branches with their limits, and each "
                    + "source's bus. From then on the contract refuses a plan whose DC flows overload a line.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:published", "1:refused by the contract",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class PublishGrid extends RemoteCommand {
        @Option(names = "--case", required = true, paramLabel = "FILE.m", description = "MATPOWER case of the grid.")
        java.nio.file.Path caseFile;

        @Option(names = "--bus-map", paramLabel = "FILE.csv",
                description = "Where each source connects: lines 'source,bus' ('#' comments). Default: the case's "
                        + "generators G1, G2, ... at their buses.")
        java.nio.file.Path busMap;

        @Option(names = "--id", paramLabel = "ID", description = "Name of this grid version (default: the case file's name).")
        String id;

        @Option(names = "--tolerance-ppm", defaultValue = "1000", paramLabel = "PPM",
                description = "How far a flow may exceed its line's limit, in ppm of the limit, for kW rounding "
                        + "(default: ${DEFAULT-VALUE}).")
        long tolerancePpm;

        @Override
        protected Integer work() throws Exception {
            org.energychain.dispatch.plan.MatpowerCase mpc = org.energychain.dispatch.plan.MatpowerReader.read(caseFile);
            java.util.Map<String, Integer> buses;
            if (busMap != null) {
                buses = BusMapFile.read(busMap, mpc.network().buses());
            } else {
                buses = new java.util.LinkedHashMap<>();
                for (org.energychain.dispatch.plan.Unit u : mpc.units()) {
                    buses.put(u.id(), u.bus());
                }
            }
            String name = id != null ? id : caseFile.getFileName().toString().replaceFirst("\\.m$", "");
            org.energychain.dispatch.negotiation.GridArgs g = org.energychain.dispatch.negotiation.GridArgs.fromCase(
                    name, mpc, buses, tolerancePpm);
            return SignedCalls.submit(remote, CONTRACT, NegotiationContract.PUBLISH_GRID, g.encode(),
                    spec.commandLine().getOut(), json, "grid " + name + " (" + g.buses().size() + " buses, "
                            + g.branches().size() + " branches, " + g.sources().size() + " sources)");
        }
    }
}
