package org.energychain.cli.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.energychain.cli.Cli;
import org.energychain.cli.InProcessNode;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.crypto.Hex;
import org.energychain.dispatch.negotiation.DemandRef;
import org.energychain.ledger.testkit.SteppedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The negotiation of docs/dispatch.md from the command line against a real node (in process, on a clock
 * the test moves past a round's deadline instead of waiting for it, REST over HTTP): three
 * groups publish their policies, the grid posts a demand from a CSV file, the round's proposer plans with
 * EconomicDispatch and proposes, the sources vote by their own policies (one rejects for the price), the
 * plan commits and reaches a subscriber of the node's event stream; a second demand is rejected by hand,
 * re-planned without the rejecting sources, left to its deadline, closed and failed.
 */
class DispatchNegotiationCliTest {
    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock();

    private InProcessNode node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aDemandIsNegotiatedCommittedBroadcastAndInspected() throws Exception {
        Path net = dir.resolve("net");
        Cli genesis = Cli.run("genesis", "network", "--groups", "G1,G2,G3", "--regulator", "REG", "--platform", "PLAT",
                "--dispatch-contract", "dispatch-negotiation", "--out", net.toString());
        assertThat(genesis.exit()).as(genesis.toString()).isZero();
        node = InProcessNode.start(net.resolve("node.yaml"), clock);
        String url = node.url();

        ok(run(url, net, "G1", "dispatch", "publish-policy", "--technology", "coal", "--min-kw", "1000", "--max-kw", "5000",
                "--ramp-kw", "2000", "--price", "40", "--min-price", "30"));
        ok(run(url, net, "G2", "dispatch", "publish-policy", "--technology", "wind-onshore", "--max-kw", "4000",
                "--price", "30"));
        ok(run(url, net, "G3", "dispatch", "publish-policy", "--technology", "gas", "--min-kw", "500", "--max-kw", "3000",
                "--price", "80", "--min-price", "100"));
        Cli bad = run(url, net, "G1", "dispatch", "publish-policy", "--technology", "peat", "--max-kw", "1", "--price", "1");
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("unknown technology 'peat'");

        Cli overview = Cli.run("dispatch", "inspect", "--url", url, "--chain", "dispatch", "--json");
        assertThat(overview.exit()).as(overview.toString()).isZero();
        assertThat(overview.json().get("policies").findValuesAsText("source")).containsExactly("G1", "G2", "G3");
        assertThat(overview.json().at("/config/capPpm").asLong()).isEqualTo(500_000);

        // a subscriber of the node's event stream, from the current tip on
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> committed = new CompletableFuture<>();
        HttpRequest sse = HttpRequest.newBuilder(URI.create(url + "/chains/dispatch/events"))
                .header("Accept", "text/event-stream").build();
        Thread subscriber = new Thread(() -> {
            try {
                http.send(sse, HttpResponse.BodyHandlers.ofLines()).body().forEach(line -> {
                    seen.add(line.length() > 80 ? line.substring(0, 80) : line);
                    if (line.startsWith("data:")) {
                        try {
                            for (JsonNode tx : Json.MAPPER.readTree(line.substring(5)).path("transactions")) {
                                for (JsonNode ev : tx.path("result").path("events")) {
                                    if (ev.path("type").asText().equals("plan-committed")) {
                                        committed.complete(DemandRef.decode(Hex.decode(ev.path("data").asText()))
                                                .demandId());
                                    }
                                }
                            }
                        } catch (java.io.IOException e) {
                            committed.completeExceptionally(e);
                        }
                    }
                });
            } catch (Exception e) {
                committed.completeExceptionally(e);
            }
        }, "sse-subscriber");
        subscriber.setDaemon(true);
        subscriber.start();

        Path csv = dir.resolve("profile.csv");
        Files.writeString(csv, "interval,kw\n0,6000\n1,8000\n2,7000\n3,5000\n");
        ok(run(url, net, "GRID", "dispatch", "post", "--id", "d1", "--period", "2026-06-02/PT4H", "--interval-minutes",
                "60", "--profile", csv.toString()));
        JsonNode d1 = inspect(url, "d1");
        assertThat(d1.at("/demand/profileKw").toString()).isEqualTo("[6000,8000,7000,5000]");
        assertThat(d1.get("participants").findValuesAsText("source")).containsExactly("G1", "G2", "G3");
        long sum = 0;
        for (JsonNode p : d1.get("participants")) {
            sum += p.get("ppm").asLong();
        }
        assertThat(sum).isEqualTo(1_000_000);
        String proposer = d1.at("/rounds/0/proposer").asText();
        String notProposer = List.of("G1", "G2", "G3").stream().filter(g -> !g.equals(proposer)).findFirst().orElseThrow();
        Cli wrong = run(url, net, notProposer, "dispatch", "propose", "--demand", "d1");
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.err()).contains("the proposer of round 1 of d1 is " + proposer);
        ok(run(url, net, proposer, "dispatch", "propose", "--demand", "d1"));

        // the gas unit runs at its minimum at a clearing price of 40 < its minimum 100: it rejects, for the price
        Cli g3 = run(url, net, "G3", "dispatch", "vote", "--demand", "d1");
        ok(g3);
        assertThat(g3.out()).contains("G3 rejects round 1 of d1 (price)");
        ok(run(url, net, "G1", "dispatch", "vote", "--demand", "d1"));
        ok(run(url, net, "G2", "dispatch", "vote", "--demand", "d1"));
        d1 = inspect(url, "d1");
        assertThat(d1.at("/demand/status").asText()).isEqualTo("COMMITTED");
        assertThat(d1.at("/rounds/0/votes").findValuesAsText("reason")).containsExactly("none", "none", "price");
        JsonNode rows = d1.at("/rounds/0/plan/rows");
        for (int t = 0; t < 4; t++) {
            long total = rows.get("G1").get(t).asLong() + rows.get("G2").get(t).asLong() + rows.get("G3").get(t).asLong();
            assertThat(total).isEqualTo(d1.at("/demand/profileKw").get(t).asLong());
        }
        assertThat(rows.get("G2").get(0).asLong()).isEqualTo(4000); // wind is the cheapest
        String committedId;
        try {
            committedId = committed.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no plan-committed event; the stream sent: " + seen, e);
        }
        assertThat(committedId).isEqualTo("d1");
        Cli text = Cli.run("dispatch", "inspect", "--url", url, "--chain", "dispatch", "--demand", "d1");
        assertThat(text.out()).contains("COMMITTED in round 1").contains("vote G3").contains("(price)");

        // d2: G1 and G2 reject by hand; round 2 is planned without them; nobody votes; after the deadline it closes
        ok(run(url, net, "GRID", "dispatch", "post", "--id", "d2", "--period", "2026-06-03/PT2H", "--interval-minutes",
                "60", "--kw", "2000,2500", "--max-rounds", "2", "--round-seconds", "30"));
        String p1 = inspect(url, "d2").at("/rounds/0/proposer").asText();
        ok(run(url, net, p1, "dispatch", "propose", "--demand", "d2", "--solver", "merit-order"));
        ok(run(url, net, "G1", "dispatch", "vote", "--demand", "d2", "--reject", "--reason", "price"));
        ok(run(url, net, "G2", "dispatch", "vote", "--demand", "d2", "--reject", "--reason", "price"));
        JsonNode d2 = inspect(url, "d2");
        assertThat(d2.at("/rounds/0/outcome").asText()).isEqualTo("REJECTED");
        String p2 = d2.at("/rounds/1/proposer").asText();
        assertThat(p2).isNotEqualTo(p1);
        ok(run(url, net, p2, "dispatch", "propose", "--demand", "d2", "--solver", "merit-order"));
        d2 = inspect(url, "d2");
        assertThat(d2.at("/rounds/1/plan/rows").has("G1")).isFalse();
        assertThat(d2.at("/rounds/1/plan/rows/G3").toString()).isEqualTo("[2000,2500]");
        Cli early = run(url, net, "G1", "dispatch", "close-round", "--demand", "d2");
        assertThat(early.exit()).as(early.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(early.out()).contains("code 106");
        long deadline = java.time.Instant.parse(d2.at("/rounds/1/deadline").asText()).toEpochMilli();
        // move the node's clock past the deadline (within the 60 s the node allows between its clock and a request's)
        clock.advance(java.time.Duration.ofMillis(Math.max(0, deadline + 1_000 - clock.millis())));
        Cli late = run(url, net, "G3", "dispatch", "vote", "--demand", "d2", "--accept");
        assertThat(late.exit()).as(late.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(late.out()).contains("code 105");
        ok(run(url, net, "LOAD", "dispatch", "close-round", "--demand", "d2")); // any member of the chain may
        d2 = inspect(url, "d2");
        assertThat(d2.at("/demand/status").asText()).isEqualTo("FAILED");
        assertThat(d2.at("/rounds/1/outcome").asText()).isEqualTo("REJECTED");
        // d3: planned within a line limit. Wind (G2, cheapest) is at bus 1, G1 and G3 at bus 2, the 6 MW load at
        // bus 3; with equal reactances line 1-3 carries 2/3 of bus 1's and 1/3 of bus 2's injection, i.e.
        // 2 MW + P1/3, so its 3 MW limit holds wind at 3 MW instead of its 4 MW
        Path grid = dir.resolve("grid3.m");
        Files.writeString(grid, """
                function mpc = grid3
                mpc.version = '2';
                mpc.baseMVA = 100;
                mpc.bus = [
                \t1\t3\t0\t0\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
                \t2\t2\t0\t0\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
                \t3\t1\t6\t0\t0\t0\t1\t1\t0\t20\t1\t1.1\t0.9;
                ];
                mpc.gen = [
                \t1\t0\t0\t0\t0\t1\t100\t1\t4\t0;
                ];
                mpc.branch = [
                \t1\t2\t0\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;
                \t1\t3\t0\t0.1\t0\t3\t0\t0\t0\t0\t1\t-360\t360;
                \t2\t3\t0\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;
                ];
                mpc.gencost = [
                \t2\t0\t0\t2\t30\t0;
                ];
                """);
        Path buses = dir.resolve("buses.csv");
        Files.writeString(buses, "source,bus\nG1,2\nG2,1\nG3,2\n");
        ok(run(url, net, "GRID", "dispatch", "post", "--id", "d3", "--period", "2026-06-04/PT2H", "--interval-minutes",
                "60", "--kw", "6000,6000"));
        String p3 = inspect(url, "d3").at("/rounds/0/proposer").asText();
        Path badMap = dir.resolve("bad-buses.csv");
        Files.writeString(badMap, "G1,2\nG2,9\n");
        Cli unmapped = run(url, net, p3, "dispatch", "propose", "--demand", "d3", "--network", grid.toString(),
                "--bus-map", badMap.toString());
        assertThat(unmapped.exit()).as(unmapped.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unmapped.err()).contains("bus 9 is not in the case");
        ok(run(url, net, p3, "dispatch", "propose", "--demand", "d3", "--network", grid.toString(), "--bus-map",
                buses.toString()));
        JsonNode d3 = inspect(url, "d3");
        for (JsonNode kw : d3.at("/rounds/0/plan/rows/G2")) {
            assertThat(kw.asLong()).as("wind held by the line limit").isBetween(2990L, 3000L);
        }

        // d4: the grid company publishes the same grid on the chain; the proposer then plans within it without
        // holding the case, and the contract checks the plan's DC flows (a copper-plate plan would run wind at 4 MW)
        Cli notGrid = run(url, net, "G1", "dispatch", "publish-grid", "--case", grid.toString(), "--bus-map",
                buses.toString());
        assertThat(notGrid.exit()).as(notGrid.toString()).isEqualTo(ExitCodes.BAD_INPUT); // admission: GRID only
        ok(run(url, net, "GRID", "dispatch", "publish-grid", "--case", grid.toString(), "--bus-map", buses.toString()));
        ok(run(url, net, "GRID", "dispatch", "post", "--id", "d4", "--period", "2026-06-05/PT2H", "--interval-minutes",
                "60", "--kw", "6000,6000"));
        String p4 = inspect(url, "d4").at("/rounds/0/proposer").asText();
        ok(run(url, net, p4, "dispatch", "propose", "--demand", "d4", "--solver", "merit-order"));
        for (JsonNode kw : inspect(url, "d4").at("/rounds/0/plan/rows/G2")) {
            assertThat(kw.asLong()).as("wind held by the published line limit").isBetween(2990L, 3000L);
        }

        Cli unknown = Cli.run("dispatch", "inspect", "--url", url, "--chain", "dispatch", "--demand", "nope");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void simulateRunsANegotiationBesideTheCostOnlyBaseline() {
        Cli sim = Cli.run("dispatch", "simulate", "--buses", "30", "--sources", "40", "--intervals", "24", "--seed", "3",
                "--json");
        assertThat(sim.exit()).as(sim.toString()).isZero();
        JsonNode n = sim.json();
        assertThat(n.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(n.get("lines").asInt()).isEqualTo(47);
        assertThat(n.at("/committed/energyMwh").asDouble()).isEqualTo(n.at("/baseline/energyMwh").asDouble());
        // the clean preference buys a cleaner plan at a higher cost than the cost-only merit order
        assertThat(n.at("/committed/cleanSharePercent").asDouble())
                .isGreaterThan(n.at("/baseline/cleanSharePercent").asDouble());
        assertThat(n.at("/committed/emissionsTonnes").asDouble()).isLessThan(n.at("/baseline/emissionsTonnes").asDouble());
        assertThat(n.at("/committed/cost").asDouble()).isGreaterThanOrEqualTo(n.at("/baseline/cost").asDouble());
        // copper-plate plans overload lines; planned on the network, the committed plan keeps every line limit
        assertThat(n.at("/committed/lineIntervalsOverLimit").asInt()).isPositive();
        Cli aware = Cli.run("dispatch", "simulate", "--buses", "30", "--sources", "40", "--intervals", "24", "--seed",
                "3", "--network-aware", "--json");
        assertThat(aware.exit()).as(aware.toString()).isZero();
        assertThat(aware.json().at("/committed/lineIntervalsOverLimit").asInt()).isZero();
        assertThat(aware.json().at("/committed/worstLineLoadingPercent").asDouble()).isLessThanOrEqualTo(100.1);
        Cli text = Cli.run("dispatch", "simulate", "--buses", "30", "--sources", "40", "--intervals", "24", "--seed", "3");
        assertThat(text.out()).contains("round 1: proposer").contains("baseline");
        Cli bad = Cli.run("dispatch", "simulate", "--intervals", "24");
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("exactly one of --case FILE.m and --buses N");
    }

    @Test
    void simulateReadsAMatpowerCase() throws Exception {
        Path m = dir.resolve("grid.m");
        Files.writeString(m, org.energychain.dispatch.plan.SyntheticGrid.matpower(14, 20, 12, 500, 9));
        Cli sim = Cli.run("dispatch", "simulate", "--case", m.toString(), "--intervals", "24", "--json");
        assertThat(sim.exit()).as(sim.toString()).isIn(ExitCodes.OK, ExitCodes.VERIFICATION_FAILED);
        assertThat(sim.json().get("sources").asInt()).isEqualTo(12);
        assertThat(sim.json().get("buses").asInt()).isEqualTo(14);
    }

    private static void ok(Cli c) {
        assertThat(c.exit()).as(c.toString()).isZero();
    }

    private static JsonNode inspect(String url, String demand) {
        Cli c = Cli.run("dispatch", "inspect", "--url", url, "--chain", "dispatch", "--demand", demand, "--json");
        assertThat(c.exit()).as(c.toString()).isZero();
        return c.json();
    }

    private static Cli run(String url, Path net, String member, String... command) {
        List<String> a = new ArrayList<>(List.of(command));
        a.addAll(List.of("--url", url, "--chain", "dispatch", "--member", member, "--key",
                net.resolve("keys").resolve(member + ".key").toString()));
        return Cli.run(a.toArray(String[]::new));
    }
}
