package org.energychain.node.genesis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.crypto.tls.SelfSignedCertificates;
import org.energychain.crypto.tls.TlsCredentials;
import org.energychain.crypto.tls.TlsFiles;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.node.config.Hosts;
import org.energychain.node.config.NodeConfig;

/**
 * The default network of {@link DefaultNetwork} as a consortium: every organisation runs its own nodes
 * ({@code ORG-1..ORG-N}), each chain is hosted by the nodes of the organisations it concerns, and each
 * node's directory holds only that node's secrets (its consensus key and TLS key), so it can be copied
 * to the node's machine on its own. Organisations' transaction keys stay in {@code orgs/ORG/}, for the
 * people who sign for them.
 *
 * <p>Hosting (every validator has power 1, so a block is final when more than two thirds of a chain's
 * validators have signed it):
 * <ul>
 * <li>{@code business-<group>}: the group's nodes, all validators;</li>
 * <li>{@code regulatory}: the groups' and the regulator's nodes, all validators;</li>
 * <li>{@code trading}: the groups' and the platform's nodes validate; the buyers' and the grid's nodes
 *     keep a replica;</li>
 * <li>{@code dispatch}: the grid's and the groups' nodes validate; the load side's nodes keep a replica.</li>
 * </ul>
 * A shared chain with fewer than {@link #BFT_MIN_VALIDATORS} validators cannot tolerate one faulty
 * validator (BFT finality needs n >= 3f + 1): it is warned about, and refused below {@link Spec#minValidators}.
 */
public final class ConsortiumNetwork {
    /** Validators a chain needs to tolerate one faulty validator: n >= 3f + 1 with f = 1. */
    public static final int BFT_MIN_VALIDATORS = 4;
    /** Power of every validator. */
    public static final long POWER = 1;
    /** Most nodes one organisation may have. */
    public static final int MAX_NODES_PER_ORG = 64;
    /** Nodes the chain operators (regulator, platform, grid) get unless told otherwise. */
    public static final int OPERATOR_NODES = 2;

    /**
     * What to build.
     *
     * @param chains the organisations, suite, time and contracts (as for the one-node network)
     * @param nodes how many nodes each organisation runs (see {@link #nodeCounts})
     * @param host the address every node is reached at (this machine for a local network); an IPv6 literal
     *     without brackets
     * @param basePort node k (0-based, in organisation order) replicates on {@code basePort + 2k} and serves its
     *     API on {@code basePort + 2k + 1}
     * @param https whether the APIs serve HTTPS (always beyond loopback)
     * @param orgKeyOnNodes whether each node is also given its own organisation's transaction key
     * @param tlsValidity how long node certificates are valid
     * @param minValidators below this many validators a shared chain is an error (0: never)
     */
    public record Spec(DefaultNetwork.Spec chains, Map<String, Integer> nodes, String host, int basePort,
            boolean https, boolean orgKeyOnNodes, Duration tlsValidity, int minValidators) {
        public Spec {
            nodes = Map.copyOf(nodes);
            if (host != null && host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
                throw new IllegalArgumentException("--host must be the address other nodes reach these nodes at, not '"
                        + host + "'");
            }
            try {
                SelfSignedCertificates.sanHost(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--host: " + e.getMessage());
            }
            if (basePort < 1 || basePort > 65535) {
                throw new IllegalArgumentException("--base-port must be between 1 and 65535, got " + basePort);
            }
            if (tlsValidity.isNegative() || tlsValidity.isZero()) {
                throw new IllegalArgumentException("certificate validity must be positive, got " + tlsValidity);
            }
            if (minValidators < 0) {
                throw new IllegalArgumentException("--min-validators must not be negative, got " + minValidators);
            }
        }

        /** Whether the APIs serve HTTPS: asked for, or needed because the host is beyond loopback. */
        public boolean apiTls() {
            return https || !Hosts.isLoopback(host);
        }
    }

    /** A node of the plan: its id, organisation, ports, and the chains it hosts and validates. */
    public record PlannedNode(String id, String org, int replicationPort, int apiPort, List<String> hosts,
            List<String> validates) {
    }

    /** A chain of the plan: its id, the nodes that host it and those of them that validate it. */
    public record PlannedChain(String id, boolean shared, List<String> hosts, List<String> validators) {
    }

    /** The whole plan, checked before anything is written; {@code warnings} for the command's output. */
    public record Plan(List<PlannedNode> nodes, List<PlannedChain> chains, List<String> warnings) {
    }

    /** A node as written: its plan and where its directory and files are. */
    public record WrittenNode(PlannedNode plan, Path dir, Path config, String address, String api) {
    }

    /** What {@link #create} wrote. */
    public record Written(Plan plan, List<WrittenNode> nodes, List<DefaultNetwork.WrittenChain> chains,
            Path certificates) {
    }

    private ConsortiumNetwork() {
    }

    /**
     * How many nodes each organisation runs: {@code overrides} first, then {@code perOrg} when given, else
     * {@link #OPERATOR_NODES} for the regulator, the platform and the grid and 1 for the others — so that
     * with two groups every shared chain has four validators.
     *
     * @throws IllegalArgumentException for an override naming no organisation or a count out of 1..64
     */
    public static Map<String, Integer> nodeCounts(DefaultNetwork.Spec s, Integer perOrg, Map<String, Integer> overrides) {
        List<String> orgs = DefaultNetwork.organisations(s);
        for (String o : overrides.keySet()) {
            if (!orgs.contains(o)) {
                throw new IllegalArgumentException("--nodes " + o + "=...: " + o + " is not an organisation of the network "
                        + orgs);
            }
        }
        Set<String> operators = Set.of(s.regulator(), s.platform(), s.grid());
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String o : orgs) {
            int n = overrides.containsKey(o) ? overrides.get(o) : perOrg != null ? perOrg
                    : operators.contains(o) ? OPERATOR_NODES : 1;
            if (n < 1 || n > MAX_NODES_PER_ORG) {
                throw new IllegalArgumentException("organisation " + o + ": between 1 and " + MAX_NODES_PER_ORG
                        + " nodes, got " + n);
            }
            out.put(o, n);
        }
        return out;
    }

    /** The id of an organisation's {@code i}-th node (1-based). */
    public static String nodeId(String org, int i) {
        return org + "-" + i;
    }

    /** Which nodes host and validate which chain, with ports; checks ports and validator counts. */
    public static Plan plan(Spec spec) {
        DefaultNetwork.Spec s = spec.chains();
        Map<String, List<String>> nodesOf = new LinkedHashMap<>();
        for (String org : DefaultNetwork.organisations(s)) {
            Integer n = spec.nodes().get(org);
            if (n == null) {
                throw new IllegalArgumentException("no node count for organisation " + org);
            }
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                ids.add(nodeId(org, i));
            }
            nodesOf.put(org, ids);
        }
        List<PlannedChain> chains = new ArrayList<>();
        for (String g : s.groups()) {
            chains.add(chain(DefaultNetwork.businessChain(g), false, nodesOf, List.of(g), List.of()));
        }
        List<String> withRegulator = new ArrayList<>(s.groups());
        withRegulator.add(s.regulator());
        chains.add(chain("regulatory", true, nodesOf, withRegulator, List.of()));
        List<String> tradingValidators = new ArrayList<>(s.groups());
        tradingValidators.add(s.platform());
        List<String> tradingReplicas = new ArrayList<>(s.buyers());
        tradingReplicas.add(s.grid());
        chains.add(chain("trading", true, nodesOf, tradingValidators, tradingReplicas));
        List<String> dispatchValidators = new ArrayList<>();
        dispatchValidators.add(s.grid());
        dispatchValidators.addAll(s.groups());
        chains.add(chain("dispatch", true, nodesOf, dispatchValidators, List.of(s.load())));

        List<String> warnings = new ArrayList<>();
        for (PlannedChain c : chains) {
            int n = c.validators().size();
            if (c.shared() && n < spec.minValidators()) {
                throw new IllegalArgumentException("chain " + c.id() + " would have " + n + " validators " + c.validators()
                        + ", fewer than --min-validators " + spec.minValidators() + "; give its organisations more nodes "
                        + "(--nodes ORG=N)");
            }
            if (c.shared() && n < BFT_MIN_VALIDATORS) {
                warnings.add("chain " + c.id() + " has " + n + " validators " + c.validators() + ": it cannot tolerate "
                        + "a faulty validator (BFT finality needs n >= 3f+1, so 4 for one fault); give its organisations "
                        + "more nodes (--nodes ORG=N)");
            }
        }
        List<PlannedNode> nodes = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, List<String>> e : nodesOf.entrySet()) {
            for (String id : e.getValue()) {
                int replication = spec.basePort() + 2 * k;
                if (replication + 1 > 65535) {
                    throw new IllegalArgumentException("--base-port " + spec.basePort() + " leaves no ports for node " + id
                            + " (it needs " + replication + " and " + (replication + 1) + ", at most 65535)");
                }
                List<String> hosts = chains.stream().filter(c -> c.hosts().contains(id)).map(PlannedChain::id).toList();
                List<String> validates = chains.stream().filter(c -> c.validators().contains(id)).map(PlannedChain::id)
                        .toList();
                nodes.add(new PlannedNode(id, e.getKey(), replication, replication + 1, hosts, validates));
                k++;
            }
        }
        return new Plan(nodes, chains, warnings);
    }

    private static PlannedChain chain(String id, boolean shared, Map<String, List<String>> nodesOf,
            List<String> validatorOrgs, List<String> replicaOrgs) {
        List<String> validators = new ArrayList<>();
        validatorOrgs.forEach(o -> validators.addAll(nodesOf.get(o)));
        List<String> hosts = new ArrayList<>(validators);
        replicaOrgs.forEach(o -> nodesOf.get(o).stream().filter(n -> !hosts.contains(n)).forEach(hosts::add));
        return new PlannedChain(id, shared, hosts, validators);
    }

    /** {@code host:port} with an IPv6 literal in brackets. */
    static String address(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Plans, then writes every organisation's transaction key, every node's directory (node.yaml, consensus
     * key, TLS key and certificate, the genesis files of its chains), the genesis files of all chains under
     * {@code out/genesis} and every node certificate in {@code out/certificates.pem}. Nothing is written when
     * the plan is refused or a private key is already there.
     *
     * @param now the time the certificates' validity starts from
     */
    public static Written create(Spec spec, Path out, SecureRandom random, Instant now) throws IOException {
        Plan plan = plan(spec);
        DefaultNetwork.Spec s = spec.chains();
        List<String> orgs = DefaultNetwork.organisations(s);
        for (String org : orgs) {
            refuseExisting(orgDir(out, org).resolve(org + ".key"));
        }
        for (PlannedNode n : plan.nodes()) {
            refuseExisting(nodeDir(out, n.id()).resolve("consensus.key"));
            refuseExisting(nodeDir(out, n.id()).resolve("tls.key"));
        }

        Map<String, PublicKey> orgKeys = new LinkedHashMap<>();
        for (String org : orgs) {
            orgKeys.put(org, OrgKeys.generate(s.suite(), orgDir(out, org), org, random).publicKey());
        }
        Map<String, NodeInfo> infos = new LinkedHashMap<>();
        List<WrittenNode> written = new ArrayList<>();
        StringBuilder allCertificates = new StringBuilder();
        String scheme = spec.apiTls() ? "https" : "http";
        for (PlannedNode n : plan.nodes()) {
            Path dir = nodeDir(out, n.id());
            PublicKey consensus = OrgKeys.generate(s.suite(), dir, "consensus", random).publicKey();
            TlsCredentials tls = SelfSignedCertificates.generate(n.id(), List.of(spec.host()), now, spec.tlsValidity(),
                    random);
            TlsFiles.write(dir.resolve("tls.key"), dir.resolve("tls.crt"), tls);
            allCertificates.append(TlsFiles.toPem(tls.certificate()));
            String address = address(spec.host(), n.replicationPort());
            String api = scheme + "://" + address(spec.host(), n.apiPort());
            infos.put(n.id(), new NodeInfo(n.id(), n.org(), consensus, tls.der(), address, api));
            written.add(new WrittenNode(n, dir, dir.resolve("node.yaml"), address, api));
        }

        Map<String, PublicKey> firstNodeKeys = new LinkedHashMap<>();
        orgs.forEach(o -> firstNodeKeys.put(o, infos.get(nodeId(o, 1)).consensusKey()));
        List<DefaultNetwork.WrittenChain> chains = new ArrayList<>();
        Map<String, Genesis> byId = new LinkedHashMap<>();
        List<Genesis> base = DefaultNetwork.genesisFiles(s, orgKeys, firstNodeKeys);
        for (int i = 0; i < base.size(); i++) {
            Genesis g = base.get(i);
            PlannedChain pc = plan.chains().get(i);
            if (!pc.id().equals(g.chainId())) {
                throw new IllegalStateException("plan and genesis disagree: " + pc.id() + " vs " + g.chainId());
            }
            Genesis c = new Genesis(g.chainId(), g.suite(), g.isPrivate(), g.time(), g.members(),
                    pc.hosts().stream().map(infos::get).toList(),
                    pc.validators().stream().map(v -> new Validator(v, POWER)).toList(), withGovernance(g.contracts()),
                    g.limits());
            Path file = out.resolve("genesis").resolve(c.chainId() + ".yaml");
            GenesisFile.write(c, file);
            byId.put(c.chainId(), c);
            chains.add(new DefaultNetwork.WrittenChain(c, file, pc.validators().get(0)));
        }
        for (WrittenNode w : written) {
            for (String chain : w.plan().hosts()) {
                GenesisFile.write(byId.get(chain), w.dir().resolve("genesis").resolve(chain + ".yaml"));
            }
            if (spec.orgKeyOnNodes()) {
                KeyFiles.writePrivateKey(w.dir().resolve(w.plan().org() + ".key"),
                        KeyFiles.readPrivateKey(orgDir(out, w.plan().org()).resolve(w.plan().org() + ".key")));
            }
            Files.writeString(w.config(), nodeYaml(spec.host(), spec.apiTls(), spec.orgKeyOnNodes(), w),
                    StandardCharsets.UTF_8);
        }
        Path certificates = out.resolve("certificates.pem");
        Files.writeString(certificates, allCertificates.toString(), StandardCharsets.US_ASCII);
        return new Written(plan, written, chains, certificates);
    }

    /** The directory of an organisation's transaction key. */
    public static Path orgDir(Path out, String org) {
        return out.resolve("orgs").resolve(org);
    }

    /** The directory of a node: everything it needs, and only its own secrets. */
    public static Path nodeDir(Path out, String node) {
        return out.resolve("nodes").resolve(node);
    }

    private static void refuseExisting(Path key) {
        if (Files.exists(key)) {
            throw new IllegalArgumentException(key + " exists already; refusing to overwrite a private key "
                    + "(nothing was written)");
        }
    }

    /** The node.yaml of a node of the network (its API on {@code host}, over HTTPS if {@code apiTls}). */
    static String nodeYaml(String host, boolean apiTls, boolean orgKeyOnNodes, WrittenNode w) {
        PlannedNode n = w.plan();
        StringBuilder b = new StringBuilder();
        b.append("# Node ").append(n.id()).append(" of organisation ").append(n.org())
                .append(" in a consortium network (docs/operations.md).\n")
                .append("# This directory holds this node's secrets only (consensus.key, tls.key")
                .append(orgKeyOnNodes ? ", " + n.org() + ".key" : "")
                .append("): copy it to the node's machine on its own.\n")
                .append("data-dir: data\nstore: rocksdb\nhttp:\n  host: \"").append(host).append("\"\n  port: ")
                .append(n.apiPort()).append('\n');
        if (apiTls) {
            b.append("  tls:\n    key: tls.key\n    certificate: tls.crt\n");
        }
        b.append("metrics: true\nidentity:\n  member: ").append(n.org()).append('\n');
        if (orgKeyOnNodes) {
            b.append("  key: ").append(n.org()).append(".key\n");
        }
        b.append("node:\n  id: ").append(n.id()).append("\n  key: consensus.key\n")
                .append("network:\n  listen: \"").append(w.address()).append("\"\n")
                .append("  tls:\n    key: tls.key\n    certificate: tls.crt\n")
                .append("  max-clock-skew-ms: ").append(NodeConfig.Network.DEFAULT_MAX_CLOCK_SKEW.toMillis()).append('\n')
                .append("chains:\n");
        for (String c : n.hosts()) {
            b.append("  - genesis: genesis/").append(c).append(".yaml\n");
        }
        return b.toString();
    }

    /** A shared chain's contracts and the {@code validators} contract, through which its validators change. */
    static List<String> withGovernance(List<String> contracts) {
        List<String> all = new ArrayList<>(contracts);
        if (!all.contains(org.energychain.ledger.governance.ValidatorsContract.NAME)) {
            all.add(org.energychain.ledger.governance.ValidatorsContract.NAME);
        }
        return all;
    }
}
