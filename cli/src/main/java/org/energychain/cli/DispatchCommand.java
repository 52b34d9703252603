package org.energychain.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.energychain.dispatch.plan.Binding;
import org.energychain.dispatch.plan.DispatchPlan;
import org.energychain.dispatch.plan.DispatchPlanner;
import org.energychain.dispatch.plan.InfeasibleDispatchException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain dispatch}: supply plans for the multi-source collaboration (paper III). */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "Multi-source collaboration: supply plans, voting weights, and the weighted negotiation of plans "
                + "on the dispatch chain (contract dispatch-negotiation).",
        subcommands = {DispatchCommand.Plan.class, DispatchCommand.Weights.class, DispatchChainCommands.Post.class,
            DispatchChainCommands.PublishPolicy.class, DispatchChainCommands.Propose.class,
            DispatchChainCommands.VoteCommand.class, DispatchChainCommands.CloseRound.class,
            DispatchChainCommands.Inspect.class, DispatchSimulateCommand.class})
public final class DispatchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dispatch weights --sources FILE.yaml}: the voting weights V_k = f(W, R, S, M). */
    @Command(name = "weights", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Compute the sources' voting weights V_k = f(W, R, S, M) in parts per million (exact, capped at "
                    + "--cap, summing to 1,000,000) from a YAML list of sources: id, technology (e.g. wind-onshore, coal), "
                    + "traded-kwh (W), social-ppm (S), price-milli (M, per MWh). See docs/dispatch.md.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:computed", "2:bad input"})
    static final class Weights implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--sources", required = true, paramLabel = "FILE", description = "Sources (YAML).")
        Path sources;

        @Option(names = "--coefficients", defaultValue = "300000,300000,200000,200000", split = ",",
                paramLabel = "A,B,C,D", description = "ppm for W, R, S, M, summing to 1,000,000 (default: ${DEFAULT-VALUE}).")
        long[] coefficients;

        @Option(names = "--cap", defaultValue = "500000", paramLabel = "PPM", description = "Largest weight (default: ${DEFAULT-VALUE}).")
        long cap;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (coefficients.length != 4) {
                throw new IllegalArgumentException("--coefficients needs 4 values (W, R, S, M)");
            }
            com.fasterxml.jackson.databind.JsonNode root;
            try {
                root = new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(sources.toFile());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(sources + ": not readable YAML: " + e.getMessage(), e);
            }
            java.util.List<org.energychain.dispatch.weight.SourceFactors> list = new java.util.ArrayList<>();
            int i = 0;
            for (com.fasterxml.jackson.databind.JsonNode n : root.path("sources")) {
                String where = sources + ": sources[" + i++ + "]";
                try {
                    list.add(new org.energychain.dispatch.weight.SourceFactors(text(n, "id"),
                            n.path("traded-kwh").asLong(0),
                            org.energychain.dispatch.weight.Cleanness.ppm(
                                    org.energychain.dispatch.weight.Technology.byCode(text(n, "technology"))),
                            n.path("social-ppm").asLong(0), n.path("price-milli").asLong(0)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException(sources + ": expected a 'sources' list");
            }
            var weights = new org.energychain.dispatch.weight.WeightFunction(
                    new org.energychain.dispatch.weight.WeightCoefficients(coefficients[0], coefficients[1],
                            coefficients[2], coefficients[3], cap)).weigh(list);
            var out = spec.commandLine().getOut();
            if (json) {
                var n = Json.MAPPER.createObjectNode();
                weights.ppm().forEach(n::put);
                Json.print(out, n);
            } else {
                weights.ppm().forEach((id, ppm) -> out.printf("  %-12s %9d ppm  (%6.3f%%)%n", id, ppm, ppm / 10_000.0));
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static String text(com.fasterxml.jackson.databind.JsonNode n, String field) {
            if (!n.path(field).isTextual()) {
                throw new IllegalArgumentException("missing '" + field + "'");
            }
            return n.get(field).asText();
        }
    }

    /** {@code dispatch plan --case FILE.m}. */
    @Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Solve one interval of a MATPOWER case (gen, gencost, bus loads and, where limited, branch): "
                    + "economic dispatch on the DC network; prints each generator's output, the total cost and the price "
                    + "per bus (the system lambda where nothing is congested).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:solved",
                "2:bad case file, or infeasible (the binding constraint is named)"})
    static final class Plan implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--case", required = true, paramLabel = "FILE.m", description = "MATPOWER case file.")
        Path caseFile;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            DispatchPlan plan;
            try {
                plan = DispatchPlanner.plan(caseFile);
            } catch (InfeasibleDispatchException e) {
                throw new IllegalArgumentException(caseFile + ": infeasible: " + e.getMessage(), e);
            } catch (java.nio.file.NoSuchFileException e) {
                throw e;
            } catch (java.io.IOException e) { // a directory, no permission: the file is the problem, not us
                throw new IllegalArgumentException(caseFile + ": cannot read: " + e.getMessage(), e);
            }
            var out = spec.commandLine().getOut();
            if (json) {
                var n = Json.MAPPER.createObjectNode();
                n.put("case", caseFile.toString());
                var gens = n.putArray("generators");
                for (String id : plan.unitIds()) {
                    gens.addObject().put("id", id).put("p", round(plan.output(id, 0)));
                }
                n.put("cost", round(plan.cost()));
                n.put("emissions", round(plan.emissions()));
                n.put("cleanShare", round(plan.cleanShare()));
                n.put("lambda", round(plan.lambda().get(0)));
                var prices = n.putObject("prices");
                if (!plan.prices().isEmpty()) {
                    for (Map.Entry<Integer, Double> e : new java.util.TreeMap<>(plan.prices().get(0)).entrySet()) {
                        prices.put(String.valueOf(e.getKey()), round(e.getValue()));
                    }
                }
                var flows = n.putObject("flows");
                if (!plan.flows().isEmpty()) {
                    plan.flows().get(0).forEach((k, v) -> flows.put(k, round(v)));
                }
                var binding = n.putArray("binding");
                for (Binding b : plan.binding()) {
                    binding.add(b.toString());
                }
                Json.print(out, n);
            } else {
                out.printf("%s: total cost %.2f per hour, system lambda %.4f per MWh%n", caseFile, plan.cost(),
                        plan.lambda().get(0));
                for (String id : plan.unitIds()) {
                    out.printf("  %-8s %10.3f MW%n", id, plan.output(id, 0));
                }
                if (!plan.prices().isEmpty()) {
                    new java.util.TreeMap<>(plan.prices().get(0)).forEach((bus, price) ->
                            out.printf("  bus %-4d %10.4f per MWh%n", bus, price));
                }
                plan.binding().forEach(b -> out.println("  binding: " + b));
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static double round(double v) {
            return Math.round(v * 1e6) / 1e6;
        }
    }
}
