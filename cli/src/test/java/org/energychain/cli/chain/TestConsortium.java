package org.energychain.cli.chain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.node.genesis.OneChainNetwork;

/**
 * A consortium network for process tests: {@link OneChainNetwork} (one public chain {@code trading} on n
 * validator nodes {@code N1..Nn} of the groups {@code G1..Gn}, the platform {@code PLAT}), written under
 * {@code DIR}, so that {@link LocalNetworkProcesses} runs it.
 */
final class TestConsortium {
    static final String CHAIN = OneChainNetwork.CHAIN;
    final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    final Path dir;
    final List<KeyPair> groups;
    final Genesis genesis;

    TestConsortium(Path dir, String[] hosts, String networkExtra) throws Exception {
        this(dir, hosts, hosts, networkExtra);
    }

    /**
     * @param apiHosts where each node's REST API listens (on another address than its replication endpoint, so
     *     that a test can cut the nodes' traffic and still ask each of them; plain HTTP, {@code insecure})
     */
    TestConsortium(Path dir, String[] hosts, String[] apiHosts, String networkExtra) throws Exception {
        this.dir = dir;
        OneChainNetwork net = OneChainNetwork.create(dir, suite, hosts, apiHosts, 0,
                new ChainLimits(2000, 128 << 10, 8 << 10, 50_000, Duration.ofMillis(100)), networkExtra);
        this.groups = net.groups();
        this.genesis = net.genesis();
    }

    static String[] loopback(int n) {
        return OneChainNetwork.loopback(n);
    }
}
