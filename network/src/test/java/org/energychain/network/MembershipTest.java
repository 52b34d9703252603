package org.energychain.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.governance.RosterChange;
import org.energychain.ledger.governance.ValidatorsContract;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.verify.ChainVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator is added and another removed by governance transactions on a running network of four
 * validators with mutual TLS: the new node, started before it is added, joins as a listener, catches up,
 * is pinned and becomes a voting member of the Raft group, and its signatures make certificates; the
 * removed node leaves the group and certificates go on forming without it; every node's chain, including
 * the blocks the removed validator signed, verifies. Every wait is bounded.
 */
class MembershipTest {
    @TempDir
    Path dir;
    LocalNetwork net;
    long nonce;

    @AfterEach
    void close() {
        if (net != null) {
            net.close();
        }
    }

    private Receipt commit(Transaction tx) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            for (int i = 1; i < 4; i++) {
                if (net.nodes[i] == null) {
                    continue;
                }
                try {
                    Submission s = net.submitAt(i, tx);
                    if (s.accepted()) {
                        return s.receipt().get(20, TimeUnit.SECONDS);
                    }
                } catch (java.io.IOException | java.util.concurrent.ExecutionException
                        | java.util.concurrent.TimeoutException e) {
                    // that node or its leader is busy: another
                }
            }
        }
        throw new AssertionError("no node committed " + tx);
    }

    private Transaction governance(String method, byte[] args) {
        return Transaction.sign(net.genesis.chainId(), "g1", nonce++, ValidatorsContract.NAME, method, args,
                net.suite.signatures(), net.group.privateKey());
    }

    private long finalWith(int node, String signer, long above) {
        var store = net.chains[node].store();
        for (long h = store.certifiedHeight(); h > above; h--) {
            var raw = store.certificate(h);
            if (raw.isPresent() && FinalityCertificate.decode(raw.get(), 32).signatures().stream()
                    .anyMatch(s -> s.node().equals(signer))) {
                return h;
            }
        }
        return 0;
    }

    @Test
    void aValidatorIsAddedAndAnotherRemovedByGovernanceWhileTheChainGoesOnFinalising() throws Exception {
        net = new LocalNetwork(dir, 4, 1, false, true);
        net.startAll();
        assertThat(net.awaitLeader(Duration.ofSeconds(30))).isPresent();
        for (int i = 0; i < 5; i++) {
            assertThat(commit(net.put(nonce++, "before" + i + "=x")).result().isOk()).isTrue();
        }
        // the new node starts before the validators add it: it listens and waits
        net.start(4);
        assertThat(net.replica(4).chain().rosterNext().node("n4")).isEmpty();

        Receipt added = commit(governance(ValidatorsContract.PROPOSE,
                RosterChange.add(net.spares.get(0), 1).encode()));
        // g1 runs three of the four validators: more than two thirds, enacted at once
        assertThat(added.result().isOk()).as(added.result().message()).isTrue();
        long addedAt = added.height();
        LocalNetwork.await("n4 to sign a certificate", Duration.ofSeconds(90), () -> {
            try {
                commit(net.put(nonce++, "k" + nonce + "=v"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return net.chains[4].store().height() > addedAt && finalWith(1, "n4", addedAt) > 0;
        });
        int leader = net.awaitLeader(Duration.ofSeconds(30)).orElseThrow();
        LocalNetwork.await("the Raft group to have n4 voting", Duration.ofSeconds(60),
                () -> net.replica(leader).raftVoters().contains("n4"));

        Receipt removed = commit(governance(ValidatorsContract.PROPOSE, RosterChange.remove("n0").encode()));
        assertThat(removed.result().isOk()).as(removed.result().message()).isTrue();
        long removedAt = removed.height();
        List<Long> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            after.add(commit(net.put(nonce++, "after" + i + "=y")).height());
        }
        long last = after.get(after.size() - 1);
        for (int i = 1; i <= 4; i++) {
            int node = i;
            LocalNetwork.await("node " + node + " to finalise height " + last, Duration.ofSeconds(60),
                    () -> net.chains[node].store().certifiedHeight() >= last);
        }
        // no certificate after the removal carries n0, and each is valid for the roster of its height only
        var store = net.chains[1].store();
        for (long h = removedAt + 1; h <= store.certifiedHeight(); h++) {
            var raw = store.certificate(h);
            if (raw.isPresent()) {
                FinalityCertificate c = FinalityCertificate.decode(raw.get(), 32);
                assertThat(c.signatures()).noneMatch(s -> s.node().equals("n0"));
                assertThat(c.problem(net.genesis, net.chains[1].rosterAt(h))).isEmpty();
            }
        }
        int now = net.awaitLeader(Duration.ofSeconds(30)).orElseThrow();
        LocalNetwork.await("the Raft group to drop n0", Duration.ofSeconds(60),
                () -> !net.replica(now).raftVoters().contains("n0"));
        for (int i = 1; i <= 4; i++) {
            ChainVerifier.Report r = new ChainVerifier(net.contracts).verify(net.chains[i].store());
            assertThat(r.ok()).as("node " + i + ": " + r.message()).isTrue();
            assertThat(r.finalHeight()).isGreaterThanOrEqualTo(last);
        }
        // blocks n0 proposed or certified before its removal still verify on its own replica too
        ChainVerifier.Report old = new ChainVerifier(net.contracts).verify(net.chains[0].store());
        assertThat(old.ok()).as(old.message()).isTrue();
    }
}
