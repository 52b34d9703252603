package org.energychain.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.testkit.SteppedClock;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chain on four validators in one JVM, over real Ratis on loopback: one history, re-executed, certified. */
class ReplicationTest {
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
    void transactionsSentToAnyNodeEndInOneCertifiedHistoryOnEveryNode() throws Exception {
        net = new LocalNetwork(dir, 4);
        net.startAll();
        assertThat(net.awaitLeader(Duration.ofSeconds(60))).isPresent();
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            subs.add(net.submitAt(i % 4, net.put(i, "k" + i + "=v" + i)));
        }
        long top = 0;
        for (Submission s : subs) {
            assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
            Receipt r = s.receipt().get(60, TimeUnit.SECONDS);
            assertThat(r.result().isOk()).isTrue();
            top = Math.max(top, r.height());
        }
        for (int i = 0; i < 4; i++) {
            assertThat(net.replica(i).awaitFinal(top, Duration.ofSeconds(60))).as("node " + i + " final at " + top)
                    .isTrue();
        }
        Block[] tops = new Block[4];
        for (int i = 0; i < 4; i++) {
            tops[i] = net.chains[i].store().block(top).orElseThrow();
            byte[] cert = net.chains[i].store().certificate(net.chains[i].store().certifiedHeight()).orElseThrow();
            FinalityCertificate c = FinalityCertificate.decode(cert, 32);
            assertThat(c.problem(net.genesis)).isEmpty();
        }
        for (int i = 1; i < 4; i++) {
            assertThat(Arrays.equals(tops[i].encode(), tops[0].encode())).as("node " + i + " has node 0's block " + top)
                    .isTrue();
        }
        assertThat(net.chains[2].store().get("kv/k39")).isEqualTo("v39".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A follower's hand-over that reaches the leader after its transaction is committed (the Raft client resends
     * a request when leadership moves) is not a replay of someone else's: the leader answers DUPLICATE, so the
     * follower keeps the submission it accepted. Another transaction with a used nonce is still a replay.
     */
    @Test
    void aForwardOfTheVeryTransactionAlreadyCommittedIsADuplicateNotAReplay() throws Exception {
        net = new LocalNetwork(dir, 4);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        int follower = (leader + 1) % 4;
        Transaction tx = net.put(0, "a=1");
        Submission s = net.chains[leader].submit(tx);
        assertThat(s.accepted()).isTrue();
        long h = s.receipt().get(60, TimeUnit.SECONDS).height();
        net.awaitApplied(follower, h, Duration.ofSeconds(60));

        List<SubmitRequest.Answer> again = net.replica(follower).forward(List.of(tx));
        assertThat(again).hasSize(1);
        assertThat(again.get(0).reason()).isEqualTo("DUPLICATE");
        assertThat(again.get(0).message()).contains("committed already, at height " + h);

        List<SubmitRequest.Answer> other = net.replica(follower).forward(List.of(net.put(0, "a=2")));
        assertThat(other.get(0).reason()).isEqualTo("REPLAYED");
    }

    /**
     * A transaction whose hand-over to the leader was lost waits in the follower's pool; the follower hands it
     * over again once it has waited three seconds (chain clock), but not while the follower has not applied what
     * was committed: then it may be in a block this node has not applied yet, and under load a lagging follower
     * would hand its whole backlog over again every round.
     */
    @Test
    void aLostHandOverGoesAgainOnceTheFollowerHasAppliedWhatWasCommittedNotWhileItIsBehind() throws Exception {
        net = new LocalNetwork(dir, 4);
        SteppedClock clock = new SteppedClock();
        net.clock = clock;
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        int follower = (leader + 1) % 4;
        ReplicatedChain f = net.replica(follower);

        f.faults().holdApply = true;
        try {
            holdsBackWhileBehind(f, leader, follower, clock);
        } finally {
            f.faults().holdApply = false; // a held node would never close
        }
    }

    private void holdsBackWhileBehind(ReplicatedChain f, int leader, int follower, SteppedClock clock)
            throws Exception {
        long h = net.chains[leader].submit(net.put(0, "a=1")).receipt().get(60, TimeUnit.SECONDS).height();
        // from the first round that knows of that commit on, the follower is behind at every round
        LocalNetwork.await("a round that finds the follower behind", Duration.ofSeconds(60),
                () -> f.resent().deferredRounds() >= 1);
        // only in the follower's pool: admitted there, its hand-over lost
        Transaction lost = net.put(1, 0, "b=2");
        Submission s = net.chains[follower].submit(lost);
        assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
        clock.advance(Duration.ofSeconds(4));
        long deferred = f.resent().deferredRounds();
        LocalNetwork.await("two more rounds with the follower behind", Duration.ofSeconds(60),
                () -> f.resent().deferredRounds() >= deferred + 2);
        assertThat(f.resent().transactions()).isZero();
        assertThat(net.chains[leader].pending()).isZero();
        assertThat(net.chains[leader].store().locate(lost.id(net.genesis.cryptoSuite().hash()))).isEmpty();

        f.faults().holdApply = false;
        net.awaitApplied(follower, h, Duration.ofSeconds(60));
        Receipt r = s.receipt().get(60, TimeUnit.SECONDS);
        assertThat(r.result().isOk()).isTrue();
        assertThat(f.resent().transactions()).isPositive();
        assertThat(net.chains[leader].store().locate(lost.id(net.genesis.cryptoSuite().hash()))).isPresent();
    }

    /**
     * A follower whose application is held back (as under load) verifies the signatures of the blocks in its log
     * meanwhile, once each; applying them later does not verify them again, and it imports the same blocks.
     */
    @Test
    void aFollowerBehindVerifiesTheBlocksInItsLogBeforeApplyingThem() throws Exception {
        net = new LocalNetwork(dir, 4);
        net.startAll();
        int leader = net.awaitLeader(Duration.ofSeconds(60)).orElseThrow();
        int follower = (leader + 1) % 4;
        ReplicatedChain f = net.replica(follower);
        long before = net.chains[follower].store().height();
        f.faults().holdApply = true;
        List<Submission> subs = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                subs.add(net.chains[leader].submit(net.put(i, "k" + i + "=v")));
            }
            long top = 0;
            for (Submission s : subs) {
                top = Math.max(top, s.receipt().get(60, TimeUnit.SECONDS).height());
            }
            // all twenty were sent to the leader only: the follower verifies each once, while it applies nothing
            LocalNetwork.await("the follower verifying the 20 signatures ahead", Duration.ofSeconds(60),
                    () -> f.verifiedAhead().signatures() == 20);
            assertThat(net.chains[follower].store().height()).isEqualTo(before);
            assertThat(net.chains[follower].verifiedAheadCount()).isEqualTo(20);
            assertThat(net.replica(leader).verifiedAhead().signatures()).as("the leader's blocks are its own").isZero();

            f.faults().holdApply = false;
            net.awaitApplied(follower, top, Duration.ofSeconds(60));
            assertThat(Arrays.equals(net.chains[follower].store().block(top).orElseThrow().encode(),
                    net.chains[leader].store().block(top).orElseThrow().encode())).isTrue();
            // validation used what was verified ahead, and nothing was verified twice
            assertThat(net.chains[follower].verifiedAheadCount()).isZero();
            assertThat(f.verifiedAhead().signatures()).isEqualTo(20);
        } finally {
            f.faults().holdApply = false; // a held node would never close
        }
    }
}
