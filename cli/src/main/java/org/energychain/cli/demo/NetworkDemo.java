package org.energychain.cli.demo;

import static org.energychain.cli.demo.DemoScript.cat;
import static org.energychain.cli.demo.DemoScript.indent;
import static org.energychain.cli.demo.DemoScript.json;
import static org.energychain.cli.demo.DemoScript.orgKey;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.chain.LocalNetworkProcesses;
import org.energychain.cli.common.Json;

/**
 * The network part of the demo (steps 7 to 19): every organisation runs its own node; the regulatory
 * filing, the market, a validator crash and a negotiation on the dispatch chain, each through the
 * organisations' own nodes, then every chain re-verified from every node's disk.
 */
final class NetworkDemo {
    private final DemoScript script;
    private final PrintWriter out;
    private final List<String> failures;
    private final Path work;
    private final int days;
    private final String javaOpts;
    private final boolean keep;

    NetworkDemo(DemoScript script, Path work, int days, String javaOpts, boolean keep) {
        this.script = script;
        this.out = script.out;
        this.failures = script.failures;
        this.work = work;
        this.days = days;
        this.javaOpts = javaOpts;
        this.keep = keep;
    }

    /**
     * Paper II.B and the consortium network: every organisation runs its own node (one process each, mutual
     * TLS between them); anchor on G1's business chain, file with the regulator, acknowledge, check a
     * delivery; then the trading chain; a validator is killed and restarted; a negotiation on the dispatch
     * chain; every chain re-verified from every node's disk.
     */
    void run(String from, String to) throws IOException, InterruptedException {
        Path net = work.resolve("net");
        step("7. create a consortium network: G1, G2, G3, REG, PLAT, B1, GRID and LOAD each run their own node "
                + "(keys, TLS certificates pinned in genesis, one node.yaml per node with only its own secrets); "
                + "the regulatory, trading and dispatch chains each on four validators; start one process per node");
        int base = freePortRange(16);
        expect(0, "genesis", "network", "--consortium", "--groups", "G1,G2,G3", "--regulator", "REG", "--platform",
                "PLAT", "--buyers", "B1", "--grid", "GRID", "--load", "LOAD", "--nodes-per-org", "1", "--base-port",
                String.valueOf(base), "--out", net.toString());
        LocalNetworkProcesses procs = new LocalNetworkProcesses(net);
        java.util.Map<String, LocalNetworkProcesses.LocalNode> nodes = procs.nodes();
        Path password = ConsoleLogins.enable(net, nodes.values());
        try {
            out.print(indent(expect(0, "network", "up", "--dir", net.toString(), "--java-opts", javaOpts)));
            String g1 = nodes.get("G1-1").url();
            String reg = nodes.get("REG-1").url();
            out.print(indent(expect(0, "network", "status", "--dir", net.toString())));
            String db = work.resolve("sha256-ed25519.db").toString();
            String g1Key = orgKey(net, "G1");
            String regKey = orgKey(net, "REG");
            step("8. anchor Hash_G and the plant roots on business-g1 (G1's own node); a second anchor is refused");
            out.print("   " + expect(0, "anchor", "--db", db, "--url", g1, "--chain", "business-g1", "--member", "G1",
                    "--key", g1Key));
            out.print("   " + expect(1, "anchor", "--db", db, "--url", g1, "--chain", "business-g1", "--member", "G1",
                    "--key", g1Key));
            step("9. G1 files Hash_G and Hash(D2) through its node; the regulator sees it on its own node and "
                    + "acknowledges");
            String pkg = work.resolve("out-sha256-ed25519").resolve("d2-G1-" + from + "-"
                    + java.time.LocalDate.parse(to).plusDays(1) + ".json").toString();
            out.print("   " + expect(0, "file", "--package", pkg, "--db", db, "--url", g1, "--chain", "regulatory",
                    "--member", "G1", "--key", g1Key, "--wait-final"));
            out.print(indent(expect(0, "filings", "--pending", "--url", reg, "--chain", "regulatory", "--member", "REG",
                    "--key", regKey)));
            out.print("   " + expect(0, "ack", "--group", "G1", "--from", from, "--to", to, "--note", "received", "--url",
                    reg, "--chain", "regulatory", "--member", "REG", "--key", regKey));
            step("10. the regulator checks a delivered reading against the filed Hash_G, and a tampered one");
            Path delivery = work.resolve("delivery.json");
            String day = java.time.LocalDate.parse(from).plusDays(Math.min(2, days - 1)).toString();
            String plant = Json.MAPPER.readTree(Files.readString(work.resolve("proof-sha256-ed25519.json")))
                    .path("plant").asText();
            Files.writeString(delivery, expect(0, "prove", "--plant", plant, "--day", day, "--reading", "42", "--db",
                    db, "--json"));
            out.print("   " + expect(0, "check-delivery", "--proof", delivery.toString(), "--url", reg, "--chain",
                    "regulatory", "--member", "REG", "--key", regKey));
            out.print(indent(expect(1, "check-delivery", "--proof",
                    work.resolve("proof-sha256-ed25519-tampered.json").toString(), "--url", reg, "--chain",
                    "regulatory", "--member", "REG", "--key", regKey)));
            trading(procs, nodes, db, net);
            fault(procs, nodes, net);
            governance(procs, nodes, net);
            negotiation(nodes, net);
        } finally {
            ConsoleLogins.print(out, procs.nodes().values(), password);
            if (!keep) {
                step("18. stop the network; re-verify every chain (blocks, re-execution, finality certificates) from "
                        + "every node's disk");
                out.print(indent(expect(0, "network", "down", "--dir", net.toString())));
            }
        }
        if (keep) {
            step("18. the network keeps running (--keep): open a console above; stop it with: energychain network down"
                    + " --dir " + net + "; then 'energychain chain verify --config NODE.yaml' re-verifies each node's"
                    + " chains from its disk");
        } else {
            for (LocalNetworkProcesses.LocalNode n : procs.nodes().values()) {
                out.print(indent(expect(0, "chain", "verify", "--config", n.dir().resolve("node.yaml").toString())));
            }
        }
        step("19. multi-source collaboration at scale: 40 sources on a generated 30-bus grid negotiate a day's supply "
                + "(weights from the chain, weighted vote > 50 %) on a simulated dispatch chain, beside a cost-only "
                + "merit order");
        out.print(indent(expect(0, "dispatch", "simulate", "--buses", "30", "--sources", "40", "--intervals", "96",
                "--network-aware", "--seed", "7")));
    }

    /** Paper II.C and the market, each organisation through its own node: publish, search, buy, deliver, settle. */
    private void trading(LocalNetworkProcesses procs, java.util.Map<String, LocalNetworkProcesses.LocalNode> nodes,
            String db, Path net) throws IOException {
        String g1 = orgKey(net, "G1");
        String b1 = orgKey(net, "B1");
        String plat = orgKey(net, "PLAT");
        // each organisation works through its own node; one reads there what another committed at its node only
        // once that node has applied it (a command answers when its own node has)
        java.util.function.Function<String, String[]> at = id -> {
            caughtUp(procs, nodes, id, List.of("G1-1", "PLAT-1", "B1-1"), "trading");
            return new String[] {"--url", nodes.get(id).url(), "--chain", "trading"};
        };
        Path deliveries = nodes.get("G1-1").dir().resolve("data").resolve("deliveries");
        step("11. G1 publishes its D1 summary blocks on the trading chain through its node; a buyer browses and "
                + "searches the platform's catalogue (on the platform's node) and checks a listing against its "
                + "transaction");
        out.print(indent(expect(0, cat(new String[] {"catalog", "publish", "--db", db, "--price", "500", "--member", "G1",
            "--key", g1}, at.apply("G1-1"))).lines().reduce((a, b) -> b).orElse("")));
        awaitCatalogue(at.apply("PLAT-1"));
        out.print(indent(expect(0, cat(new String[] {"catalog", "browse"}, at.apply("PLAT-1")))));
        JsonNode found = json(expect(0, cat(new String[] {"catalog", "search", "--path", "*/*/*/G1", "--sort", "id",
            "--limit", "2", "--json"}, at.apply("PLAT-1"))));
        out.printf("   search */*/*/G1: %d listings at height %d%n", found.path("total").asLong(),
                found.path("height").asLong());
        if (found.path("listings").size() < 2) {
            failures.add("catalog search found fewer than two listings of G1");
            return;
        }
        String first = found.path("listings").get(0).path("id").asText();
        String second = found.path("listings").get(1).path("id").asText();
        out.print(indent(expect(0, cat(new String[] {"catalog", "show", "--id", first, "--check"}, at.apply("PLAT-1")))));

        step("12. B1 buys it through its own node: the platform credits B1, the price goes into escrow, G1 seals the "
                + "data for B1 and commits the delivery, B1 fetches it from G1's node and confirms, G1 reveals the "
                + "key, B1 verifies it against Hash(D1) and accepts: G1 is paid");
        Path keys = work.resolve("seller-trade-keys");
        Path inbox = work.resolve("buyer-inbox");
        out.print("   " + expect(0, cat(new String[] {"market", "deposit", "--account", "B1", "--amount", "2000",
            "--member", "PLAT", "--key", plat}, at.apply("PLAT-1"))));
        String trade = buy(first, b1, at.apply("B1-1"));
        String[] seller = {"--trade", trade, "--member", "G1", "--key", g1};
        String[] buyer = {"--trade", trade, "--member", "B1", "--key", b1};
        out.print("   " + expect(0, cat(cat(new String[] {"market", "deliver", "--db", db, "--outbox", deliveries.toString(),
            "--key-dir", keys.toString()}, seller), at.apply("G1-1"))));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "receive", "--inbox", inbox.toString()}, buyer), at.apply("B1-1"))));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "reveal", "--key-dir", keys.toString()}, seller), at.apply("G1-1"))));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "accept", "--inbox", inbox.toString(), "--out",
            work.resolve("bought-1.dataset").toString()}, buyer), at.apply("B1-1"))));

        step("13. refund path: B1 buys a second dataset, G1 delivers data that does not match what it claimed; "
                + "B1 proves the bad chunk on chain and gets its money back");
        String trade2 = buy(second, b1, at.apply("B1-1"));
        String[] seller2 = {"--trade", trade2, "--member", "G1", "--key", g1};
        String[] buyer2 = {"--trade", trade2, "--member", "B1", "--key", b1};
        out.print("   " + expect(0, cat(cat(new String[] {"market", "deliver", "--simulate-fraud", "--db", db, "--outbox",
            deliveries.toString(), "--key-dir", keys.toString()}, seller2), at.apply("G1-1"))));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "receive", "--inbox", inbox.toString()}, buyer2), at.apply("B1-1"))));
        out.print("   " + expect(0, cat(cat(new String[] {"market", "reveal", "--key-dir", keys.toString()}, seller2), at.apply("G1-1"))));
        out.print(indent(expect(1, cat(cat(new String[] {"market", "accept", "--inbox", inbox.toString(), "--out",
            work.resolve("bought-2.dataset").toString()}, buyer2), at.apply("B1-1")))));
        out.print("   " + expect(0, cat(new String[] {"market", "balance", "--account", "B1"}, at.apply("B1-1"))));
        out.print("   " + expect(0, cat(new String[] {"market", "balance", "--account", "G1"}, at.apply("G1-1"))));

        step("14. the whole trade history, and the platform's directory rebuilt from the chain");
        out.print(indent(expect(0, cat(new String[] {"market", "history", "--buyer", "B1"}, at.apply("B1-1")))));
        out.print("   " + expect(0, cat(new String[] {"catalog", "verify"}, at.apply("PLAT-1"))));
    }

    /** A validator of every shared chain crashes; the chains go on finalising; it restarts and catches up. */
    private void fault(LocalNetworkProcesses procs, java.util.Map<String, LocalNetworkProcesses.LocalNode> nodes,
            Path net) throws IOException, InterruptedException {
        step("15. kill -9 G3-1 (a validator of the regulatory, trading and dispatch chains): with three of four "
                + "validators the trading chain goes on and its blocks are still final; G3-1 restarts and catches up");
        out.print("   " + expect(0, "network", "stop", "--dir", net.toString(), "--node", "G3-1", "--kill"));
        String[] atPlat = {"--url", nodes.get("PLAT-1").url(), "--chain", "trading"};
        out.print("   " + expect(0, cat(new String[] {"market", "deposit", "--account", "B1", "--amount", "100",
            "--reference", "while-G3-1-is-down", "--member", "PLAT", "--key", orgKey(net, "PLAT"), "--wait-final"},
            atPlat)));
        // the deposit's block is final (--wait-final); a block cut since may still be collecting votes: wait for
        // it too, bounded, rather than read one instant
        JsonNode plat = procs.get(nodes.get("PLAT-1"), "/chains/trading/status").orElseThrow();
        for (int i = 0; i < 150 && plat.path("finalHeight").asLong() < plat.path("height").asLong(); i++) {
            Thread.sleep(200);
            plat = procs.get(nodes.get("PLAT-1"), "/chains/trading/status").orElseThrow();
        }
        out.printf("   trading on PLAT-1: height %d, final %d, leader %s%n", plat.path("height").asLong(),
                plat.path("finalHeight").asLong(), plat.at("/network/leader").asText());
        if (plat.path("finalHeight").asLong() < plat.path("height").asLong()) {
            failures.add("with one validator down the trading chain did not finalise its last block");
        }
        out.print("   " + expect(0, "network", "start", "--dir", net.toString(), "--node", "G3-1", "--java-opts",
                javaOpts));
        long target = plat.path("height").asLong();
        long caught = awaitHeight(procs, nodes.get("G3-1"), "trading", target, 600);
        out.printf("   trading on G3-1 after its restart: height %d (the others: %d)%n", caught, target);
        if (caught < target) {
            failures.add("G3-1 did not catch up after its restart");
        }
    }

    /**
     * The consortium changes who runs a chain: a node added by a vote of more than two thirds of the validators'
     * power joins the trading chain's Raft group, catches up and signs certificates.
     */
    private void governance(LocalNetworkProcesses procs, java.util.Map<String, LocalNetworkProcesses.LocalNode> nodes,
            Path net) throws IOException, InterruptedException {
        step("16. the trading chain's validators add a node by governance: G1 prepares G1-2 and starts it (it waits as"
                + " a listener), G1 proposes it, G2 and G3 approve; with more than two thirds of the power the roster"
                + " changes from the next height, the Raft group follows, G1-2 catches up and votes");
        out.print(indent(expect(0, "validators", "new-node", "--dir", net.toString(), "--id", "G1-2", "--org", "G1",
                "--chains", "trading")));
        out.print("   " + expect(0, "network", "start", "--dir", net.toString(), "--node", "G1-2", "--java-opts",
                javaOpts));
        String[] atG1 = {"--url", nodes.get("G1-1").url(), "--chain", "trading"};
        out.print(indent(expect(0, cat(new String[] {"validators", "propose", "--add",
            net.resolve("nodes/G1-2/node-info.yaml").toString(), "--member", "G1", "--key", orgKey(net, "G1")}, atG1))));
        out.print("   " + expect(0, cat(new String[] {"validators", "approve", "1", "--member", "G2", "--key",
            orgKey(net, "G2")}, atG1)));
        out.print("   " + expect(0, cat(new String[] {"validators", "approve", "1", "--member", "G3", "--key",
            orgKey(net, "G3"), "--wait-final"}, atG1)));
        out.print(indent(expect(0, cat(new String[] {"validators", "show"}, atG1))));
        String[] atPlat = {"--url", nodes.get("PLAT-1").url(), "--chain", "trading"};
        out.print("   " + expect(0, cat(new String[] {"market", "deposit", "--account", "B1", "--amount", "100",
            "--reference", "with-G1-2-voting", "--member", "PLAT", "--key", orgKey(net, "PLAT"), "--wait-final"},
            atPlat)));
        LocalNetworkProcesses.LocalNode added = procs.nodes().get("G1-2");
        long target = procs.get(nodes.get("PLAT-1"), "/chains/trading/status").orElseThrow().path("finalHeight")
                .asLong();
        JsonNode s = null;
        for (int i = 0; i < 600; i++) {
            s = procs.get(added, "/chains/trading/status").orElse(null);
            if (s != null && s.path("finalHeight").asLong() >= target) {
                break;
            }
            Thread.sleep(200);
        }
        long fin = s == null ? -1 : s.path("finalHeight").asLong();
        out.printf("   trading on G1-2: height %d, final %d (the others: final %d)%n", s == null ? -1
                : s.path("height").asLong(), fin, target);
        if (fin < target) {
            failures.add("G1-2, added by governance, did not catch up with the trading chain");
        }
    }

    /** Paper III on the network's dispatch chain: the groups as sources negotiate a demand of the grid. */
    private void negotiation(java.util.Map<String, LocalNetworkProcesses.LocalNode> nodes, Path net)
            throws IOException {
        step("17. multi-source collaboration on the network's dispatch chain: G1 (coal), G2 (wind) and G3 (gas) "
                + "publish their policies, the grid posts a demand, the proposer the chain names proposes a plan, "
                + "the sources vote with their weights");
        String[][] policies = {{"G1", "coal", "1000", "5000", "60"}, {"G2", "wind-onshore", "0", "4000", "20"},
            {"G3", "gas", "500", "3000", "80"}};
        for (String[] p : policies) {
            out.print("   " + expect(0, dispatch(nodes, net, p[0], "publish-policy", "--technology", p[1], "--min-kw",
                    p[2], "--max-kw", p[3], "--price", p[4])));
        }
        Path csv = work.resolve("demand-profile.csv");
        Files.writeString(csv, "interval,kw\n0,6000\n1,8000\n2,7000\n3,5000\n");
        String period = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1) + "/PT4H";
        out.print("   " + expect(0, dispatch(nodes, net, "GRID", "post", "--id", "demo-1", "--period", period,
                "--interval-minutes", "60", "--profile", csv.toString())));
        String[] atGrid = {"--url", nodes.get("GRID-1").url(), "--chain", "dispatch"};
        JsonNode d = json(expect(0, cat(new String[] {"dispatch", "inspect", "--demand", "demo-1", "--json"}, atGrid)));
        String proposer = d.at("/rounds/0/proposer").asText();
        out.print("   " + expect(0, dispatch(nodes, net, proposer, "propose", "--demand", "demo-1")));
        // the sources vote until the accepting weight passes 50 %: then the plan is committed and the round closed.
        // Each look is at the node that committed the last transaction (it answered once its own replica had
        // applied it): another node may not have applied that block yet
        String[] atLast = {"--url", nodes.get(proposer + "-1").url(), "--chain", "dispatch"};
        java.util.Set<String> voted = new java.util.HashSet<>();
        for (String g : new java.util.LinkedHashSet<>(List.of(proposer, "G1", "G2", "G3"))) {
            JsonNode now = json(expect(0, cat(new String[] {"dispatch", "inspect", "--demand", "demo-1", "--json"},
                atLast)));
            voted.addAll(now.at("/rounds/0/votes").findValuesAsText("voter"));
            if (!now.at("/demand/status").asText().equals("COMMITTED") && voted.add(g)) {
                out.print("   " + expect(0, dispatch(nodes, net, g, "vote", "--demand", "demo-1")));
                atLast = new String[] {"--url", nodes.get(g + "-1").url(), "--chain", "dispatch"};
            }
        }
        out.print(indent(expect(0, cat(new String[] {"dispatch", "inspect", "--demand", "demo-1"}, atLast))));
        d = json(expect(0, cat(new String[] {"dispatch", "inspect", "--demand", "demo-1", "--json"}, atLast)));
        if (!d.at("/demand/status").asText().equals("COMMITTED")) {
            failures.add("the demand on the network's dispatch chain was not committed: "
                    + d.at("/demand/status").asText());
        }
    }

    private String[] dispatch(java.util.Map<String, LocalNetworkProcesses.LocalNode> nodes, Path net, String member,
            String... command) {
        List<String> a = new ArrayList<>(List.of("dispatch"));
        a.addAll(List.of(command));
        String node = member + "-1";
        a.addAll(List.of("--url", nodes.get(node).url(), "--chain", "dispatch", "--member", member, "--key",
                orgKey(net, member)));
        return a.toArray(String[]::new);
    }

    /**
     * Waits (bounded) until node {@code id} has applied every block of {@code chain} that any of {@code among} has:
     * a command run there then sees what the last one, run at another of them, committed.
     */
    private static void caughtUp(LocalNetworkProcesses procs, java.util.Map<String, LocalNetworkProcesses.LocalNode> nodes,
            String id, List<String> among, String chain) {
        long target = among.stream().mapToLong(n -> Math.max(0, height(procs, nodes.get(n), chain))).max().orElse(0L);
        awaitHeight(procs, nodes.get(id), chain, target, 150);
    }

    /** The node's height of {@code chain}, or -1 while it does not answer. */
    private static long height(LocalNetworkProcesses procs, LocalNetworkProcesses.LocalNode node, String chain) {
        return procs.get(node, "/chains/" + chain + "/status").map(st -> st.path("height").asLong()).orElse(-1L);
    }

    /** Polls (every 200 ms, at most {@code tries} times) until the node has {@code chain} up to {@code target}. */
    private static long awaitHeight(LocalNetworkProcesses procs, LocalNetworkProcesses.LocalNode node, String chain,
            long target, int tries) {
        long h = height(procs, node, chain);
        for (int i = 1; i < tries && h < target && pause(200); i++) {
            h = height(procs, node, chain);
        }
        return h;
    }

    /** Sleeps; false when interrupted (the interrupt is kept for the caller's caller). */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits (bounded) until the platform's catalogue has caught up with the chain. */
    private void awaitCatalogue(String[] atPlat) throws IOException {
        for (int i = 0; i < 100; i++) {
            JsonNode found = json(expect(0, cat(new String[] {"catalog", "search", "--path", "*/*/*/G1", "--limit", "1",
                "--json"}, atPlat)));
            if (found.path("total").asLong() > 0 || !pause(200)) {
                return;
            }
        }
    }

    /** The first of {@code n} consecutive free ports on this machine (from 20000 up). */
    private static int freePortRange(int n) {
        // below the ephemeral ports (32768 and up), which outgoing connections take at random
        for (int base = 20000 + new java.util.Random().nextInt(12000); base < 32700; base += n) {
            boolean free = true;
            for (int p = base; p < base + n && free; p++) {
                try (java.net.ServerSocket s = new java.net.ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + n + " consecutive free ports");
    }

    private String buy(String listing, String key, String[] at) throws IOException {
        JsonNode r = json(expect(0, cat(new String[] {"market", "buy", "--listing", listing, "--member", "B1", "--key",
            key, "--json"}, at)));
        out.printf("   B1 bought %s: trade %s (price %d in escrow)%n", listing, r.path("tradeId").asText(),
                r.path("price").asLong());
        return r.path("tradeId").asText();
    }

    private void step(String s) {
        script.step(s);
    }

    private String expect(int exitCode, String... args) {
        return script.expect(exitCode, args);
    }
}
