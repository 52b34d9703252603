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
 * pins its peers' certificates, the clock skew it tolerates in a leader's block time, its clock, and how
 * many log entries it keeps before a snapshot lets Raft drop them (a node behind further than that
 * catches up by fetching and re-executing blocks).
 *
 * @param tls the node's TLS key and the pinned peers; null only in tests (plain text on loopback)
 */
public record NetworkSettings(String nodeId, PrivateKey consensusKey, String listenHost, int listenPort, Path raftDir,
        Tls tls, Duration maxClockSkew, Clock clock, long snapshotEvery, long logSegmentBytes) {
    /** Log entries between two snapshots by default (a snapshot lets Raft drop the log before it). */
    public static final long SNAPSHOT_EVERY = 10_000;
    /** Size of a Raft log segment file by default (Raft drops the log before a snapshot a segment at a time). */
    public static final long LOG_SEGMENT_BYTES = 32L << 20;

    public NetworkSettings(String nodeId, PrivateKey consensusKey, String listenHost, int listenPort, Path raftDir,
            Tls tls, Duration maxClockSkew, Clock clock) {
        this(nodeId, consensusKey, listenHost, listenPort, raftDir, tls, maxClockSkew, clock, SNAPSHOT_EVERY,
                LOG_SEGMENT_BYTES);
    }


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
        if (logSegmentBytes < 64 << 10) {
            throw new IllegalArgumentException("log segments of " + logSegmentBytes + " bytes: at least 64 KiB");
        }
        if (snapshotEvery < 16) {
            throw new IllegalArgumentException("snapshots every " + snapshotEvery + " log entries: at least 16");
        }
    }
}
