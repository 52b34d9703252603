package org.energychain.network;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.energychain.crypto.sign.PrivateKey;

/**
 * What a node needs to take part in the network: who it is (node id and consensus key), where its
 * replication endpoint listens, where Raft keeps its logs, the TLS identity it presents and the trust that
 * pins its peers' certificates, the clock skew it tolerates in a leader's block time, and its clock.
 *
 * @param tls the node's TLS key and the pinned peers; null only in tests (plain text on loopback)
 */
public record NetworkSettings(String nodeId, PrivateKey consensusKey, String listenHost, int listenPort, Path raftDir,
        Tls tls, Duration maxClockSkew, Clock clock) {

    /** The key manager presenting this node's certificate and the trust manager that accepts pinned peers only. */
    public record Tls(KeyManager keyManager, TrustManager trustManager) {
        public Tls {
            Objects.requireNonNull(keyManager, "keyManager");
            Objects.requireNonNull(trustManager, "trustManager");
        }
    }

    public NetworkSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(consensusKey, "consensusKey");
        Objects.requireNonNull(listenHost, "listenHost");
        if (listenPort < 1 || listenPort > 65535) {
            throw new IllegalArgumentException("replication port must be 1..65535, got " + listenPort);
        }
        Objects.requireNonNull(raftDir, "raftDir");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(clock, "clock");
    }
}
