package org.energychain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.energychain.crypto.tls.Certificates;
import org.energychain.crypto.tls.TlsFiles;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.node.config.ConfigException;
import org.energychain.node.config.NodeConfig;
import org.energychain.node.genesis.ConsortiumNetwork;
import org.energychain.node.genesis.ConsortiumNetwork.PlannedChain;
import org.energychain.node.genesis.DefaultNetwork;
import org.energychain.node.genesis.GenesisFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsortiumNetworkTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    static ConsortiumNetwork.Spec spec(Integer perOrg, Map<String, Integer> overrides, int minValidators,
            boolean orgKeyOnNodes) {
        DefaultNetwork.Spec s = FilesTest.spec("sha256-ed25519");
        return new ConsortiumNetwork.Spec(s, ConsortiumNetwork.nodeCounts(s, perOrg, overrides), "127.0.0.1", 9600,
                false, orgKeyOnNodes, Duration.ofDays(3650), minValidators);
    }

    static PlannedChain chain(ConsortiumNetwork.Plan p, String id) {
        return p.chains().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void byDefaultTheOperatorsRunTwoNodesSoThatWithTwoGroupsEverySharedChainHasFourValidators() {
        ConsortiumNetwork.Plan p = ConsortiumNetwork.plan(spec(null, Map.of(), 0, false));
        assertThat(p.nodes()).extracting(ConsortiumNetwork.PlannedNode::id).containsExactly("G1-1", "G2-1", "REG-1",
                "REG-2", "PLAT-1", "PLAT-2", "B1-1", "GRID-1", "GRID-2", "LOAD-1");
        assertThat(p.nodes()).extracting(ConsortiumNetwork.PlannedNode::replicationPort)
                .containsExactly(9600, 9602, 9604, 9606, 9608, 9610, 9612, 9614, 9616, 9618);
        assertThat(p.nodes()).allSatisfy(n -> assertThat(n.apiPort()).isEqualTo(n.replicationPort() + 1));
        assertThat(chain(p, "business-g1").hosts()).containsExactly("G1-1");
        assertThat(chain(p, "business-g1").validators()).containsExactly("G1-1");
        assertThat(chain(p, "regulatory").validators()).containsExactly("G1-1", "G2-1", "REG-1", "REG-2");
        assertThat(chain(p, "regulatory").hosts()).isEqualTo(chain(p, "regulatory").validators());
        assertThat(chain(p, "trading").validators()).containsExactly("G1-1", "G2-1", "PLAT-1", "PLAT-2");
        assertThat(chain(p, "trading").hosts()).containsExactly("G1-1", "G2-1", "PLAT-1", "PLAT-2", "B1-1", "GRID-1",
                "GRID-2");
        assertThat(chain(p, "dispatch").validators()).containsExactly("GRID-1", "GRID-2", "G1-1", "G2-1");
        assertThat(chain(p, "dispatch").hosts()).endsWith("LOAD-1");
        assertThat(p.warnings()).isEmpty();
        ConsortiumNetwork.PlannedNode b1 = p.nodes().get(6);
        assertThat(b1.hosts()).containsExactly("trading");
        assertThat(b1.validates()).isEmpty();
    }

    @Test
    void aSharedChainWithFewerThanFourValidatorsIsWarnedAboutAndRefusedBelowMinValidators() {
        ConsortiumNetwork.Plan p = ConsortiumNetwork.plan(spec(1, Map.of(), 0, false));
        assertThat(p.warnings()).hasSize(3);
        assertThat(p.warnings().get(0)).contains("chain regulatory has 3 validators [G1-1, G2-1, REG-1]")
                .contains("cannot tolerate a faulty validator").contains("n >= 3f+1");
        assertThatThrownBy(() -> ConsortiumNetwork.plan(spec(1, Map.of(), 4, false)))
                .hasMessageContaining("chain regulatory would have 3 validators").hasMessageContaining("--min-validators 4");
        // the override gives the regulator a second node: regulatory is fine, the others still warn
        ConsortiumNetwork.Plan q = ConsortiumNetwork.plan(spec(1, Map.of("REG", 2), 0, false));
        assertThat(q.warnings()).hasSize(2).noneMatch(w -> w.contains("regulatory"));
        assertThatThrownBy(() -> ConsortiumNetwork.nodeCounts(FilesTest.spec("sha256-ed25519"), null, Map.of("XYZ", 2)))
                .hasMessageContaining("XYZ is not an organisation");
        assertThatThrownBy(() -> ConsortiumNetwork.nodeCounts(FilesTest.spec("sha256-ed25519"), 0, Map.of()))
                .hasMessageContaining("between 1 and 64");
        DefaultNetwork.Spec s = FilesTest.spec("sha256-ed25519");
        assertThatThrownBy(() -> ConsortiumNetwork.plan(new ConsortiumNetwork.Spec(s, ConsortiumNetwork.nodeCounts(s,
                null, Map.of()), "127.0.0.1", 65530, false, false, Duration.ofDays(1), 0)))
                .hasMessageContaining("--base-port 65530 leaves no ports for node");
        assertThatThrownBy(() -> new ConsortiumNetwork.Spec(s, Map.of(), "0.0.0.0", 9600, false, false,
                Duration.ofDays(1), 0)).hasMessageContaining("--host");
    }

    @Test
    void everyNodeDirectoryHoldsItsOwnSecretsOnlyAndItsGenesisPinsItsCertificateAndAddress() throws Exception {
        ConsortiumNetwork.Written w = ConsortiumNetwork.create(spec(null, Map.of(), 4, false), dir, new SecureRandom(),
                NOW);
        Map<String, String> secretOwner = privateKeys();
        assertThat(secretOwner.values()).contains("org G1", "org REG", "node G1-1/consensus.key", "node REG-2/tls.key");
        for (ConsortiumNetwork.WrittenNode n : w.nodes()) {
            String id = n.plan().id();
            try (Stream<Path> files = Files.walk(n.dir())) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    for (Map.Entry<String, String> e : secretOwner.entrySet()) {
                        if (text.contains(e.getKey())) {
                            assertThat(e.getValue()).as(f + " holds the secret of " + e.getValue())
                                    .isIn("node " + id + "/consensus.key", "node " + id + "/tls.key");
                        }
                    }
                    if (f.getFileName().toString().endsWith(".key")) {
                        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
                    }
                }
            }
            // node.yaml reads, names this node, and matches what every genesis of its chains says of it
            NodeConfig c = NodeConfig.load(n.config());
            NodeConfig.Network net = c.network().orElseThrow();
            assertThat(net.listen()).isEqualTo(n.address()).isEqualTo("127.0.0.1:" + n.plan().replicationPort());
            assertThat(c.http().port()).isEqualTo(n.plan().apiPort());
            assertThat(c.http().tls()).isEmpty(); // loopback: plain HTTP unless --https
            assertThat(c.chains()).extracting(ch -> ch.genesis().getFileName().toString())
                    .containsExactlyElementsOf(n.plan().hosts().stream().map(h -> h + ".yaml").toList());
            byte[] der = Certificates.der(TlsFiles.readCertificates(net.tlsCertificate()).get(0));
            for (NodeConfig.ChainConfig cc : c.chains()) {
                assertThat(cc.genesis()).startsWith(n.dir());
                assertThat(cc.node()).isEqualTo(id);
                assertThat(cc.member()).isEqualTo(n.plan().org());
                assertThat(cc.key()).isNull();
                Genesis g = GenesisFile.load(cc.genesis());
                net.checkHosted(cc.genesis(), g, id);
                NodeInfo info = g.node(id).orElseThrow();
                assertThat(info.tlsCertificate()).isEqualTo(der);
                assertThat(info.api()).isEqualTo("http://127.0.0.1:" + n.plan().apiPort());
                assertThat(g.hash()).isEqualTo(GenesisFile.load(dir.resolve("genesis").resolve(g.chainId() + ".yaml"))
                        .hash());
            }
        }
        Genesis trading = GenesisFile.load(dir.resolve("genesis/trading.yaml"));
        assertThat(trading.nodes()).extracting(NodeInfo::id).contains("B1-1", "GRID-1");
        assertThat(trading.validators()).extracting(Validator::nodeId).containsExactly("G1-1", "G2-1", "PLAT-1",
                "PLAT-2");
        assertThat(trading.validators()).extracting(Validator::power).containsOnly(1L);
        assertThat(TlsFiles.readCertificates(w.certificates())).hasSize(10);
        // the organisations' keys stay with the organisations
        assertThat(dir.resolve("orgs/G1/G1.key")).exists();
        assertThat(dir.resolve("orgs/G1/G1.pub")).exists();

        // again into the same directory: refused before anything is written
        assertThatThrownBy(() -> ConsortiumNetwork.create(spec(null, Map.of(), 0, false), dir, new SecureRandom(), NOW))
                .hasMessageContaining("G1.key exists already").hasMessageContaining("nothing was written");
    }

    @Test
    void withOrgKeyOnNodesANodeHoldsItsOwnOrganisationsKeyAndNoOther() throws Exception {
        ConsortiumNetwork.create(spec(null, Map.of(), 0, true), dir, new SecureRandom(), NOW);
        Map<String, String> secretOwner = privateKeys();
        for (String id : List.of("REG-1", "REG-2", "G1-1")) {
            String org = id.substring(0, id.indexOf('-'));
            Path nodeDir = dir.resolve("nodes").resolve(id);
            assertThat(Files.readString(nodeDir.resolve(org + ".key")))
                    .isEqualTo(Files.readString(dir.resolve("orgs").resolve(org).resolve(org + ".key")));
            NodeConfig c = NodeConfig.load(nodeDir.resolve("node.yaml"));
            assertThat(c.chains()).allSatisfy(ch -> assertThat(ch.key()).isEqualTo(nodeDir.resolve(org + ".key")));
            try (Stream<Path> files = Files.walk(nodeDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    secretOwner.forEach((secret, owner) -> {
                        if (text.contains(secret)) {
                            assertThat(owner).as(f.toString()).isIn("node " + id + "/consensus.key",
                                    "node " + id + "/tls.key", "org " + org);
                        }
                    });
                }
            }
        }
    }

    @Test
    void aNodeIsRefusedWhereItsListenAddressOrCertificateIsNotWhatItsGenesisPins() throws Exception {
        // a free base port: this node really starts its replication endpoint
        int base;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            base = free.getLocalPort();
        }
        ConsortiumNetwork.Spec fixed = spec(null, Map.of(), 0, false);
        ConsortiumNetwork.create(new ConsortiumNetwork.Spec(fixed.chains(), fixed.nodes(), fixed.host(), base,
                fixed.https(), fixed.orgKeyOnNodes(), fixed.tlsValidity(), fixed.minValidators()), dir,
                new SecureRandom(), NOW);
        Path g1 = dir.resolve("nodes/G1-1");
        ContractRegistry contracts = new ContractRegistry().register(new FilesTest.Named("period-anchor"))
                .register(new org.energychain.ledger.governance.ValidatorsContract());
        // G1-1 with its business chain only (one validator, replicated on this one node)
        String yaml = Files.readString(g1.resolve("node.yaml")).replaceAll("(?s)  - genesis: genesis/regulatory.*", "");
        Path only = g1.resolve("business.yaml");
        Files.writeString(only, yaml);
        NodeConfig ok = NodeConfig.load(only);
        try (Node node = Node.fromConfig(ok, contracts, ChainStoreFactory.inMemory(), Clock.systemUTC())) {
            assertThat(node.chains()).extracting(HostedChain::id).containsExactly("business-g1");
        }
        Files.writeString(only, yaml.replace("listen: \"127.0.0.1:" + base + "\"", "listen: \"127.0.0.1:9\""));
        NodeConfig moved = NodeConfig.load(only);
        assertThatThrownBy(() -> Node.fromConfig(moved, contracts, ChainStoreFactory.inMemory(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("nodes[G1-1].address");
                    assertThat(e.getMessage()).contains("business-g1.yaml").contains("'127.0.0.1:" + base + "'")
                            .contains("network.listen 127.0.0.1:9");
                });
        // another node's TLS identity: a valid key and certificate, but not the one pinned for G1-1
        Files.writeString(only, yaml.replace("    key: tls.key\n    certificate: tls.crt\n  max",
                "    key: ../G2-1/tls.key\n    certificate: ../G2-1/tls.crt\n  max"));
        NodeConfig borrowed = NodeConfig.load(only);
        assertThatThrownBy(() -> Node.fromConfig(borrowed, contracts, ChainStoreFactory.inMemory(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("nodes[G1-1].tls-certificate");
                    assertThat(e.getMessage()).contains("its peers would refuse it");
                });
    }

    /** Every private key of the network (its base64 body's first line) and whose it is. */
    private Map<String, String> privateKeys() throws IOException {
        Map<String, String> out = new HashMap<>();
        List<Path> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".key")).forEach(keys::add);
        }
        for (Path k : keys) {
            Path rel = dir.relativize(k);
            String owner;
            if (rel.getName(0).toString().equals("orgs")) {
                owner = "org " + rel.getName(1);
            } else if (rel.getFileName().toString().equals("consensus.key") || rel.getFileName().toString()
                    .equals("tls.key")) {
                owner = "node " + rel.getName(1) + "/" + rel.getFileName();
            } else {
                continue; // an organisation's key copied onto its node (--org-key-on-nodes): the same text as orgs/
            }
            String body = Files.readString(k).lines().skip(1).findFirst().orElseThrow();
            out.put(body, owner);
        }
        return out;
    }
}
