package org.energychain.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.energychain.crypto.Hex;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.exec.BlockExecutor;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.finality.Vote;
import org.energychain.ledger.finality.VoteTarget;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and Byzantine faults on a chain of four validators (in one JVM, real Ratis on loopback, RocksDB
 * stores): a killed leader, a node restarted behind, a validator that signs a wrong state root, a leader
 * that orders a forged transaction. Every wait is bounded.
 */
class FaultToleranceTest {
    @TempDir
    Path dir;
    LocalNetwork net;

    @AfterEach
    void close() {
        if (net != null) {
            net.close();
        }
    }

    /** Sends tx to live nodes (starting at {@code first}) until one gives its receipt; null if none within the time. */
    private Receipt submitUntilCommitted(Transaction tx, int first, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        int i = first;
        while (System.nanoTime() < end) {
            int n = i++ % net.nodes.length;
            if (net.nodes[n] == null) {
                continue;
            }
            try {
                Submission s = net.submitAt(n, tx);
                if (!s.accepted()) {
                    // already committed (a replay of an acknowledged transaction): look it up
                    var r = net.chains[n].receipt(Hex.decode(s.txId()));
                    if (r.isPresent()) {
                        return r.get();
                    }
                    continue;
                }
                return s.receipt().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | java.io.IOException | java.util.concurrent.ExecutionException e) {
                // the node or its leader is gone: the next one
            }
        }
        return null;
    }

    private void assertSameHistory(int... live) {
        long height = net.chains[live[0]].store().height();
        for (int i : live) {
            assertThat(net.chains[i].store().height()).as("node " + i + " height").isEqualTo(height);
        }
        for (long h = 1; h <= height; h++) {
            byte[] first = net.chains[live[0]].store().block(h).orElseThrow().encode();
            for (int i : live) {
                assertThat(Arrays.equals(net.chains[i].store().block(h).orElseThrow().encode(), first))
                        .as("node " + i + " block " + h).isTrue();
            }
        }
    }

    private void awaitHeight(int node, long height) throws InterruptedException {
        for (int i = 0; i < 600 && net.chains[node].store().height() < height; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    @Test
    void killingTheLeaderUnderLoadLosesNothingAcknowledgedAndANewLeaderGoesOn() throws Exception {
        net = new LocalNetwork(dir, 4, true);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int sender = s;
            work.add(senders.submit(() -> {
                for (long nonce = 0; nonce < 25; nonce++) {
                    Transaction tx = net.put(sender, nonce, "s" + sender + "-" + nonce + "=x");
                    Receipt r = submitUntilCommitted(tx, sender + 1, Duration.ofSeconds(60));
                    if (r == null) {
                        throw new AssertionError("no node committed " + tx.sender() + "/" + tx.nonce());
                    }
                    acked.put(r.txId(), r.height());
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        while (done.get() < 50) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        net.stop(leader);
        for (Future<?> f : work) {
            f.get(180, TimeUnit.SECONDS);
        }
        senders.shutdown();
        int[] live = java.util.stream.IntStream.range(0, 4).filter(i -> i != leader).toArray();
        int newLeader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        assertThat(newLeader).isNotEqualTo(leader);
        long top = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        for (int i : live) {
            awaitHeight(i, top);
        }
        assertSameHistory(live);
        for (int i : live) {
            for (Map.Entry<String, Long> e : acked.entrySet()) {
                var loc = net.chains[i].store().locate(Hex.decode(e.getKey()));
                assertThat(loc).as("node " + i + " has acknowledged tx " + e.getKey()).isPresent();
                assertThat(loc.get().height()).isEqualTo(e.getValue());
            }
        }
        assertThat(acked).hasSize(200);
        // three of four validators still make certificates
        for (int i : live) {
            assertThat(net.replica(i).awaitFinal(top, Duration.ofSeconds(60))).as("node " + i + " final").isTrue();
        }

        // the killed node comes back on its own data and catches up
        net.start(leader);
        awaitHeight(leader, net.chains[live[0]].store().height());
        int[] all = {0, 1, 2, 3};
        assertSameHistory(all);
    }

    @Test
    void aNodeRestartedBehindTheLeadersSnapshotCatchesUpByReExecutingFetchedBlocks() throws Exception {
        net = new LocalNetwork(dir, 4, true);
        net.snapshotEvery = 32;
        net.logSegmentBytes = 64 << 10;
        net.startAll();
        assertThat(net.awaitLeader(Duration.ofSeconds(60))).isPresent();
        int down = (net.awaitLeader(Duration.ofSeconds(60)).orElseThrow() + 1) % 4;
        net.stop(down);
        long top = 0;
        for (int i = 0; i < 240; i++) {
            Receipt r = submitUntilCommitted(net.put(i % 8, i / 8, "k" + i + "=v"), down + 1, Duration.ofSeconds(60));
            assertThat(r).as("tx " + i).isNotNull();
            top = Math.max(top, r.height());
        }
        int up = (down + 1) % 4;
        assertThat(net.replica(up).awaitFinal(top, Duration.ofSeconds(60))).isTrue();
        net.start(down);
        awaitHeight(down, top);
        assertSameHistory(0, 1, 2, 3);
        assertThat(net.replica(down).fetchedBlocks()).as("caught up by fetching blocks past the purged log").isPositive();
        assertThat(net.replica(down).awaitFinal(top, Duration.ofSeconds(60))).isTrue();
    }

    /**
     * A vote caught by an outage longer than the Raft client's retries is sent again once a leader is
     * back, and the validator goes on voting: with three of four validators up, each one's vote is needed.
     * (Ratis's ordered asynchronous client, used before, fails every later request once one runs out of
     * retries: that validator never voted again and finality stopped for good.)
     */
    @Test
    void aVoteCaughtByAnOutageIsSentWhenALeaderIsBackAndTheValidatorGoesOnVoting() throws Exception {
        net = new LocalNetwork(dir, 4, true);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        int gone = (leader + 1) % 4;
        int held = (leader + 2) % 4;
        net.stop(gone);
        long first = submitUntilCommitted(net.put(0, "a=1"), leader, Duration.ofSeconds(60)).height();
        assertThat(net.replica(held).awaitFinal(first, Duration.ofSeconds(60))).isTrue();

        // the held validator executes the next block, but its vote waits; then the leader goes: no quorum
        net.replica(held).faults().holdVotes = true;
        long second = submitUntilCommitted(net.put(1, "b=1"), leader, Duration.ofSeconds(60)).height();
        awaitHeight(held, second);
        assertThat(net.chains[held].store().height()).isGreaterThanOrEqualTo(second);
        net.stop(leader);
        net.replica(held).faults().holdVotes = false;
        for (int i = 0; i < 1200 && net.replica(held).voteSendFailures() == 0; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(net.replica(held).voteSendFailures()).as("the vote found no leader to take it").isPositive();

        // the leader's node is back: the held vote and every later one count
        net.start(leader);
        long third = submitUntilCommitted(net.put(2, "c=1"), held, Duration.ofSeconds(120)).height();
        for (int i = 0; i < 4; i++) {
            if (i != gone) {
                assertThat(net.replica(i).awaitFinal(third, Duration.ofSeconds(120))).as("node " + i + " final")
                        .isTrue();
            }
        }
    }

    /**
     * Votes go to the leader, not the log, and votes that waited go together: two of four validators hold
     * their votes (so no block is final) while three blocks commit; one of them is released and sends its
     * waiting votes in fewer messages than votes; the leader forms the certificates and appends them to the
     * log, which makes every height final on every node with the same certificate. (Only one is released:
     * the other's votes would find those heights final already and rightly never be sent.)
     */
    @Test
    void votesThatWaitedGoToTheLeaderTogetherAndEveryNodeStoresTheLeadersCertificates() throws Exception {
        net = new LocalNetwork(dir, 4);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        long before = submitUntilCommitted(net.put(0, "a=0"), leader, Duration.ofSeconds(60)).height();
        for (int i = 0; i < 4; i++) {
            assertThat(net.replica(i).awaitFinal(before, Duration.ofSeconds(60))).isTrue();
        }
        int[] held = {(leader + 1) % 4, (leader + 2) % 4};
        for (int k = 0; k < 2; k++) {
            net.replica(held[k]).faults().holdVotes = true;
        }
        ReplicatedChain.VotesSent start = net.replica(held[0]).votesSent();
        long last = before;
        for (int i = 1; i <= 3; i++) {
            last = submitUntilCommitted(net.put(i, "k" + i + "=1"), leader, Duration.ofSeconds(60)).height();
        }
        for (int k = 0; k < 2; k++) {
            awaitHeight(held[k], last);
        }
        assertThat(last - before).as("three blocks").isGreaterThanOrEqualTo(3);
        assertThat(net.replica(leader).finalHeight()).as("two of four votes make nothing final").isLessThan(last);

        net.replica(held[0]).faults().holdVotes = false;
        for (int i = 0; i < 4; i++) {
            assertThat(net.replica(i).awaitFinal(last, Duration.ofSeconds(60))).as("node " + i + " final").isTrue();
        }
        ReplicatedChain.VotesSent now = net.replica(held[0]).votesSent();
        long votes = now.votes() - start.votes();
        long messages = now.messages() - start.messages();
        assertThat(votes).as("votes of node " + held[0]).isGreaterThanOrEqualTo(3);
        assertThat(messages).as("messages those votes took from node " + held[0]).isPositive().isLessThan(votes);
        net.replica(held[1]).faults().holdVotes = false;
        assertThat(net.replica(leader).certificateEntries()).as("the leader appended the certificates").isPositive();
        for (long h = before + 1; h <= last; h++) {
            java.util.Optional<byte[]> cert = net.chains[leader].store().certificate(h);
            if (cert.isEmpty()) {
                continue; // a certificate at a later height finalised this one too
            }
            for (int i = 0; i < 4; i++) {
                assertThat(net.chains[i].store().certificate(h)).as("node " + i + " certificate at " + h)
                        .hasValueSatisfying(c -> assertThat(c).isEqualTo(cert.get()));
            }
        }
        assertThat(net.chains[0].store().certificate(last)).as("certificate at " + last).isPresent();
    }

    /**
     * What a member sends the leader as votes is hostile: a vote signed with another key than the named
     * validator's, a stranger's vote, a validator's second vote and a malformed message count for nothing (two
     * validators hold their votes, so two votes are all there is); one genuine vote then makes the block final
     * on every node through the certificate the leader appends.
     */
    @Test
    void forgedStrangersRepeatedAndMalformedVotesSentToTheLeaderCountForNothing() throws Exception {
        net = new LocalNetwork(dir, 4);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        int[] held = {(leader + 1) % 4, (leader + 2) % 4};
        for (int k = 0; k < 2; k++) {
            net.replica(held[k]).faults().holdVotes = true;
        }
        int[] voting = {leader, (leader + 3) % 4};
        long[] sentBefore = {net.replica(voting[0]).votesSent().votes(), net.replica(voting[1]).votesSent().votes()};
        long h = submitUntilCommitted(net.put(0, "a=1"), leader, Duration.ofSeconds(60)).height();
        net.awaitApplied(leader, h, Duration.ofSeconds(60));
        for (int k = 0; k < 2; k++) {
            // the two validators that vote have sent their votes: the bad ones below come on top of them
            for (int i = 0; i < 1200 && net.replica(voting[k]).votesSent().votes() == sentBefore[k]; i++) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(net.replica(voting[k]).votesSent().votes()).as("votes of " + voting[k]).isGreaterThan(sentBefore[k]);
        }
        BlockHeader header = net.chains[leader].store().block(h).orElseThrow().header();
        VoteTarget t = VoteTarget.of(header, net.genesis.cryptoSuite().hash());
        ChainStateMachine sm = net.replica(leader).stateMachine();
        List<byte[]> bad = List.of(
                Vote.sign(t, "n" + held[0], net.group.privateKey(), net.genesis).encode(),
                Vote.sign(t, "n9", net.nodeKeys.get(held[1]).privateKey(), net.genesis).encode(),
                Vote.sign(t, "n" + leader, net.nodeKeys.get(leader).privateKey(), net.genesis).encode(),
                new byte[] {1, 2, 3});
        byte[] answer = sm.query(Message.valueOf(ByteString.copyFrom(VoteMessage.encode(bad))))
                .get(30, TimeUnit.SECONDS).getContent().toByteArray();
        assertThat(VoteMessage.decodeAnswer(answer)).as("votes read").isEqualTo(4);
        byte[] malformed = new org.energychain.crypto.encoding.CanonicalWriter().tag(VoteMessage.TAG).i32(1_000_000)
                .toByteArray();
        assertThat(sm.query(Message.valueOf(ByteString.copyFrom(malformed)))).isCompletedExceptionally();
        assertThat(net.replica(leader).finalHeight()).as("no certificate from bad votes").isLessThan(h);
        assertThat(net.chains[leader].store().certificate(h)).isEmpty();

        byte[] genuine = Vote.sign(t, "n" + held[0], net.nodeKeys.get(held[0]).privateKey(), net.genesis).encode();
        sm.query(Message.valueOf(ByteString.copyFrom(VoteMessage.encode(List.of(genuine))))).get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 4; i++) {
            assertThat(net.replica(i).awaitFinal(h, Duration.ofSeconds(60))).as("node " + i + " final").isTrue();
        }
        FinalityCertificate cert = FinalityCertificate.decode(net.chains[held[1]].store().certificate(h).orElseThrow(),
                32);
        assertThat(cert.target()).isEqualTo(t);
        assertThat(cert.signatures()).extracting(FinalityCertificate.Signature::node).doesNotContain("n9")
                .contains("n" + held[0]).doesNotContain("n" + held[1]);
    }

    @Test
    void aValidatorThatSignsAWrongStateRootGetsNoCertificateAndTheHonestOnesAgree() throws Exception {
        net = new LocalNetwork(dir, 4);
        net.startAll();
        assertThat(net.awaitLeader(Duration.ofSeconds(60))).isPresent();
        net.replica(3).faults().vote = t -> new VoteTarget(t.chainId(), t.height(), t.blockHash(), t.resultsRoot(),
                flip(t.stateRoot()));
        long top = 0;
        for (int i = 0; i < 10; i++) {
            top = Math.max(top, submitUntilCommitted(net.put(i, "k" + i + "=v"), 0, Duration.ofSeconds(60)).height());
        }
        for (int i = 0; i < 4; i++) {
            assertThat(net.replica(i).awaitFinal(top, Duration.ofSeconds(60))).isTrue();
            assertThat(net.chains[i].health().isOk()).isTrue();
        }
        assertSameHistory(0, 1, 2, 3);
        for (long h = 1; h <= net.chains[0].store().certifiedHeight(); h++) {
            var raw = net.chains[0].store().certificate(h);
            if (raw.isEmpty()) {
                continue;
            }
            FinalityCertificate c = FinalityCertificate.decode(raw.get(), 32);
            assertThat(c.problem(net.genesis)).isEmpty();
            assertThat(c.signatures()).extracting(FinalityCertificate.Signature::node).doesNotContain("n3");
            assertThat(c.target()).isEqualTo(VoteTarget.of(net.chains[0].store().block(h).orElseThrow().header(),
                    net.suite.hash()));
        }
    }

    @Test
    void aLeaderThatOrdersAForgedTransactionIsRefusedByEveryHonestNode() throws Exception {
        net = new LocalNetwork(dir, 4);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        ChainStore leaderStore = net.chains[leader].store();
        // the forged transaction: "reg" never signed it (the group's key did)
        Transaction forged = Transaction.sign(net.genesis.chainId(), "reg", 0, "kv", "fail", new byte[] {1},
                net.suite.signatures(), net.group.privateKey());
        net.replica(leader).faults().proposal = b -> {
            List<Transaction> txs = new ArrayList<>(b.transactions());
            txs.add(forged);
            BlockHeader h = b.header();
            BlockHeader prev = h.height() == 1 ? null : leaderStore.block(h.height() - 1).orElseThrow().header();
            byte[] prevState = prev == null ? WriteSet.initialRoot(net.suite.hash(), net.genesis.hash()) : prev.stateRoot();
            return new BlockExecutor(net.genesis, net.contracts).execute(leaderStore, h.height(), h.previousHash(),
                    prevState, h.time(), h.proposer(), net.nodeKeys.get(leader).privateKey(), txs).block();
        };
        Submission s = net.submitAt(leader, net.put(0, "a=1"));
        // every honest node applies the committed block on its own thread: wait (bounded) until each has
        for (int i = 0; i < 600 && !refusedByEveryFollower(leader); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        for (int i = 0; i < 4; i++) {
            if (i == leader) {
                continue;
            }
            assertThat(net.replica(i).refusedBlocks()).as("node " + i + " refused").isPositive();
            assertThat(net.replica(i).lastRefusal()).contains("fails admission").contains("signature");
        }
        for (int i = 0; i < 4; i++) {
            assertThat(net.chains[i].store().locate(forged.id(net.suite.hash()))).as("node " + i).isEmpty();
        }
        // the fault ends: the transaction is ordered honestly and the nodes agree
        net.replica(leader).faults().proposal = java.util.function.UnaryOperator.identity();
        Receipt r = s.receipt().get(120, TimeUnit.SECONDS);
        assertThat(r.result().isOk()).isTrue();
        for (int i = 0; i < 4; i++) {
            awaitHeight(i, r.height());
        }
        assertSameHistory(0, 1, 2, 3);
    }

    private boolean refusedByEveryFollower(int leader) {
        for (int i = 0; i < 4; i++) {
            if (i != leader && net.replica(i).refusedBlocks() == 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] flip(byte[] b) {
        byte[] c = b.clone();
        c[0] ^= 1;
        return c;
    }
}
