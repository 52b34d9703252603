package org.energychain.node.genesis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.crypto.tls.SelfSignedCertificates;
import org.energychain.crypto.tls.TlsCredentials;
import org.energychain.crypto.tls.TlsFiles;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.network.FreePorts;

/**
 * A consortium of n validator nodes hosting one public chain {@code trading} (catalogue and market), for
 * process tests and benchmarks: nodes {@code N1..Nn} of the groups {@code G1..Gn}, the platform {@code
 * PLAT} and extra senders {@code S0..}: members (group role) without nodes, so that a load is not held up by
 * one sender's nonces. Each node is a directory under {@code DIR/nodes} as {@code genesis network
 * --consortium} writes them (node.yaml, consensus key, TLS key and certificate pinned in the genesis,
 * genesis), to be run by {@code energychain network up}; the members' keys are under {@code DIR/orgs}.
 *
 * @param hosts each node's replication address
 * @param apiHosts each node's API address (plain HTTP; {@code insecure} beyond loopback)
 */
public record OneChainNetwork(Genesis genesis, List<KeyPair> groups, KeyPair platform, List<KeyPair> senders,
        String[] hosts, String[] apiHosts, int[] raftPorts, int[] apiPorts) {
    public static final String CHAIN = "trading";

    /**
     * Writes the network into {@code dir}.
     *
     * @param networkExtra extra lines of each node's {@code network:} section (e.g. {@code snapshot-every: 32})
     */
    public static OneChainNetwork create(Path dir, CryptoSuite suite, String[] hosts, String[] apiHosts, int senders,
            ChainLimits limits, String networkExtra) throws IOException {
        int n = hosts.length;
        SecureRandom rnd = new SecureRandom();
        KeyPair platform = suite.signatures().generateKeyPair(rnd);
        List<Member> members = new ArrayList<>(List.of(new Member("PLAT", java.util.Set.of(org.energychain.trading.TradingRoles.PLATFORM),
                platform.publicKey())));
        List<KeyPair> groups = new ArrayList<>();
        List<KeyPair> extra = new ArrayList<>();
        List<NodeInfo> nodes = new ArrayList<>();
        List<Validator> validators = new ArrayList<>();
        List<KeyPair> consensus = new ArrayList<>();
        List<TlsCredentials> tls = new ArrayList<>();
        int[] raftPorts = new int[n];
        int[] apiPorts = new int[n];
        for (int i = 0; i < n; i++) {
            KeyPair g = suite.signatures().generateKeyPair(rnd);
            groups.add(g);
            members.add(new Member("G" + (i + 1), java.util.Set.of(org.energychain.supervision.contract.SupervisionRoles.GROUP), g.publicKey()));
            consensus.add(suite.signatures().generateKeyPair(rnd));
            raftPorts[i] = freePort();
            apiPorts[i] = freePort();
            TlsCredentials t = SelfSignedCertificates.generate("N" + (i + 1), List.of(hosts[i]), Instant.now(),
                    Duration.ofDays(30), rnd);
            tls.add(t);
            nodes.add(new NodeInfo("N" + (i + 1), "G" + (i + 1), consensus.get(i).publicKey(), t.der(),
                    hosts[i] + ":" + raftPorts[i], "http://" + apiHosts[i] + ":" + apiPorts[i]));
            validators.add(new Validator("N" + (i + 1), 1));
        }
        for (int i = 0; i < senders; i++) {
            KeyPair s = suite.signatures().generateKeyPair(rnd);
            extra.add(s);
            members.add(new Member("S" + i, java.util.Set.of(org.energychain.supervision.contract.SupervisionRoles.GROUP), s.publicKey()));
        }
        Genesis genesis = new Genesis(CHAIN, suite.name(), false, Instant.parse("2026-06-01T00:00:00Z"), members, nodes,
                validators, List.of("catalog", "market"), limits);
        Files.createDirectories(dir.resolve("orgs"));
        KeyFiles.writePrivateKey(dir.resolve("orgs/PLAT.key"), platform.privateKey());
        for (int i = 0; i < senders; i++) {
            KeyFiles.writePrivateKey(dir.resolve("orgs/S" + i + ".key"), extra.get(i).privateKey());
        }
        for (int i = 0; i < n; i++) {
            KeyFiles.writePrivateKey(dir.resolve("orgs/G" + (i + 1) + ".key"), groups.get(i).privateKey());
            Path d = dir.resolve("nodes/N" + (i + 1));
            Files.createDirectories(d.resolve("genesis"));
            GenesisFile.write(genesis, d.resolve("genesis/" + CHAIN + ".yaml"));
            KeyFiles.writePrivateKey(d.resolve("consensus.key"), consensus.get(i).privateKey());
            TlsFiles.write(d.resolve("tls.key"), d.resolve("tls.crt"), tls.get(i));
            Files.writeString(d.resolve("node.yaml"), """
                    data-dir: data
                    store: rocksdb
                    http:
                      host: "%s"
                      port: %d
                      insecure: %s
                    identity:
                      member: G%d
                    node:
                      id: N%d
                      key: consensus.key
                    network:
                      listen: "%s:%d"
                      tls:
                        key: tls.key
                        certificate: tls.crt
                    %s
                    chains:
                      - genesis: genesis/%s.yaml
                    """.formatted(apiHosts[i], apiPorts[i], !apiHosts[i].startsWith("127."), i + 1, i + 1, hosts[i],
                    raftPorts[i], networkExtra.isEmpty() ? "" : networkExtra.indent(2).stripTrailing(), CHAIN));
        }
        return new OneChainNetwork(genesis, groups, platform, extra, hosts, apiHosts, raftPorts, apiPorts);
    }

    /** Every node on 127.0.0.1. */
    public static String[] loopback(int n) {
        String[] h = new String[n];
        java.util.Arrays.fill(h, "127.0.0.1");
        return h;
    }

    private static int freePort() throws IOException {
        return FreePorts.pick();
    }
}
