package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Submissions racing with block commits never leave a transaction behind a nonce gap that does not exist:
 * each sender's last transaction is committed too. (The sender's committed nonce used to be read before the
 * pool's lock; a block committed in between made the pool queue the next nonce as gapped.)
 */
class AdmissionRaceTest {
    @Test
    void everyTransactionOfEverySenderIsCommittedWhileBlocksAreCutConcurrently() throws Exception {
        CryptoSuite suite = CryptoSuites.SHA256_ED25519;
        SecureRandom rnd = new SecureRandom();
        int senders = 8;
        int perSender = 400;
        List<KeyPair> keys = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            keys.add(suite.signatures().generateKeyPair(rnd));
            members.add(new Member("s" + i, Set.of("writer"), keys.get(i).publicKey()));
        }
        KeyPair node = suite.signatures().generateKeyPair(rnd);
        Genesis g = new Genesis("race", suite.name(), false, TestNetwork.T0, members,
                List.of(NodeInfo.solo("n1", "s0", node.publicKey())), List.of(new Validator("n1", 1)), List.of("kv"),
                new ChainLimits(3, 1 << 20, 4096, 50_000, Duration.ofMillis(50)));
        Chain chain = new Chain(g, new InMemoryChainStore(g), new TestNetwork(suite, 3).contracts, "n1", node.privateKey(),
                Clock.systemUTC());
        // signed up front, so that submission and block cutting interleave as tightly as they can
        List<List<Transaction>> txs = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            List<Transaction> mine = new ArrayList<>();
            for (int n = 0; n < perSender; n++) {
                mine.add(Transaction.sign("race", "s" + i, n, "kv", "put", ("k" + n + "=" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        suite.signatures(), keys.get(i).privateKey()));
            }
            txs.add(mine);
        }
        AtomicBoolean submitting = new AtomicBoolean(true);
        Thread cutter = new Thread(() -> {
            while (submitting.get()) {
                chain.cutBlock();
            }
        });
        cutter.start();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<CompletableFuture<Receipt>> receipts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            List<Transaction> mine = txs.get(i);
            work.add(pool.submit(() -> {
                for (Transaction t : mine) {
                    Submission s = chain.submit(t);
                    if (!s.accepted()) {
                        throw new AssertionError(s.rejection().message());
                    }
                    receipts.add(s.receipt());
                }
            }));
        }
        for (var w : work) {
            w.get(120, TimeUnit.SECONDS);
        }
        submitting.set(false);
        cutter.join(60_000);
        pool.shutdown();
        for (int i = 0; i < senders * perSender && chain.readyCount() > 0; i++) {
            chain.cutBlock();
        }
        assertThat(chain.pending()).as("nothing left behind a gap that does not exist").isZero();
        assertThat(receipts).hasSize(senders * perSender).allSatisfy(f -> assertThat(f).isCompleted());
    }
}
