package org.energychain.cli.chain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roles;
import org.energychain.ledger.genesis.Validator;
import org.energychain.node.genesis.DefaultNetwork;
import org.energychain.node.genesis.GenesisFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code energychain genesis}: genesis files of chains and of the default network. */
@Command(name = "genesis", mixinStandardHelpOptions = true, description = "Create and show genesis files.",
        subcommands = {GenesisCommand.Create.class, GenesisCommand.Network.class, GenesisCommand.Show.class})
public final class GenesisCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Instant time(String text) {
        if (text == null) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--time must be an ISO-8601 UTC instant like 2026-06-01T00:00:00Z, got '"
                    + text + "'");
        }
    }

    static ObjectNode summary(Genesis g, Path file) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("chain", g.chainId()).put("file", file.toString())
                .put("hash", Hex.encode(g.hash())).put("suite", g.suite()).put("private", g.isPrivate())
                .put("time", g.time().toString());
        ArrayNode members = n.putArray("members");
        g.members().forEach(m -> members.add(m.id()));
        ArrayNode contracts = n.putArray("contracts");
        g.contracts().forEach(contracts::add);
        return n;
    }

    /** {@code genesis create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Write the genesis file of one chain; prints its hash.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "2:bad input (the message names it)"})
    static final class Create implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--chain", required = true, paramLabel = "ID", description = "Chain id (a-z 0-9 . _ -).")
        String chain;

        @Option(names = "--suite", defaultValue = "sha256-ed25519", paramLabel = "SUITE",
                description = "sha256-ed25519 or sm3-sm2 (default: ${DEFAULT-VALUE}).")
        String suite;

        @Option(names = "--member", required = true, paramLabel = "ID:ROLES:PUBFILE",
                description = "A member: id, roles joined by '+' or ',' (those the domain modules declare: group, "
                        + "regulator, platform, buyer, grid, load, plant), public key file. Repeatable.")
        List<String> members;

        @Option(names = "--node", required = true, paramLabel = "ID:ORG:PUBFILE",
                description = "A node hosting the chain: its id, its organisation (a member) and the public key file "
                        + "of its consensus key. Repeatable.")
        List<String> nodes;

        @Option(names = "--validator", required = true, paramLabel = "NODE:POWER",
                description = "A validator (one of the nodes) and its voting power. Repeatable.")
        List<String> validators;

        @Option(names = "--contract", paramLabel = "NAME", description = "A contract the chain runs. Repeatable.")
        List<String> contracts = new ArrayList<>();

        @Option(names = "--private", description = "Only members may read the chain.")
        boolean isPrivate;

        @Option(names = "--time", paramLabel = "INSTANT", description = "Genesis time (default: now, whole seconds).")
        String time;

        @Option(names = "--block-interval-ms", paramLabel = "MS", defaultValue = "200",
                description = "Longest wait of a pending transaction for a block (default: ${DEFAULT-VALUE}).")
        long blockIntervalMs;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Genesis file to write.")
        Path out;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            CryptoSuite s = CryptoSuites.byName(suite);
            Roles known = Roles.discovered();
            List<Member> ms = new ArrayList<>();
            for (String m : members) {
                ms.add(member(m, s, known));
            }
            List<Validator> vs = new ArrayList<>();
            for (String v : validators) {
                String[] p = v.split(":", -1);
                if (p.length != 2) {
                    throw new IllegalArgumentException("--validator '" + v + "': expected ID:POWER");
                }
                try {
                    vs.add(new Validator(p[0], Long.parseLong(p[1])));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--validator '" + v + "': power must be a whole number");
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--validator '" + v + "': " + e.getMessage());
                }
            }
            List<NodeInfo> ns = new ArrayList<>();
            for (String n : nodes) {
                String[] p = n.split(":", 3);
                if (p.length != 3 || p[0].isBlank() || p[1].isBlank() || p[2].isBlank()) {
                    throw new IllegalArgumentException("--node '" + n + "': expected ID:ORG:PUBFILE, e.g. "
                            + "G1-1:G1:keys/G1-1.pub");
                }
                try {
                    ns.add(NodeInfo.solo(p[0], p[1], org.energychain.crypto.sign.KeyFiles.readPublicKey(Path.of(p[2]))));
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new IllegalArgumentException("--node '" + n + "': no such key file " + p[2]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--node '" + n + "': " + e.getMessage());
                }
            }
            ChainLimits d = ChainLimits.DEFAULT;
            Genesis g = new Genesis(chain, s.name(), isPrivate, time(time), ms, ns, vs, contracts,
                    new ChainLimits(d.maxBlockTxs(), d.maxBlockBytes(), d.maxTxBytes(), d.mempoolMaxTxs(),
                            java.time.Duration.ofMillis(blockIntervalMs)));
            GenesisFile.write(g, out);
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                Json.print(w, summary(g, out));
            } else {
                w.printf("wrote %s: chain %s, genesis hash %s%n", out, g.chainId(), Hex.encode(g.hash()));
                w.flush();
            }
            return ExitCodes.OK;
        }

        private static Member member(String spec, CryptoSuite suite, Roles known) throws IOException {
            String[] p = spec.split(":", 3);
            if (p.length != 3 || p[0].isBlank() || p[2].isBlank()) {
                throw new IllegalArgumentException("--member '" + spec + "': expected ID:ROLES:PUBFILE, e.g. G1:group:keys/G1.pub");
            }
            Set<String> roles = new HashSet<>();
            try {
                for (String r : p[1].split("[+,]")) {
                    if (!r.isBlank()) {
                        roles.add(known.require(r));
                    }
                }
                PublicKey key;
                try {
                    key = KeyFiles.readPublicKey(Path.of(p[2]));
                } catch (NoSuchFileException e) {
                    throw new IllegalArgumentException("no such public key file " + p[2]);
                }
                if (!key.scheme().equals(suite.signatures().name())) {
                    throw new IllegalArgumentException(p[2] + " is a " + key.scheme() + " key, but suite " + suite.name()
                            + " signs with " + suite.signatures().name());
                }
                return new Member(p[0], roles, key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--member '" + spec + "': " + e.getMessage(), e);
            }
        }
    }

    /** {@code genesis network}. */
    @Command(name = "network", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create keys for every organisation and the default network: business-<group> per group "
                    + "(private, contract period-anchor), regulatory (groups + regulator, regulatory-filing), trading "
                    + "(groups, platform, buyers, grid), dispatch (groups as sources, grid, load).",
                "Without --consortium: writes DIR/keys, DIR/genesis/<chain>.yaml and DIR/node.yaml (one node running "
                    + "every chain).",
                "With --consortium: every organisation runs its own nodes ORG-1..ORG-N; writes DIR/orgs/ORG/ (the "
                    + "organisation's transaction key), DIR/nodes/NODE/ (node.yaml, consensus key, TLS key and "
                    + "certificate, the genesis files of its chains: only that node's secrets), DIR/genesis/ and "
                    + "DIR/certificates.pem (every node certificate, for clients' --tls-cert)."},
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:written", "2:bad input (or keys exist already)"})
    static final class Network implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--groups", required = true, split = ",", paramLabel = "G1,G2", description = "Energy groups.")
        List<String> groups;

        @Option(names = "--regulator", required = true, paramLabel = "ID", description = "The regulator.")
        String regulator;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The trading platform.")
        String platform;

        @Option(names = "--grid", defaultValue = "GRID", paramLabel = "ID", description = "The grid company (default: ${DEFAULT-VALUE}).")
        String grid;

        @Option(names = "--load", defaultValue = "LOAD", paramLabel = "ID", description = "The load side (default: ${DEFAULT-VALUE}).")
        String load;

        @Option(names = "--buyers", split = ",", paramLabel = "B1,B2", description = "Data buyers on the trading chain.")
        List<String> buyers = new ArrayList<>();

        @Option(names = "--trading-contract", paramLabel = "NAME",
                description = "A contract of the trading chain. Repeatable (default: catalog and market).")
        List<String> tradingContracts = new ArrayList<>();

        @Option(names = "--dispatch-contract", paramLabel = "NAME",
                description = "A contract of the dispatch chain. Repeatable (default: dispatch-negotiation).")
        List<String> dispatchContracts = new ArrayList<>();

        @Option(names = "--suite", defaultValue = "sha256-ed25519", paramLabel = "SUITE",
                description = "sha256-ed25519 or sm3-sm2 (default: ${DEFAULT-VALUE}).")
        String suite;

        @Option(names = "--time", paramLabel = "INSTANT", description = "Genesis time (default: now, whole seconds).")
        String time;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
        Path out;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Consortium network (every organisation its own "
                + "nodes):%n")
        ConsortiumOptions consortium;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            DefaultNetwork.Spec s = new DefaultNetwork.Spec(CryptoSuites.byName(suite), time(time), groups, regulator,
                    platform, grid, load, buyers, tradingContracts.isEmpty() ? List.of("catalog", "market")
                            : tradingContracts, dispatchContracts.isEmpty() ? List.of("dispatch-negotiation")
                            : dispatchContracts, ChainLimits.DEFAULT);
            DefaultNetwork.organisations(s);
            if (consortium != null) {
                return consortium.create(s, out, json, spec.commandLine().getOut(), spec.commandLine().getErr());
            }
            List<DefaultNetwork.WrittenChain> chains = DefaultNetwork.create(s, out, new SecureRandom());
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = Json.MAPPER.createObjectNode().put("keys", out.resolve("keys").toString())
                        .put("nodeConfig", out.resolve("node.yaml").toString());
                ArrayNode list = n.putArray("chains");
                chains.forEach(c -> list.add(summary(c.genesis(), c.file()).put("proposer", c.proposer())));
                Json.print(w, n);
            } else {
                w.printf("keys of %s in %s%n", DefaultNetwork.organisations(s), out.resolve("keys"));
                for (DefaultNetwork.WrittenChain c : chains) {
                    w.printf("%-20s %s  %s%n", c.genesis().chainId(), Hex.encode(c.genesis().hash()), c.file());
                }
                w.printf("run all chains on one node: energychain node --config %s%n", out.resolve("node.yaml"));
                w.flush();
            }
            return ExitCodes.OK;
        }
    }

    /** {@code genesis show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Check a genesis file and print its hash.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:valid", "2:invalid (the message names the field)"})
    static final class Show implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Genesis file.")
        Path file;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Genesis g = GenesisFile.load(file);
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                Json.print(w, summary(g, file));
            } else {
                w.printf("chain %s (%s, %s), %d members, %d validators, contracts %s%ngenesis hash %s%n", g.chainId(),
                        g.suite(), g.isPrivate() ? "private" : "public", g.members().size(), g.validators().size(),
                        g.contracts(), Hex.encode(g.hash()));
                w.flush();
            }
            return ExitCodes.OK;
        }
    }
}
