package org.energychain.node.genesis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PublicKey;
import org.energychain.crypto.tls.SelfSignedCertificates;
import org.energychain.crypto.tls.TlsCredentials;
import org.energychain.crypto.tls.TlsFiles;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.governance.ValidatorsContract;
import org.energychain.network.FreePorts;

/**
 * Prepares a node that joins a consortium network after its genesis (redundancy for an organisation, or
 * a replacement for a node to be removed): its directory beside the others' under {@code DIR/nodes}, with
 * its own consensus and TLS keys, the genesis files of the chains it will host, its node.yaml, and
 * {@code node-info.yaml}, its roster entry, which the chains' validators vote on ({@code energychain
 * validators propose --add}). Until they add it, the node runs as a listener that waits.
 */
public final class NodeAddition {
    /** The node description file in a node's directory. */
    public static final String NODE_INFO = "node-info.yaml";

    private NodeAddition() {
    }

    /** What was written. */
    public record Added(NodeInfo info, Path dir, Path config, Path nodeInfo) {
    }

    /**
     * Writes the new node's directory; nothing if the plan is refused.
     *
     * @param out the network's directory (from {@code genesis network --consortium})
     * @param chains the chains it will host (each must run the validators contract)
     * @param ports replication and API port (0: a free port of this machine)
     */
    public static Added write(Path out, String id, String org, List<String> chains, String host, int[] ports,
            boolean apiTls, Duration tlsValidity, SecureRandom random, Instant now) throws IOException {
        Path dir = ConsortiumNetwork.nodeDir(out, id);
        if (!Files.isDirectory(out.resolve("nodes"))) {
            throw new IllegalArgumentException(out + " holds no consortium network (no nodes/ directory)");
        }
        if (Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " exists already; a new node needs a new id (nothing was written)");
        }
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("name at least one chain for node " + id + " to host (--chains)");
        }
        List<Genesis> hosted = new ArrayList<>();
        for (String c : chains) {
            Path file = out.resolve("genesis").resolve(c + ".yaml");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("chain " + c + ": no genesis file " + file);
            }
            Genesis g = GenesisFile.load(file);
            if (g.member(org).isEmpty()) {
                throw new IllegalArgumentException("chain " + c + ": " + org + " is not a member; a node hosts only"
                        + " chains of its organisation");
            }
            if (!g.contracts().contains(ValidatorsContract.NAME)) {
                throw new IllegalArgumentException("chain " + c + " runs no " + ValidatorsContract.NAME
                        + " contract: its nodes are fixed by its genesis");
            }
            if (g.node(id).isPresent()) {
                throw new IllegalArgumentException("chain " + c + " has a node " + id + " already");
            }
            hosted.add(g);
        }
        String suite = hosted.get(0).suite();
        for (Genesis g : hosted) {
            if (!g.suite().equals(suite)) {
                throw new IllegalArgumentException("chains " + hosted.get(0).chainId() + " and " + g.chainId()
                        + " use different suites; one node signs with one consensus key");
            }
        }
        int replication = ports[0] == 0 ? freePort() : ports[0];
        int api = ports[1] == 0 ? freePort() : ports[1];
        PublicKey consensus = OrgKeys.generate(hosted.get(0).cryptoSuite(), dir, "consensus", random).publicKey();
        TlsCredentials tls = SelfSignedCertificates.generate(id, List.of(host), now, tlsValidity, random);
        TlsFiles.write(dir.resolve("tls.key"), dir.resolve("tls.crt"), tls);
        String address = ConsortiumNetwork.address(host, replication);
        String apiUrl = (apiTls ? "https" : "http") + "://" + ConsortiumNetwork.address(host, api);
        NodeInfo info = new NodeInfo(id, org, consensus, tls.der(), address, apiUrl);
        for (Genesis g : hosted) {
            GenesisFile.write(g, dir.resolve("genesis").resolve(g.chainId() + ".yaml"));
        }
        Path orgKey = ConsortiumNetwork.orgDir(out, org).resolve(org + ".key");
        // the organisation's key goes on the new node only if the network puts it on its other nodes
        boolean orgKeyOnNode;
        try (var others = Files.list(out.resolve("nodes"))) {
            orgKeyOnNode = Files.isRegularFile(orgKey) && others.anyMatch(d -> Files.isRegularFile(d.resolve(org + ".key")));
        }
        if (orgKeyOnNode) {
            KeyFiles.writePrivateKey(dir.resolve(org + ".key"), KeyFiles.readPrivateKey(orgKey));
        }
        ConsortiumNetwork.PlannedNode plan = new ConsortiumNetwork.PlannedNode(id, org, replication, api, chains,
                List.of());
        Path config = dir.resolve("node.yaml");
        Files.writeString(config, ConsortiumNetwork.nodeYaml(host, apiTls, orgKeyOnNode,
                new ConsortiumNetwork.WrittenNode(plan, dir, config, address, apiUrl)), StandardCharsets.UTF_8);
        Path nodeInfo = dir.resolve(NODE_INFO);
        Files.writeString(nodeInfo, GenesisFile.nodeToYaml(info), StandardCharsets.UTF_8);
        return new Added(info, dir, config, nodeInfo);
    }

    private static int freePort() throws IOException {
        return FreePorts.pick();
    }
}
