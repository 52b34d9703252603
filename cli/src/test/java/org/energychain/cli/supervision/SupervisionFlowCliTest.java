package org.energychain.cli.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.cli.Cli;
import org.energychain.cli.NodeProcess;
import org.energychain.cli.common.ExitCodes;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.node.client.NodeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervision flow of docs/cli.md end to end, as an operator runs it: the default network on RocksDB,
 * the real node in its own JVM, every other step through the command line: ingest, anchor on the group's
 * private business chain, file D2 on the regulatory chain, the regulator lists, acknowledges and checks a
 * delivered reading against the filed root; then the stopped node's chains verify from disk and a restarted
 * node still has everything.
 */
class SupervisionFlowCliTest {
    private static final int CHAINS = 4; // business-g1, regulatory, trading, dispatch

    @TempDir
    Path dir;

    private NodeProcess node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anchorFileAcknowledgeCheckAndVerifyAcrossARestart() throws Exception {
        Path net = dir.resolve("net");
        Path config = net.resolve("node.yaml");
        Cli genesis = Cli.run("genesis", "network", "--groups", "G1", "--regulator", "REG", "--platform", "PLAT",
                "--out", net.toString());
        assertThat(genesis.exit()).as(genesis.toString()).isZero();
        assertThat(Files.readString(config)).contains("store: rocksdb");

        node = NodeProcess.start(config, dir.resolve("node-1.log"), CHAINS);
        String url = node.url();
        assertThat(node.startHeight("business-g1")).isZero();
        assertThat(node.startHeight("regulatory")).isZero();

        Path data = dir.resolve("data");
        Cli generate = Cli.run("generate", "--out", data.toString(), "--plants", "4", "--days", "3", "--quiet");
        assertThat(generate.exit()).as(generate.toString()).isZero();
        Path db = dir.resolve("g1.db");
        Path out = dir.resolve("out");
        Cli ingest = Cli.run("ingest", "--group", data.resolve("group.yaml").toString(), "--mapping",
                data.resolve("mapping.yaml").toString(), "--from", "2026-01-01", "--to", "2026-01-03", "--db",
                db.toString(), "--out", out.toString(), "--quiet", "--json", data.resolve("readings").toString());
        assertThat(ingest.exit()).as(ingest.toString()).isZero();
        String groupRoot = ingest.json().get("groupRoot").asText();

        // anchor Hash_G on the private business chain; a second anchor of the same period is refused
        String[] g1Business = remote(url, "business-g1", "G1", net);
        Cli anchor = Cli.run(args(List.of("anchor", "--db", db.toString(), "--json"), g1Business));
        assertThat(anchor.exit()).as(anchor.toString()).isZero();
        JsonNode anchorReceipt = anchor.json();
        assertThat(anchorReceipt.at("/result/code").asInt()).as(anchor.toString()).isZero();
        String anchorTx = anchorReceipt.get("txId").asText();
        long anchorHeight = anchorReceipt.get("height").asLong();
        assertThat(anchorHeight).isPositive();
        Cli again = Cli.run(args(List.of("anchor", "--db", db.toString()), g1Business));
        assertThat(again.exit()).as(again.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(again.out()).contains("refused by the contract, code 104");

        // a member of the network that is not a member of the business chain cannot read it
        Cli outsider = Cli.run(args(List.of("chain", "status"), remote(url, "business-g1", "PLAT", net)));
        assertThat(outsider.exit()).as(outsider.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(outsider.out()).doesNotContain("height");
        Cli unsigned = Cli.run("chain", "status", "--url", url, "--chain", "business-g1");
        assertThat(unsigned.exit()).as(unsigned.toString()).isEqualTo(ExitCodes.BAD_INPUT);

        // file the D2 package on the regulatory chain
        Path pkg = out.resolve("d2-G1-2026-01-01-2026-01-04.json");
        assertThat(pkg).exists();
        String[] g1Regulatory = remote(url, "regulatory", "G1", net);
        String[] regRegulatory = remote(url, "regulatory", "REG", net);
        Cli file = Cli.run(args(List.of("file", "--package", pkg.toString(), "--db", db.toString(), "--json"), g1Regulatory));
        assertThat(file.exit()).as(file.toString()).isZero();
        assertThat(file.json().at("/result/code").asInt()).isZero();
        String fileTx = file.json().get("txId").asText();
        long fileHeight = file.json().get("height").asLong();

        // pending for the regulator until acknowledged
        Cli pending = Cli.run(args(List.of("filings", "--pending", "--json"), regRegulatory));
        assertThat(pending.exit()).as(pending.toString()).isZero();
        assertThat(pending.json()).hasSize(1);
        JsonNode p = pending.json().get(0);
        assertThat(p.get("group").asText()).isEqualTo("G1");
        assertThat(p.get("periodStart").asText()).isEqualTo("2026-01-01");
        assertThat(p.get("periodEnd").asText()).isEqualTo("2026-01-04");
        assertThat(p.get("groupRoot").asText()).isEqualTo(groupRoot);
        assertThat(p.get("filedBy").asText()).isEqualTo("G1");
        assertThat(p.get("acknowledged").asBoolean()).isFalse();

        Cli ack = Cli.run(args(List.of("ack", "--group", "G1", "--from", "2026-01-01", "--to", "2026-01-03", "--note",
                "received"), regRegulatory));
        assertThat(ack.exit()).as(ack.toString()).isZero();
        assertThat(ack.out()).contains("committed in block");
        Cli pendingAfter = Cli.run(args(List.of("filings", "--pending", "--json"), regRegulatory));
        assertThat(pendingAfter.exit()).as(pendingAfter.toString()).isZero();
        assertThat(pendingAfter.json()).isEmpty();
        assertAcknowledgedFiling(regRegulatory, groupRoot);
        Cli ackAgain = Cli.run(args(List.of("ack", "--group", "G1", "--from", "2026-01-01", "--to", "2026-01-03"),
                regRegulatory));
        assertThat(ackAgain.exit()).as(ackAgain.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(ackAgain.out()).contains("code 200");

        // the regulator checks a delivered reading against the filed root
        Cli prove = Cli.run("prove", "--plant", "G1-S001", "--day", "2026-01-02", "--reading", "7", "--db", db.toString(),
                "--json");
        assertThat(prove.exit()).as(prove.toString()).isZero();
        Path proof = dir.resolve("proof.json");
        Files.writeString(proof, prove.out());
        Cli check = Cli.run(args(List.of("check-delivery", "--proof", proof.toString()), regRegulatory));
        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.out()).contains("OK: the delivery holds against Hash_G " + groupRoot);
        ObjectNode tampered = (ObjectNode) prove.json().deepCopy();
        JsonNode reading = tampered.get("reading");
        assertThat(reading).as(prove.out()).isNotNull();
        ((ObjectNode) reading).put("value", "987654.321");
        Path forged = dir.resolve("tampered.json");
        Files.writeString(forged, tampered.toPrettyString());
        Cli bad = Cli.run(args(List.of("check-delivery", "--proof", forged.toString()), regRegulatory));
        assertThat(bad.exit()).as(bad.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(bad.out()).contains("FAILED").contains("G1-S001").contains("reading #7").contains("value");
        // check-delivery goes through the one verifier: every shown field is bound (issue 10)
        ObjectNode noDayLevel = prove.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) noDayLevel.get("levels")).remove(0);
        ((ObjectNode) noDayLevel.get("reading")).put("value", "0");
        Files.writeString(forged, noDayLevel.toPrettyString());
        Cli withoutDay = Cli.run(args(List.of("check-delivery", "--proof", forged.toString()), regRegulatory));
        assertThat(withoutDay.exit()).as(withoutDay.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(withoutDay.out()).contains("G1-S001").contains("no day level");
        Cli.Runner runner = new Cli.Runner();
        java.util.regex.Pattern shown = java.util.regex.Pattern.compile(
                "(set|drop) (hash|group|plant|periodStart|periodEnd|day|groupRoot|reading|reading\\.\\w+|levels\\[\\d\\])( .*)?");
        int checked = 0;
        for (ProofMutations.Mutation m : ProofMutations.of(prove.json())) {
            if (shown.matcher(m.what()).matches()) {
                Files.writeString(forged, m.doc().toPrettyString());
                Cli c = runner.run(args(List.of("check-delivery", "--proof", forged.toString()), regRegulatory));
                assertThat(c.exit()).as(m.what() + "\n" + c).isIn(ExitCodes.VERIFICATION_FAILED, ExitCodes.BAD_INPUT);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(80);

        long businessHeight = status(url, "business-g1", "G1", net);
        long regulatoryHeight = status(url, "regulatory", "REG", net);
        assertThat(businessHeight).isGreaterThanOrEqualTo(anchorHeight);
        assertThat(regulatoryHeight).isGreaterThan(fileHeight);

        // stopped, every chain verifies from the RocksDB files
        node.stop();
        Cli verify = Cli.run("chain", "verify", "--config", config.toString(), "--json");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.json().findValuesAsText("chain")).containsExactlyInAnyOrder("business-g1", "regulatory",
                "trading", "dispatch");
        for (JsonNode c : verify.json()) {
            assertThat(c.get("ok").asBoolean()).as(verify.toString()).isTrue();
        }
        assertThat(verify.json().findValues("height")).isNotEmpty();

        // restarted on the same configuration: the same chains, the anchor and the acknowledged filing
        node = NodeProcess.start(config, dir.resolve("node-2.log"), CHAINS);
        url = node.url();
        assertThat(node.startHeight("business-g1")).isEqualTo(businessHeight);
        assertThat(node.startHeight("regulatory")).isEqualTo(regulatoryHeight);
        g1Business = remote(url, "business-g1", "G1", net);
        regRegulatory = remote(url, "regulatory", "REG", net);
        assertThat(status(url, "business-g1", "G1", net)).isEqualTo(businessHeight);
        assertThat(status(url, "regulatory", "REG", net)).isEqualTo(regulatoryHeight);
        NodeClient g1 = new NodeClient(URI.create(url)).signedAs("G1", KeyFiles.readPrivateKey(net.resolve("keys/G1.key")));
        assertThat(g1.receipt("business-g1", anchorTx)).as("anchor receipt after restart").get()
                .satisfies(r -> assertThat(r.get("height").asLong()).isEqualTo(anchorHeight));
        assertThat(g1.receipt("regulatory", fileTx)).as("filing receipt after restart").get()
                .satisfies(r -> assertThat(r.get("height").asLong()).isEqualTo(fileHeight));
        assertAcknowledgedFiling(regRegulatory, groupRoot);
        Cli anchorAfterRestart = Cli.run(args(List.of("anchor", "--db", db.toString()), g1Business));
        assertThat(anchorAfterRestart.exit()).as(anchorAfterRestart.toString()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(anchorAfterRestart.out()).contains("code 104");
        Cli checkAfterRestart = Cli.run(args(List.of("check-delivery", "--proof", proof.toString()), regRegulatory));
        assertThat(checkAfterRestart.exit()).as(checkAfterRestart.toString()).isZero();
        node.stop();
        Cli verifyAgain = Cli.run("chain", "verify", "--config", config.toString());
        assertThat(verifyAgain.exit()).as(verifyAgain.toString()).isZero();
    }

    private static void assertAcknowledgedFiling(String[] regulator, String groupRoot) {
        Cli filings = Cli.run(args(List.of("filings", "--group", "G1", "--json"), regulator));
        assertThat(filings.exit()).as(filings.toString()).isZero();
        assertThat(filings.json()).as(filings.toString()).hasSize(1);
        JsonNode f = filings.json().get(0);
        assertThat(f.get("groupRoot").asText()).isEqualTo(groupRoot);
        assertThat(f.get("acknowledged").asBoolean()).as(filings.toString()).isTrue();
        assertThat(f.get("acknowledgedBy").asText()).isEqualTo("REG");
        assertThat(f.get("note").asText()).isEqualTo("received");
    }

    private static long status(String url, String chain, String member, Path net) {
        Cli s = Cli.run(args(List.of("chain", "status", "--json"), remote(url, chain, member, net)));
        assertThat(s.exit()).as(s.toString()).isZero();
        return s.json().get("height").asLong();
    }

    private static String[] remote(String url, String chain, String member, Path net) {
        return new String[] {"--url", url, "--chain", chain, "--member", member, "--key",
            net.resolve("keys").resolve(member + ".key").toString()};
    }

    private static String[] args(List<String> command, String... remote) {
        List<String> a = new ArrayList<>(command);
        a.addAll(List.of(remote));
        return a.toArray(String[]::new);
    }
}
