package org.energychain.cli.dispatch;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.dispatch.plan.Binding;
import org.energychain.dispatch.plan.DcOpf;
import org.energychain.dispatch.plan.DispatchPlan;
import org.energychain.dispatch.plan.DispatchPlanner;
import org.energychain.dispatch.plan.InfeasibleDispatchException;
import org.energychain.dispatch.plan.MatpowerCase;
import org.energychain.dispatch.plan.MatpowerReader;
import org.energychain.dispatch.plan.PlanOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain dispatch}: supply plans for the multi-source collaboration (paper III). */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "Multi-source collaboration: supply plans, voting weights, and the weighted negotiation of plans "
                + "on the dispatch chain (contract dispatch-negotiation).",
        subcommands = {DispatchCommand.Plan.class, DispatchCommand.Weights.class, NegotiationPosting.Post.class,
            NegotiationPosting.PublishPolicy.class, NegotiationPosting.PublishGrid.class, NegotiationRounds.Propose.class,
            NegotiationRounds.VoteCommand.class, NegotiationRounds.CloseRound.class, NegotiationInspect.Inspect.class,
            DispatchSimulateCommand.class})
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

    /** {@code dispatch plan --case FILE.m [--profile load.csv] [--n1-security]}. */
    @Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Solve a MATPOWER case (bus, gen, branch, gencost) as an exact DC optimal power flow: each "
                    + "generator's output, the total cost, the price at every bus (the dual of its balance: energy plus "
                    + "congestion), every line's flow and the shadow price of each binding limit. One interval of one hour, "
                    + "or with --profile a day of intervals (the case's loads times each interval's factor) with ramp "
                    + "limits across them, solved as one programme.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:solved",
                "2:bad case or profile file (file:line), or infeasible (the binding constraint is named)"})
    static final class Plan implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--case", required = true, paramLabel = "FILE.m", description = "MATPOWER case file.")
        Path caseFile;

        @Option(names = "--profile", paramLabel = "FILE.csv", description = "Load shape: one factor per interval "
                + "(a line `factor` or `interval,factor`; `#` comments, an optional header), applied to every bus load.")
        Path profile;

        @Option(names = "--interval-minutes", paramLabel = "MIN", description = "Length of an interval of the profile "
                + "(default: the day divided by the number of intervals).")
        Integer intervalMinutes;

        @Option(names = "--ramp-percent", paramLabel = "PCT", description = "Ramp limit of every generator per interval, "
                + "in percent of its PMAX (default: the case's RAMP_30 column scaled to the interval, else none).")
        Double rampPercent;

        @Option(names = "--n1-security", description = "Keep every line within its limit after any single branch "
                + "outage (N-1, by line outage distribution factors, added where violated).")
        boolean n1;

        @Option(names = "--fast", description = "Solve linear programmes with PDLP to a relative accuracy of 1e-6 instead "
                + "of the exact simplex (GLOP): whole days of many generators in seconds.")
        boolean fast;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            MatpowerCase mpc;
            try {
                mpc = MatpowerReader.read(caseFile);
            } catch (java.nio.file.NoSuchFileException e) {
                throw e;
            } catch (java.io.IOException e) { // a directory, no permission: the file is the problem, not us
                throw new IllegalArgumentException(caseFile + ": cannot read: " + e.getMessage(), e);
            }
            DcOpf.Options options = DcOpf.Options.defaults().withN1Security(n1).withFast(fast);
            double[] shape = profile == null ? null : org.energychain.dispatch.io.LoadFactorFile.read(profile);
            DispatchPlan plan;
            String solver = "";
            double hours = 1;
            try {
                if (shape == null && mpc.branch().isEmpty() && !n1 && !fast) {
                    plan = DispatchPlanner.plan(mpc, PlanOptions.defaults());
                } else if (shape == null) {
                    DcOpf.Result r = DispatchPlanner.solve(mpc, options);
                    plan = r.plan();
                    solver = r.work().solver();
                } else {
                    int minutes = intervalMinutes != null ? intervalMinutes : 1440 / shape.length;
                    if (minutes < 1 || minutes > 1440 || (intervalMinutes == null && 1440 % shape.length != 0)) {
                        throw new IllegalArgumentException(profile + ": " + shape.length + " intervals do not divide a "
                                + "day; give --interval-minutes (1..1440)");
                    }
                    hours = minutes / 60.0;
                    DcOpf.Result r = rampPercent == null ? DispatchPlanner.solveDay(mpc, shape, hours, options)
                            : DispatchPlanner.solveDay(mpc, shape, hours, options, rampPercent);
                    plan = r.plan();
                    solver = r.work().solver();
                }
            } catch (InfeasibleDispatchException e) {
                throw new IllegalArgumentException(caseFile + ": infeasible: " + e.getMessage(), e);
            }
            var out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, shape == null ? oneInterval(plan, solver) : horizon(plan, solver, hours));
            } else {
                text(out, plan);
            }
            return ExitCodes.OK;
        }

        private com.fasterxml.jackson.databind.node.ObjectNode oneInterval(DispatchPlan plan, String solver) {
            var n = Json.MAPPER.createObjectNode();
            n.put("case", caseFile.toString());
            if (!solver.isEmpty()) {
                n.put("solver", solver);
            }
            var gens = n.putArray("generators");
            for (String id : plan.unitIds()) {
                gens.addObject().put("id", id).put("p", round(plan.output(id, 0)));
            }
            n.put("cost", round(plan.cost()));
            n.put("emissions", round(plan.emissions()));
            n.put("cleanShare", round(plan.cleanShare()));
            n.put("lambda", round(plan.lambda().get(0)));
            n.put("energyPrice", round(plan.lambda().get(0)));
            var prices = n.putObject("prices");
            var congestion = n.putObject("congestion");
            if (!plan.prices().isEmpty()) {
                for (Map.Entry<Integer, Double> e : new java.util.TreeMap<>(plan.prices().get(0)).entrySet()) {
                    prices.put(String.valueOf(e.getKey()), round(e.getValue()));
                    congestion.put(String.valueOf(e.getKey()), round(e.getValue() - plan.lambda().get(0)));
                }
            }
            var flows = n.putObject("flows");
            if (!plan.flows().isEmpty()) {
                new java.util.TreeMap<>(plan.flows().get(0)).forEach((k, v) -> flows.put(k, round(v)));
            }
            var shadow = n.putObject("shadowPrices");
            if (!plan.shadowPrices().isEmpty()) {
                new java.util.TreeMap<>(plan.shadowPrices().get(0)).forEach((k, v) -> shadow.put(k, round(v)));
            }
            var binding = n.putArray("binding");
            for (Binding b : plan.binding()) {
                binding.add(b.toString());
            }
            return n;
        }

        private com.fasterxml.jackson.databind.node.ObjectNode horizon(DispatchPlan plan, String solver, double hours) {
            var n = Json.MAPPER.createObjectNode();
            n.put("case", caseFile.toString());
            n.put("solver", solver);
            n.put("intervals", plan.intervals());
            n.put("intervalMinutes", Math.round(hours * 60));
            var gens = n.putArray("generators");
            for (String id : plan.unitIds()) {
                var p = gens.addObject().put("id", id).putArray("p");
                for (int t = 0; t < plan.intervals(); t++) {
                    p.add(round(plan.output(id, t)));
                }
            }
            n.put("cost", round(plan.cost()));
            var lambda = n.putArray("energyPrice");
            plan.lambda().forEach(v -> lambda.add(round(v)));
            var prices = n.putArray("prices");
            var flows = n.putArray("flows");
            var shadow = n.putArray("shadowPrices");
            for (int t = 0; t < plan.intervals(); t++) {
                var pt = prices.addObject();
                new java.util.TreeMap<>(plan.prices().get(t)).forEach((k, v) -> pt.put(String.valueOf(k), round(v)));
                var ft = flows.addObject();
                new java.util.TreeMap<>(plan.flows().get(t)).forEach((k, v) -> ft.put(k, round(v)));
                var st = shadow.addObject();
                new java.util.TreeMap<>(plan.shadowPrices().get(t)).forEach((k, v) -> st.put(k, round(v)));
            }
            var binding = n.putArray("binding");
            for (Binding b : plan.binding()) {
                binding.add(b.toString());
            }
            return n;
        }

        private void text(java.io.PrintWriter out, DispatchPlan plan) {
            if (plan.intervals() == 1) {
                out.printf("%s: total cost %.2f per hour, system lambda %.4f per MWh%n", caseFile, plan.cost(),
                        plan.lambda().get(0));
                for (String id : plan.unitIds()) {
                    out.printf("  %-8s %10.3f MW%n", id, plan.output(id, 0));
                }
                if (!plan.prices().isEmpty()) {
                    new java.util.TreeMap<>(plan.prices().get(0)).forEach((bus, price) ->
                            out.printf("  bus %-4d %10.4f per MWh%n", bus, price));
                }
                if (!plan.shadowPrices().isEmpty()) {
                    plan.shadowPrices().get(0).forEach((line, mu) ->
                            out.printf("  line %s at its limit: shadow price %.4f per MWh%n", line, mu));
                }
            } else {
                out.printf("%s: %d intervals, total cost %.2f%n", caseFile, plan.intervals(), plan.cost());
                for (int t = 0; t < plan.intervals(); t++) {
                    var prices = plan.prices().get(t).values();
                    out.printf("  interval %3d: energy price %.4f per MWh, bus prices %.4f..%.4f, %d lines at their limit%n",
                            t, plan.lambda().get(t), prices.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                            prices.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                            plan.shadowPrices().get(t).size());
                }
            }
            plan.binding().stream().filter(b -> b.kind() == Binding.Kind.LINE || plan.intervals() == 1)
                    .forEach(b -> out.println("  binding: " + b));
            out.flush();
        }

        private static double round(double v) {
            return Math.round(v * 1e6) / 1e6;
        }
    }
}
