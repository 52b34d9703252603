package org.energychain.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.energychain.crypto.tls.PinnedTrust;
import org.energychain.crypto.tls.SelfSignedCertificates;
import org.energychain.crypto.tls.TlsContexts;
import org.energychain.crypto.tls.TlsCredentials;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.exec.BlockExecutor;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.finality.Vote;
import org.energychain.ledger.finality.VoteCollector;
import org.energychain.ledger.finality.VoteTarget;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile peers are refused with a reason and nothing of them is applied: a peer whose certificate the genesis
 * does not pin, a vote of a node that is not a validator, a leader whose clock is off.
 */
class HostilePeersTest {
    @TempDir
    Path dir;
    LocalNetwork net;

    @AfterEach
    void close() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void aPeerWithACertificateTheGenesisDoesNotPinIsRefusedAtTheHandshake() throws Exception {
        net = new LocalNetwork(dir, 4, false, true);
        net.startAll();
        assertThat(net.awaitLeader(Duration.ofSeconds(60))).isPresent();
        // the pinned network works over mutual TLS
        Receipt ok = net.submitAt(1, net.put(0, "a=1")).receipt().get(60, TimeUnit.SECONDS);
        assertThat(ok.result().isOk()).isTrue();
        net.awaitApplied(0, ok.height(), Duration.ofSeconds(60)); // node 0's height is read below

        // a stranger with a valid, self-signed certificate of its own (it even trusts the network's certificates)
        TlsCredentials stranger = SelfSignedCertificates.generate("n1", List.of("127.0.0.1"), Instant.now(),
                Duration.ofDays(1), new SecureRandom());
        List<byte[]> pinned = new ArrayList<>();
        net.genesis.nodes().forEach(x -> pinned.add(x.tlsCertificate()));
        GrpcTlsConfig tls = new GrpcTlsConfig(TlsContexts.keyManager(stranger),
                PinnedTrust.ofDer(pinned, Clock.systemUTC(), "the network's genesis"), true);
        Parameters params = new Parameters();
        GrpcConfigKeys.TLS.setConf(params, tls);
        GrpcConfigKeys.Client.setTlsConf(params, tls);
        long height = net.chains[0].store().height();
        try (RaftClient rogue = RaftClient.newBuilder().setRaftGroup(NetworkNode.group(net.genesis))
                .setProperties(new RaftProperties()).setParameters(params)
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3,
                        org.apache.ratis.util.TimeDuration.valueOf(100, TimeUnit.MILLISECONDS))).build()) {
            var reply = rogue.async().send(Message.valueOf(ByteString.copyFromUtf8("junk")));
            Throwable failure = null;
            try {
                var r = reply.get(60, TimeUnit.SECONDS);
                assertThat(r.isSuccess()).as("a stranger's request is not taken").isFalse();
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e;
            }
            assertThat(failure == null || failure.getCause() != null).isTrue();
        }
        assertThat(net.chains[0].store().height()).isEqualTo(height);
    }

    @Test
    void aVoteOfANodeThatIsNotAValidatorIsNotCounted() throws Exception {
        net = new LocalNetwork(dir, 4);
        VoteCollector votes = new VoteCollector(net.genesis, 0);
        VoteTarget t = new VoteTarget(net.genesis.chainId(), 1, new byte[32], new byte[32], new byte[32]);
        // signed with a key that is not n0's: refused
        Vote forged = Vote.sign(t, "n0", net.group.privateKey(), net.genesis);
        assertThat(votes.add(forged, 1)).isInstanceOf(VoteCollector.Outcome.Ignored.class);
        Vote stranger = Vote.sign(t, "n9", net.group.privateKey(), net.genesis);
        assertThat(votes.add(stranger, 1)).isInstanceOfSatisfying(VoteCollector.Outcome.Ignored.class,
                i -> assertThat(i.reason()).contains("not a validator"));
        for (int i = 0; i < 3; i++) {
            VoteCollector.Outcome o = votes.add(Vote.sign(t, "n" + i, net.nodeKeys.get(i).privateKey(), net.genesis), 1);
            assertThat(o).isInstanceOf(i < 2 ? VoteCollector.Outcome.Counted.class : VoteCollector.Outcome.Certified.class);
        }
    }

    /**
     * A validator resends its votes until their height is final; the leader ignores a vote it counted already
     * before checking its signature (a copy with a broken signature gets the same answer), so a lagging leader
     * does not verify the same votes over and over. A vote for another target is still checked first: forged,
     * it is ignored as unsigned; signed, it is evidence of equivocation.
     */
    @Test
    void aVoteCountedAlreadyIsIgnoredUncheckedWhenResentAndAnotherTargetIsCheckedFirst() throws Exception {
        net = new LocalNetwork(dir, 4);
        VoteCollector votes = new VoteCollector(net.genesis, 0);
        VoteTarget t = new VoteTarget(net.genesis.chainId(), 1, new byte[32], new byte[32], new byte[32]);
        Vote v0 = Vote.sign(t, "n0", net.nodeKeys.get(0).privateKey(), net.genesis);
        assertThat(votes.add(v0, 1)).isInstanceOf(VoteCollector.Outcome.Counted.class);
        assertThat(votes.add(v0, 1)).isInstanceOfSatisfying(VoteCollector.Outcome.Ignored.class,
                i -> assertThat(i.reason()).isEqualTo("a second vote of n0 at 1"));
        byte[] broken = v0.signature();
        broken[0] ^= 1;
        assertThat(votes.add(new Vote(t, "n0", broken), 1)).isInstanceOfSatisfying(VoteCollector.Outcome.Ignored.class,
                i -> assertThat(i.reason()).isEqualTo("a second vote of n0 at 1"));

        byte[] otherHash = new byte[32];
        otherHash[0] = 1;
        VoteTarget other = new VoteTarget(net.genesis.chainId(), 1, otherHash, new byte[32], new byte[32]);
        assertThat(votes.add(Vote.sign(other, "n0", net.group.privateKey(), net.genesis), 1))
                .isInstanceOfSatisfying(VoteCollector.Outcome.Ignored.class,
                        i -> assertThat(i.reason()).contains("is not signed by its consensus key"));
        assertThat(votes.add(Vote.sign(other, "n0", net.nodeKeys.get(0).privateKey(), net.genesis), 1))
                .isInstanceOf(VoteCollector.Outcome.Equivocation.class);
        // the two other validators' votes for the first target still make the certificate
        assertThat(votes.add(Vote.sign(t, "n1", net.nodeKeys.get(1).privateKey(), net.genesis), 1))
                .isInstanceOf(VoteCollector.Outcome.Counted.class);
        assertThat(votes.add(Vote.sign(t, "n2", net.nodeKeys.get(2).privateKey(), net.genesis), 1))
                .isInstanceOf(VoteCollector.Outcome.Certified.class);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {3600, -3600})
    void aLeaderWhoseClockIsOffGetsItsBlocksImportedButNeverFinal(long offSeconds) throws Exception {
        net = new LocalNetwork(dir, 4);
        net.maxSkew = Duration.ofSeconds(2);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        long finalBefore = net.replica(leader).finalHeight();
        ChainStore store = net.chains[leader].store();
        // the leader's blocks carry a time an hour ahead of (behind) everyone's clock (re-executed, re-signed: valid)
        net.replica(leader).faults().proposal = b -> {
            BlockHeader h = b.header();
            BlockHeader prev = h.height() == 1 ? null : store.block(h.height() - 1).orElseThrow().header();
            byte[] prevState = prev == null ? WriteSet.initialRoot(net.suite.hash(), net.genesis.hash()) : prev.stateRoot();
            return new BlockExecutor(net.genesis, net.contracts).execute(store, h.height(), h.previousHash(), prevState,
                    h.time().plusSeconds(offSeconds), h.proposer(), net.nodeKeys.get(leader).privateKey(), b.transactions())
                    .block();
        };
        Receipt r = net.submitAt(leader, net.put(0, "late=1")).receipt().get(60, TimeUnit.SECONDS);
        for (int i = 0; i < 4; i++) {
            long h = r.height();
            for (int t = 0; t < 300 && net.chains[i].store().height() < h; t++) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(net.chains[i].store().height()).as("imported on node " + i).isGreaterThanOrEqualTo(h);
        }
        assertThat(net.replica((leader + 1) % 4).awaitFinal(r.height(), Duration.ofSeconds(8)))
                .as("no honest validator votes for a block an hour off").isFalse();
        assertThat(net.replica((leader + 1) % 4).finalHeight()).isEqualTo(finalBefore);
    }
}
