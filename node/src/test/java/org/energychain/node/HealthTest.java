package org.energychain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.Hex;
import org.energychain.ledger.FaultyStore;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.store.StorageException;
import org.energychain.node.api.ApiServer;
import org.energychain.node.config.NodeConfig;
import org.junit.jupiter.api.Test;

/** A chain halted by a storage failure is never silent: status, health and metrics say so; it resumes. */
class HealthTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> get(ApiServer api, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHaltedChainShowsInHealthStatusAndMetricsAndRefusesSubmissionsUntilItResumes() throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);
        FaultyStore[] store = new FaultyStore[1];
        ChainStoreFactory stores = g -> store[0] = new FaultyStore(new InMemoryChainStore(g));
        // the test chain is private: a public one is needed to see its name in /health
        org.energychain.ledger.genesis.Genesis open = new org.energychain.ledger.genesis.Genesis("open",
                net.genesis.suite(), false, net.genesis.time(), net.genesis.members(), net.genesis.nodes(),
                net.genesis.validators(), net.genesis.contracts(), net.genesis.limits());
        try (Node node = Node.builder().contracts(net.contracts).stores(stores).clock(Clock.systemUTC())
                .chain(open, "g1", net.group.privateKey(), "n1", net.node.privateKey()).build()) {
            // the chain is driven by hand here (no orderer thread), so every step is deterministic
            ApiServer api = new ApiServer(node, NodeConfig.Http.DEFAULT.withPort(0), true).start();
            try {
                assertThat(get(api, "/health").statusCode()).isEqualTo(200);
                store[0].failCommits = true;
                HostedChain c = node.chain("open").orElseThrow();
                Submission s = c.submit(org.energychain.ledger.tx.Transaction.sign("open", "g1", 0, "kv", "put",
                        "a=1".getBytes(java.nio.charset.StandardCharsets.UTF_8), net.suite.signatures(),
                        net.group.privateKey()));
                assertThat(s.accepted()).isTrue();
                assertThatThrownBy(c.chain()::cutBlock).isInstanceOf(StorageException.class);
                HttpResponse<String> health = get(api, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                JsonNode h = JSON.readTree(health.body());
                assertThat(h.at("/halted/0/chain").asText()).isEqualTo("open");
                assertThat(h.at("/halted/0/reason").asText()).contains("No space left on device");
                JsonNode status = JSON.readTree(get(api, "/chains/open/status").body());
                assertThat(status.at("/health/status").asText()).isEqualTo("halted");
                assertThat(get(api, "/metrics").body()).contains("energychain_chain_halted{chain=\"open\"} 1.0");
                HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + "/chains/open/transactions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tx\":\"" + Hex.encode(org.energychain.ledger.tx
                                .Transaction.sign("open", "g1", 1, "kv", "put", new byte[] {'b', '=', '1'},
                                        net.suite.signatures(), net.group.privateKey()).encode()) + "\"}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).contains("UNAVAILABLE").contains("halted");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();

                store[0].failCommits = false;
                c.chain().probe();
                assertThat(c.chain().cutBlock()).isPresent();
                assertThat(s.receipt().get(60, TimeUnit.SECONDS).height()).isEqualTo(1);
                assertThat(c.chain().health().isOk()).isTrue();
                assertThat(get(api, "/health").statusCode()).isEqualTo(200);
            } finally {
                api.close();
            }
        }
    }
}
