package org.energychain.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.energychain.cli.Cli;
import org.energychain.cli.common.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysGenesisCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519", "sm3-sm2"})
    void keysAreWrittenOwnerOnlyShownAndNeverOverwritten(String suite) throws Exception {
        Cli gen = Cli.run("keys", "generate", "--suite", suite, "--out", dir.toString(), "--name", "G1", "--json");
        assertThat(gen.exit()).as(gen.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("G1.key")))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("G1.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
        Cli priv = Cli.run("keys", "show", dir.resolve("G1.key").toString(), "--json");
        Cli pub = Cli.run("keys", "show", dir.resolve("G1.pub").toString(), "--json");
        assertThat(priv.exit()).as(priv.toString()).isZero();
        assertThat(priv.json().get("publicKey")).isEqualTo(pub.json().get("publicKey")).isEqualTo(gen.json().get("publicKey"));
        assertThat(priv.json().get("private").asBoolean()).isTrue();
        assertThat(pub.json().get("suite").asText()).isEqualTo(suite);
        assertThat(priv.out()).doesNotContain(Files.readString(dir.resolve("G1.key")).lines().skip(1).findFirst().orElseThrow());

        Cli again = Cli.run("keys", "generate", "--suite", suite, "--out", dir.toString(), "--name", "G1");
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("G1.key");
        assertThat(Cli.run("keys", "show", dir.resolve("nothing.pub").toString()).exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private Cli create(String out, String... members) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("genesis", "create", "--chain", "business-g1",
                "--node", "G1-1:G1:" + dir.resolve("G1.pub"), "--validator", "G1-1:10", "--contract", "period-anchor",
                "--private", "--time", "2026-06-01T00:00:00Z",
                "--out", dir.resolve(out).toString(), "--json"));
        for (String m : members) {
            args.add("--member");
            args.add(m);
        }
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void genesisCreateWritesAFileWhoseHashIsStable() throws Exception {
        Cli.run("keys", "generate", "--out", dir.toString(), "--name", "G1");
        Cli.run("keys", "generate", "--out", dir.toString(), "--name", "P1");
        String g1 = "G1:group:" + dir.resolve("G1.pub");
        String p1 = "P1:plant+group:" + dir.resolve("P1.pub");
        Cli a = create("a.yaml", g1, p1);
        assertThat(a.exit()).as(a.toString()).isZero();
        Cli b = create("b.yaml", p1, g1);
        String hash = a.json().get("hash").asText();
        assertThat(hash).hasSize(64).isEqualTo(b.json().get("hash").asText());
        Cli show = Cli.run("genesis", "show", dir.resolve("a.yaml").toString(), "--json");
        assertThat(show.exit()).as(show.toString()).isZero();
        assertThat(show.json().get("hash").asText()).isEqualTo(hash);
        assertThat(show.json().get("private").asBoolean()).isTrue();
        assertThat(Cli.run("genesis", "show", dir.resolve("a.yaml").toString()).out()).contains("genesis hash " + hash);
    }

    @Test
    void aBadMemberSpecIsBadInputNamingIt() throws Exception {
        Cli.run("keys", "generate", "--out", dir.toString(), "--name", "G1");
        Cli noKey = create("x.yaml", "G1:group");
        assertThat(noKey.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noKey.err()).contains("--member 'G1:group'").contains("ID:ROLES:PUBFILE");
        Cli badRole = create("x.yaml", "G1:king:" + dir.resolve("G1.pub"));
        assertThat(badRole.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badRole.err()).contains("--member 'G1:king:").contains("unknown role 'king'");
        Cli missing = create("x.yaml", "G1:group:" + dir.resolve("nope.pub"));
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nope.pub");
        Cli notValidator = Cli.run("genesis", "create", "--chain", "c", "--member", "G1:group:" + dir.resolve("G1.pub"),
                "--node", "G1-1:G1:" + dir.resolve("G1.pub"), "--validator", "G2:1", "--out", dir.resolve("x.yaml").toString());
        assertThat(notValidator.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notValidator.err()).contains("G2");
        assertThat(Files.exists(dir.resolve("x.yaml"))).isFalse();
    }

    @Test
    void genesisNetworkWritesKeysAndTheDefaultNetwork() throws Exception {
        Cli net = Cli.run("genesis", "network", "--groups", "G1,G2", "--regulator", "REG", "--platform", "PLAT",
                "--buyers", "B1", "--time", "2026-06-01T00:00:00Z", "--out", dir.toString(), "--json");
        assertThat(net.exit()).as(net.toString()).isZero();
        JsonNode chains = net.json().get("chains");
        assertThat(chains.findValuesAsText("chain")).containsExactly("business-g1", "business-g2", "regulatory", "trading",
                "dispatch");
        for (String org : new String[] {"G1", "G2", "REG", "PLAT", "B1", "GRID", "LOAD"}) {
            assertThat(dir.resolve("keys/" + org + ".key")).exists();
            assertThat(dir.resolve("keys/" + org + ".pub")).exists();
        }
        for (JsonNode c : chains) {
            Cli show = Cli.run("genesis", "show", c.get("file").asText(), "--json");
            assertThat(show.json().get("hash")).isEqualTo(c.get("hash"));
        }
        assertThat(chains.get(0).get("private").asBoolean()).isTrue();
        assertThat(chains.get(0).get("members").findValuesAsText("")).isEmpty();
        assertThat(chains.get(2).get("contracts").get(0).asText()).isEqualTo("regulatory-filing");
        assertThat(dir.resolve("node.yaml")).exists();
        Cli again = Cli.run("genesis", "network", "--groups", "G1", "--regulator", "REG", "--platform", "PLAT",
                "--out", dir.toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        Cli dup = Cli.run("genesis", "network", "--groups", "G1", "--regulator", "G1", "--platform", "PLAT",
                "--out", dir.resolve("other").toString());
        assertThat(dup.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dup.err()).contains("distinct");
    }
}
