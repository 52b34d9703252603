package org.energychain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.TestRoles;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.tx.Transaction;
import org.energychain.network.FreePorts;
import org.energychain.network.NetworkSettings;
import org.energychain.node.api.ApiServer;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four organisations' nodes (in one JVM, each with its own Ratis server, store and REST API) replicating one
 * public chain: a transaction sent to any node's API is forwarded to the leader, committed on every node and
 * final, and every node's status names the leader and the finality.
 */
class ReplicatedNodesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    final List<Node> nodes = new ArrayList<>();
    final List<ApiServer> apis = new ArrayList<>();

    @AfterEach
    void close() {
        apis.forEach(ApiServer::close);
        nodes.forEach(Node::close);
    }

    @Test
    void aTransactionSentToAFollowerIsFinalOnEveryNode() throws Exception {
        var suite = CryptoSuites.SHA256_ED25519;
        SecureRandom rnd = new SecureRandom();
        List<KeyPair> orgKeys = new ArrayList<>();
        List<KeyPair> nodeKeys = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        List<NodeInfo> infos = new ArrayList<>();
        List<Validator> validators = new ArrayList<>();
        int[] ports = new int[4];
        for (int i = 0; i < 4; i++) {
            orgKeys.add(suite.signatures().generateKeyPair(rnd));
            nodeKeys.add(suite.signatures().generateKeyPair(rnd));
            members.add(new Member("G" + i, java.util.Set.of(TestRoles.WRITER), orgKeys.get(i).publicKey()));
            ports[i] = FreePorts.pick();
            infos.add(new NodeInfo("G" + i + "-1", "G" + i, nodeKeys.get(i).publicKey(), null, "127.0.0.1:" + ports[i],
                    ""));
            validators.add(new Validator("G" + i + "-1", 1));
        }
        Genesis g = new Genesis("shared", suite.name(), false, TestNetwork.T0, members, infos, validators,
                List.of("kv"), new ChainLimits(100, 1 << 20, 4096, 1000, Duration.ofMillis(50)));
        ContractRegistry contracts = new ContractRegistry().register(new TestNetwork.KvContract());
        for (int i = 0; i < 4; i++) {
            NetworkSettings s = new NetworkSettings("G" + i + "-1", nodeKeys.get(i).privateKey(), "127.0.0.1", ports[i],
                    dir.resolve("raft-" + i), null, Duration.ofSeconds(30), Clock.systemUTC());
            Node n = Node.builder().contracts(contracts).stores(ChainStoreFactory.inMemory()).clock(Clock.systemUTC())
                    .network(s).chain(g, "G" + i, orgKeys.get(i).privateKey(), "G" + i + "-1", nodeKeys.get(i).privateKey())
                    .build();
            nodes.add(n);
            n.start();
            apis.add(new ApiServer(n, NodeConfig.Http.DEFAULT.withPort(0), true).start());
        }
        // wait (bounded) for a leader, then send to a node that does not lead
        int leader = -1;
        for (int t = 0; t < 600 && leader < 0; t++) {
            for (int i = 0; i < 4; i++) {
                if (nodes.get(i).chain("shared").orElseThrow().replicated().orElseThrow().isLeader()) {
                    leader = i;
                }
            }
            Thread.onSpinWait();
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(leader).isNotNegative();
        int follower = (leader + 1) % 4;
        Transaction tx = Transaction.sign("shared", "G" + follower, 0, "kv", "put", "a=1".getBytes(StandardCharsets.UTF_8),
                suite.signatures(), orgKeys.get(follower).privateKey());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apis.get(follower).port()
                + "/chains/shared/transactions?wait=final&timeout-ms=60000"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode done = JSON.readTree(r.body());
        assertThat(done.get("status").asText()).isEqualTo("final");
        long height = done.at("/receipt/height").asLong();
        for (int i = 0; i < 4; i++) {
            var rc = nodes.get(i).chain("shared").orElseThrow().replicated().orElseThrow();
            assertThat(rc.awaitFinal(height, Duration.ofSeconds(60))).isTrue();
            JsonNode status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + apis.get(i).port() + "/chains/shared/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
            // a leader is named (on a loaded machine leadership may have moved since the submission)
            assertThat(status.at("/network/leader").asText()).matches("G[0-3]-1");
            assertThat(status.at("/network/peers")).hasSize(4);
            JsonNode block = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + apis.get(i).port() + "/chains/shared/blocks/" + height)).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(block.get("final").asBoolean()).isTrue();
            assertThat(block.get("certificate").asText()).isNotEmpty();
        }
    }
}
