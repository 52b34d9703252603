package org.energychain.cli.chain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.crypto.Hex;
import org.energychain.node.genesis.ConsortiumNetwork;
import org.energychain.node.genesis.DefaultNetwork;
import picocli.CommandLine.Option;

/**
 * {@code genesis network --consortium}: the options of a network where every organisation runs its own
 * nodes, and the output of writing it (docs/operations.md, "Consortium network").
 */
final class ConsortiumOptions {
    @Option(names = "--consortium", required = true,
            description = "Every organisation runs its own nodes; each node directory holds only its own secrets.")
    boolean consortium;

    @Option(names = "--nodes-per-org", paramLabel = "N", description = "Nodes of every organisation (1..64; default: "
            + "1, and 2 for the regulator, the platform and the grid, so that with two groups every shared chain has "
            + "four validators).")
    Integer nodesPerOrg;

    @Option(names = "--nodes", split = ",", paramLabel = "ORG=N", description = "Nodes of one organisation, over "
            + "--nodes-per-org, e.g. REG=3,G1=2.")
    Map<String, String> nodes = new LinkedHashMap<>();

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address (IP or DNS name) the nodes are reached at (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "9600", description = "Node k (0-based) "
            + "replicates on PORT+2k and serves its API on PORT+2k+1 (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--https", description = "Serve the APIs on HTTPS also on a loopback host (always beyond it).")
    boolean https;

    @Option(names = "--org-key-on-nodes", description = "Also put each organisation's transaction key on its own "
            + "nodes (off by default: a node needs only its own keys).")
    boolean orgKeyOnNodes;

    @Option(names = "--min-validators", paramLabel = "N", defaultValue = "0", description = "Refuse a shared chain "
            + "with fewer validators (4 tolerates one faulty validator; default: warn below 4).")
    int minValidators;

    @Option(names = "--tls-validity-days", paramLabel = "DAYS", defaultValue = "3650",
            description = "Validity of the node certificates (default: ${DEFAULT-VALUE}).")
    long tlsValidityDays;

    int create(DefaultNetwork.Spec s, Path out, boolean json, PrintWriter w, PrintWriter err) throws IOException {
        Map<String, Integer> overrides = new LinkedHashMap<>();
        nodes.forEach((org, n) -> {
            try {
                overrides.put(org, Integer.parseInt(n.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--nodes " + org + "=" + n + ": the count must be a whole number");
            }
        });
        if (tlsValidityDays < 1 || tlsValidityDays > 36_500) {
            throw new IllegalArgumentException("--tls-validity-days must be between 1 and 36500, got " + tlsValidityDays);
        }
        ConsortiumNetwork.Spec spec = new ConsortiumNetwork.Spec(s, ConsortiumNetwork.nodeCounts(s, nodesPerOrg,
                overrides), host, basePort, https, orgKeyOnNodes, Duration.ofDays(tlsValidityDays), minValidators);
        ConsortiumNetwork.Written written = ConsortiumNetwork.create(spec, out, new SecureRandom(), Instant.now());
        for (String warning : written.plan().warnings()) {
            err.println("energychain genesis network: warning: " + warning);
        }
        err.flush();
        if (json) {
            Json.print(w, json(out, written));
            return ExitCodes.OK;
        }
        w.printf("organisation keys in %s/<ORG>/ (for the people who sign for them; no node holds another's)%n",
                out.resolve("orgs"));
        for (ConsortiumNetwork.WrittenNode n : written.nodes()) {
            w.printf("node %-10s %-6s replication %s  api %s  %s%n", n.plan().id(), n.plan().org(), n.address(), n.api(),
                    n.dir());
        }
        for (int i = 0; i < written.chains().size(); i++) {
            DefaultNetwork.WrittenChain c = written.chains().get(i);
            ConsortiumNetwork.PlannedChain p = written.plan().chains().get(i);
            List<String> replicas = p.hosts().stream().filter(h -> !p.validators().contains(h)).toList();
            w.printf("chain %-14s %s  validators %s%s%n", c.genesis().chainId(), Hex.encode(c.genesis().hash()),
                    String.join(",", p.validators()), replicas.isEmpty() ? "" : "  replicas " + String.join(",", replicas));
        }
        w.printf("node certificates (for a client's --tls-cert): %s%n", written.certificates());
        w.printf("copy each node directory to its machine and run: energychain node --config nodes/<NODE>/node.yaml%n");
        w.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode json(Path out, ConsortiumNetwork.Written written) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("mode", "consortium").put("dir", out.toString())
                .put("certificates", written.certificates().toString());
        ArrayNode orgs = n.putArray("organisations");
        Map<String, ArrayNode> nodesOf = new LinkedHashMap<>();
        for (ConsortiumNetwork.WrittenNode w : written.nodes()) {
            nodesOf.computeIfAbsent(w.plan().org(), o -> {
                ObjectNode org = orgs.addObject().put("id", o)
                        .put("keys", ConsortiumNetwork.orgDir(out, o).toString());
                return org.putArray("nodes");
            }).add(w.plan().id());
        }
        ArrayNode nodes = n.putArray("nodes");
        for (ConsortiumNetwork.WrittenNode w : written.nodes()) {
            ObjectNode o = nodes.addObject().put("id", w.plan().id()).put("org", w.plan().org())
                    .put("dir", w.dir().toString()).put("config", w.config().toString()).put("address", w.address())
                    .put("api", w.api());
            ArrayNode hosts = o.putArray("chains");
            w.plan().hosts().forEach(hosts::add);
            ArrayNode validates = o.putArray("validates");
            w.plan().validates().forEach(validates::add);
        }
        ArrayNode chains = n.putArray("chains");
        for (int i = 0; i < written.chains().size(); i++) {
            DefaultNetwork.WrittenChain c = written.chains().get(i);
            ConsortiumNetwork.PlannedChain p = written.plan().chains().get(i);
            ObjectNode o = GenesisCommand.summary(c.genesis(), c.file()).put("shared", p.shared());
            ArrayNode hosts = o.putArray("hosts");
            p.hosts().forEach(hosts::add);
            ArrayNode validators = o.putArray("validators");
            p.validators().forEach(validators::add);
            chains.add(o);
        }
        ArrayNode warnings = n.putArray("warnings");
        written.plan().warnings().forEach(warnings::add);
        return n;
    }
}
