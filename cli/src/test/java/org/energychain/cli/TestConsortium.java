package org.energychain.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.trading.TradingRoles;
import org.energychain.supervision.contract.SupervisionRoles;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
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
import org.energychain.node.genesis.GenesisFile;

/**
 * A consortium network for process tests: one public chain {@code trading} (catalogue and market) on n
 * validator nodes {@code N1..Nn} of the groups {@code G1..Gn}, with the platform {@code PLAT} as a member
 * without a node; each node a directory under {@code DIR/nodes} as {@code genesis network --consortium}
 * writes them (node.yaml, consensus key, TLS key and certificate, genesis), so that {@link
 * LocalNetworkProcesses} runs them. The organisations' keys are under {@code DIR/orgs}.
 */
final class TestConsortium {
    static final String CHAIN = "trading";
    final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    final Path dir;
    final int n;
    final List<KeyPair> groups = new ArrayList<>();
    final KeyPair platform;
    final Genesis genesis;
    final String[] hosts;
    final int[] raftPorts;
    final int[] apiPorts;

    /**
     * @param hosts each node's address (e.g. all 127.0.0.1, or one address per network namespace)
     * @param networkExtra extra lines of each node's {@code network:} section (indented two spaces)
     */
    TestConsortium(Path dir, String[] hosts, String networkExtra) throws Exception {
        this(dir, hosts, hosts, networkExtra);
    }

    /**
     * @param apiHosts where each node's REST API listens (on another address than its replication endpoint, so
     *     that a test can cut the nodes' traffic and still ask each of them; plain HTTP, {@code insecure})
     */
    TestConsortium(Path dir, String[] hosts, String[] apiHosts, String networkExtra) throws Exception {
        this.dir = dir;
        this.n = hosts.length;
        this.hosts = hosts;
        SecureRandom rnd = new SecureRandom();
        platform = suite.signatures().generateKeyPair(rnd);
        List<Member> members = new ArrayList<>(List.of(new Member("PLAT", java.util.Set.of(TradingRoles.PLATFORM),
                platform.publicKey())));
        List<NodeInfo> nodes = new ArrayList<>();
        List<Validator> validators = new ArrayList<>();
        List<KeyPair> consensus = new ArrayList<>();
        List<TlsCredentials> tls = new ArrayList<>();
        raftPorts = new int[n];
        apiPorts = new int[n];
        for (int i = 0; i < n; i++) {
            KeyPair g = suite.signatures().generateKeyPair(rnd);
            groups.add(g);
            members.add(new Member("G" + (i + 1), java.util.Set.of(SupervisionRoles.GROUP), g.publicKey()));
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
        genesis = new Genesis(CHAIN, suite.name(), false, Instant.parse("2026-06-01T00:00:00Z"), members, nodes,
                validators, List.of("catalog", "market"), new ChainLimits(2000, 128 << 10, 8 << 10, 50_000,
                Duration.ofMillis(100)));
        Files.createDirectories(dir.resolve("orgs"));
        KeyFiles.writePrivateKey(dir.resolve("orgs/PLAT.key"), platform.privateKey());
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
                    """.formatted(apiHosts[i], apiPorts[i], !apiHosts[i].startsWith("127."), i + 1, i + 1, hosts[i], raftPorts[i],
                    networkExtra.isEmpty() ? "" : networkExtra.indent(2).stripTrailing(), CHAIN));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String[] loopback(int n) {
        String[] h = new String[n];
        java.util.Arrays.fill(h, "127.0.0.1");
        return h;
    }
}
