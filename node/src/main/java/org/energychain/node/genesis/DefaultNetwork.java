package org.energychain.node.genesis;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.dispatch.negotiation.DispatchRoles;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.trading.TradingRoles;

/**
 * The default network (docs/ledger.md): one private {@code business-<group>} chain per energy
 * group, {@code regulatory} (groups and regulator), {@code trading} (groups, platform, buyers, grid) and
 * {@code dispatch} (groups as sources, grid, load side). Keys for every organisation are generated into
 * {@code DIR/keys}, genesis files written into {@code DIR/genesis}, and {@code DIR/node.yaml} runs the
 * whole network on one node (each chain proposed by its operator: the group, the regulator, the
 * platform, the grid).
 *
 * <p>Each chain has one validator, its operator, because one node orders it alone (the solo orderer
 * refuses a chain with several validators: nodes ordering alone would fork it). Chains shared by several
 * organisations' validators need the replicated orderer of a consortium network.
 */
public final class DefaultNetwork {
    /** Validator power every operator gets until the BFT orderer makes power matter. */
    public static final long POWER = 10;

    /** What to build. */
    public record Spec(CryptoSuite suite, Instant time, List<String> groups, String regulator, String platform,
            String grid, String load, List<String> buyers, List<String> tradingContracts,
            List<String> dispatchContracts, ChainLimits limits) {
        public Spec {
            groups = List.copyOf(groups);
            buyers = List.copyOf(buyers);
            tradingContracts = List.copyOf(tradingContracts);
            dispatchContracts = List.copyOf(dispatchContracts);
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("at least one group is needed");
            }
        }
    }

    /** One written chain: its genesis, the file, and which organisation proposes its blocks. */
    public record WrittenChain(Genesis genesis, Path file, String proposer) {
    }

    private DefaultNetwork() {
    }

    /** The id of a group's private business chain. */
    public static String businessChain(String group) {
        return "business-" + group.toLowerCase(Locale.ROOT);
    }

        /** The id of the node an organisation runs its chains on in the default network. */
    public static String nodeOf(String org) {
        return org + "-1";
    }

    /**
     * The genesis of every chain, given each organisation's transaction key and the consensus key of each
     * operator's node ({@link #nodeOf}).
     */
    public static List<Genesis> genesisFiles(Spec s, Map<String, PublicKey> keys, Map<String, PublicKey> nodeKeys) {
        List<Genesis> out = new ArrayList<>();
        for (String g : s.groups()) {
            out.add(new Genesis(businessChain(g), s.suite().name(), true, s.time(),
                    List.of(member(g, keys, SupervisionRoles.GROUP)), List.of(node(g, nodeKeys)),
                    List.of(new Validator(nodeOf(g), POWER)), List.of("period-anchor"), s.limits()));
        }
        List<Member> reg = new ArrayList<>();
        s.groups().forEach(g -> reg.add(member(g, keys, SupervisionRoles.GROUP)));
        reg.add(member(s.regulator(), keys, SupervisionRoles.REGULATOR));
        out.add(new Genesis("regulatory", s.suite().name(), false, s.time(), reg, List.of(node(s.regulator(), nodeKeys)),
                List.of(new Validator(nodeOf(s.regulator()), POWER)), List.of("regulatory-filing"), s.limits()));

        List<Member> trading = new ArrayList<>();
        s.groups().forEach(g -> trading.add(member(g, keys, SupervisionRoles.GROUP)));
        trading.add(member(s.platform(), keys, TradingRoles.PLATFORM));
        s.buyers().forEach(b -> trading.add(member(b, keys, TradingRoles.BUYER)));
        trading.add(member(s.grid(), keys, DispatchRoles.GRID, TradingRoles.BUYER));
        out.add(new Genesis("trading", s.suite().name(), false, s.time(), trading, List.of(node(s.platform(), nodeKeys)),
                List.of(new Validator(nodeOf(s.platform()), POWER)), s.tradingContracts(), s.limits()));

        List<Member> dispatch = new ArrayList<>();
        s.groups().forEach(g -> dispatch.add(member(g, keys, SupervisionRoles.GROUP)));
        dispatch.add(member(s.grid(), keys, DispatchRoles.GRID));
        dispatch.add(member(s.load(), keys, DispatchRoles.LOAD));
        out.add(new Genesis("dispatch", s.suite().name(), false, s.time(), dispatch, List.of(node(s.grid(), nodeKeys)),
                List.of(new Validator(nodeOf(s.grid()), POWER)), s.dispatchContracts(), dispatchLimits(s.limits())));
        return out;
    }

    private static NodeInfo node(String org, Map<String, PublicKey> nodeKeys) {
        PublicKey k = nodeKeys.get(org);
        if (k == null) {
            throw new IllegalArgumentException("no node key for organisation " + org);
        }
        return NodeInfo.solo(nodeOf(org), org, k);
    }

    /**
     * The dispatch chain carries whole supply plans in one transaction (sources x intervals outputs: 1,000
     * sources x 96 quarter-hours is about 1 MiB), so its transactions may be up to 2 MiB and its blocks 16 MiB.
     */
    static ChainLimits dispatchLimits(ChainLimits l) {
        return new ChainLimits(l.maxBlockTxs(), Math.max(l.maxBlockBytes(), 16 << 20), Math.max(l.maxTxBytes(), 2 << 20),
                l.mempoolMaxTxs(), l.blockInterval());
    }

    /** Every organisation of the network, groups first. */
    public static List<String> organisations(Spec s) {
        List<String> orgs = new ArrayList<>(s.groups());
        orgs.add(s.regulator());
        orgs.add(s.platform());
        orgs.addAll(s.buyers());
        orgs.add(s.grid());
        orgs.add(s.load());
        List<String> distinct = orgs.stream().distinct().toList();
        if (distinct.size() != orgs.size()) {
            throw new IllegalArgumentException("organisation ids must be distinct, got " + orgs);
        }
        return distinct;
    }

    /** Generates keys, writes genesis files and {@code node.yaml}; refuses to overwrite private keys. */
    public static List<WrittenChain> create(Spec s, Path out, SecureRandom random) throws IOException {
        Path keyDir = out.resolve("keys");
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String org : organisations(s)) {
            keys.put(org, OrgKeys.generate(s.suite(), keyDir, org, random).publicKey());
        }
        Map<String, PublicKey> nodeKeys = new LinkedHashMap<>();
        List<String> operators = new ArrayList<>(s.groups());
        operators.addAll(List.of(s.regulator(), s.platform(), s.grid()));
        for (String org : operators) {
            nodeKeys.put(org, OrgKeys.generate(s.suite(), keyDir, nodeOf(org), random).publicKey());
        }
        List<WrittenChain> written = new ArrayList<>();
        for (Genesis g : genesisFiles(s, keys, nodeKeys)) {
            Path file = out.resolve("genesis").resolve(g.chainId() + ".yaml");
            GenesisFile.write(g, file);
            written.add(new WrittenChain(g, file, proposerOf(g, s)));
        }
        StringBuilder node = new StringBuilder("""
                # One node running the whole default network (docs/operations.md). Each chain is ordered by
                # its operator's node, so this node holds each operator's transaction key and node key.
                data-dir: data
                store: rocksdb
                http:
                  host: 127.0.0.1
                  port: 8645
                metrics: true
                chains:
                """);
        for (WrittenChain w : written) {
            node.append("  - genesis: genesis/").append(w.genesis().chainId()).append(".yaml\n")
                    .append("    member: ").append(w.proposer()).append('\n')
                    .append("    key: keys/").append(w.proposer()).append(".key\n")
                    .append("    node: ").append(nodeOf(w.proposer())).append('\n')
                    .append("    node-key: keys/").append(nodeOf(w.proposer())).append(".key\n");
        }
        java.nio.file.Files.writeString(out.resolve("node.yaml"), node.toString());
        return written;
    }

    private static String proposerOf(Genesis g, Spec s) {
        return switch (g.chainId()) {
            case "regulatory" -> s.regulator();
            case "trading" -> s.platform();
            case "dispatch" -> s.grid();
            default -> g.nodes().get(0).org();
        };
    }

    private static Member member(String id, Map<String, PublicKey> keys, String... roles) {
        PublicKey k = keys.get(id);
        if (k == null) {
            throw new IllegalArgumentException("no key for organisation " + id);
        }
        return new Member(id, java.util.Set.of(roles), k);
    }
}
