package org.energychain.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.energychain.cli.Cli;
import org.energychain.cli.common.ExitCodes;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsortiumNetworkCliTest {
    @TempDir
    Path dir;

    static List<String> args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("genesis", "network", "--groups", "G1,G2", "--regulator", "REG",
                "--platform", "PLAT", "--buyers", "B1", "--time", "2026-06-01T00:00:00Z", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a;
    }

    static Cli run(Path out, String... extra) {
        return Cli.run(args(out, extra).toArray(String[]::new));
    }

    @Test
    void thePlainConsortiumGivesEverySharedChainFourValidatorsAndEachNodeOnlyItsOwnKeys() throws Exception {
        Cli net = run(dir, "--consortium", "--json");
        assertThat(net.exit()).as(net.toString()).isZero();
        assertThat(net.err()).doesNotContain("warning");
        JsonNode j = net.json();
        assertThat(j.get("warnings")).isEmpty();
        assertThat(j.get("nodes").findValuesAsText("id")).containsExactly("G1-1", "G2-1", "REG-1", "REG-2", "PLAT-1",
                "PLAT-2", "B1-1", "GRID-1", "GRID-2", "LOAD-1");
        for (JsonNode c : j.get("chains")) {
            if (c.get("shared").asBoolean()) {
                assertThat(c.get("validators").size()).as(c.get("chain").asText()).isGreaterThanOrEqualTo(4);
            }
            Cli show = Cli.run("genesis", "show", c.get("file").asText(), "--json");
            assertThat(show.json().get("hash")).isEqualTo(c.get("hash"));
        }
        for (JsonNode n : j.get("nodes")) {
            Path nodeDir = Path.of(n.get("dir").asText());
            try (Stream<Path> files = Files.walk(nodeDir)) {
                List<String> secrets = files.filter(Files::isRegularFile).filter(f -> {
                    try {
                        return Files.readString(f).contains("PRIVATE KEY");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).map(f -> nodeDir.relativize(f).toString()).sorted().toList();
                assertThat(secrets).as(n.get("id").asText()).containsExactly("consensus.key", "tls.key");
            }
            NodeConfig c = NodeConfig.load(Path.of(n.get("config").asText()));
            assertThat(c.network().orElseThrow().listen()).isEqualTo(n.get("address").asText());
            assertThat(c.chains()).hasSize(n.get("chains").size());
        }
        assertThat(dir.resolve("orgs/G1/G1.key")).exists();
        assertThat(dir.resolve("certificates.pem")).exists();
        // the text form names nodes, chains, validators and replicas
        Cli text = run(dir.resolve("again"), "--consortium");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains("node REG-2").contains("chain trading").contains("validators G1-1,G2-1,PLAT-1,PLAT-2")
                .contains("replicas B1-1,GRID-1,GRID-2").contains("certificates.pem");
    }

    @Test
    void aNodeToAddIsPreparedWithOnlyItsOwnSecretsAndItsRosterEntry() throws Exception {
        assertThat(run(dir, "--consortium").exit()).isZero();
        Cli added = Cli.run("validators", "new-node", "--dir", dir.toString(), "--id", "G1-2", "--org", "G1",
                "--chains", "trading,regulatory", "--replication-port", "27999", "--api-port", "27998");
        assertThat(added.exit()).as(added.toString()).isZero();
        Path nodeDir = dir.resolve("nodes/G1-2");
        assertThat(added.out()).contains("validators propose --chain C --add " + nodeDir.resolve("node-info.yaml"));
        try (Stream<Path> files = Files.walk(nodeDir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".key")).map(f -> nodeDir.relativize(f).toString())
                    .sorted().toList()).containsExactly("consensus.key", "tls.key");
        }
        NodeConfig c = NodeConfig.load(nodeDir.resolve("node.yaml"));
        assertThat(c.network().orElseThrow().listen()).isEqualTo("127.0.0.1:27999");
        assertThat(c.chains()).hasSize(2);
        var info = org.energychain.node.genesis.GenesisFile.loadNode(nodeDir.resolve("node-info.yaml"));
        assertThat(info.id()).isEqualTo("G1-2");
        assertThat(info.address()).isEqualTo("127.0.0.1:27999");
        assertThat(info.tlsCertificate()).isEqualTo(org.energychain.crypto.tls.Certificates.der(
                org.energychain.crypto.tls.TlsFiles.readCertificates(nodeDir.resolve("tls.crt")).get(0)));
        // the node is not in the genesis: its configuration is accepted as a node that joins
        var g = org.energychain.node.genesis.GenesisFile.load(nodeDir.resolve("genesis/trading.yaml"));
        c.network().orElseThrow().checkHosted(nodeDir.resolve("genesis/trading.yaml"), g, "G1-2");

        Cli again = Cli.run("validators", "new-node", "--dir", dir.toString(), "--id", "G1-2", "--org", "G1",
                "--chains", "trading");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists already");
        Cli notMember = Cli.run("validators", "new-node", "--dir", dir.toString(), "--id", "B1-2", "--org", "B1",
                "--chains", "regulatory");
        assertThat(notMember.exit()).isEqualTo(2);
        assertThat(notMember.err()).contains("chain regulatory: B1 is not a member");
        assertThat(dir.resolve("nodes/B1-2")).doesNotExist();
        Cli unknown = Cli.run("validators", "new-node", "--dir", dir.toString(), "--id", "G1-3", "--org", "G1",
                "--chains", "nowhere");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("chain nowhere: no genesis file");
        Cli badFile = Cli.run("validators", "propose", "--chain", "trading", "--member", "G1", "--key",
                dir.resolve("orgs/G1/G1.key").toString(), "--add", dir.resolve("missing.yaml").toString());
        assertThat(badFile.exit()).isEqualTo(2);
        assertThat(badFile.err()).contains("missing.yaml");
    }

    @Test
    void fewerThanFourValidatorsIsAWarningAndWithMinValidatorsAnErrorThatWritesNothing() {
        Cli warned = run(dir.resolve("a"), "--consortium", "--nodes-per-org", "1");
        assertThat(warned.exit()).as(warned.toString()).isZero();
        assertThat(warned.err()).contains("warning: chain regulatory has 3 validators")
                .contains("warning: chain trading has 3 validators").contains("warning: chain dispatch has 3 validators")
                .contains("n >= 3f+1");
        Cli refused = run(dir.resolve("b"), "--consortium", "--nodes-per-org", "1", "--min-validators", "4");
        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("chain regulatory would have 3 validators");
        assertThat(dir.resolve("b")).doesNotExist();
        // per-organisation counts fix it
        Cli fixed = run(dir.resolve("c"), "--consortium", "--nodes-per-org", "1", "--nodes", "REG=2,PLAT=2,GRID=2",
                "--min-validators", "4", "--json");
        assertThat(fixed.exit()).as(fixed.toString()).isZero();
        assertThat(fixed.json().get("warnings")).isEmpty();
    }

    @Test
    void consortiumOptionsAreCheckedAndNeedConsortium() {
        Cli without = run(dir.resolve("a"), "--nodes-per-org", "2");
        assertThat(without.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(without.err()).contains("--consortium");
        Cli unknown = run(dir.resolve("b"), "--consortium", "--nodes", "XYZ=2");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("XYZ is not an organisation");
        Cli notNumber = run(dir.resolve("c"), "--consortium", "--nodes", "REG=two");
        assertThat(notNumber.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notNumber.err()).contains("REG=two");
        Cli wildcard = run(dir.resolve("d"), "--consortium", "--host", "0.0.0.0");
        assertThat(wildcard.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wildcard.err()).contains("--host");
    }

    @Test
    void beyondLoopbackOrWithHttpsEveryNodeServesItsApiOnHttpsWithItsOwnCertificate() throws Exception {
        Cli net = run(dir, "--consortium", "--host", "10.1.2.3", "--base-port", "7000", "--nodes-per-org", "1",
                "--org-key-on-nodes", "--json");
        assertThat(net.exit()).as(net.toString()).isZero();
        JsonNode g1 = net.json().get("nodes").get(0);
        assertThat(g1.get("address").asText()).isEqualTo("10.1.2.3:7000");
        assertThat(g1.get("api").asText()).isEqualTo("https://10.1.2.3:7001");
        NodeConfig c = NodeConfig.load(Path.of(g1.get("config").asText()));
        assertThat(c.http().scheme()).isEqualTo("https");
        assertThat(c.http().host()).isEqualTo("10.1.2.3");
        assertThat(c.chains().get(0).key()).isEqualTo(Path.of(g1.get("dir").asText()).resolve("G1.key"));
        Cli local = run(dir.resolve("local"), "--consortium", "--https", "--json");
        assertThat(local.exit()).as(local.toString()).isZero();
        assertThat(local.json().get("nodes").get(0).get("api").asText()).isEqualTo("https://127.0.0.1:9601");
    }
}
