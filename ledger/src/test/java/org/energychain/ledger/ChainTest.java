package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainTest {

    static Chain chain(String suite, int maxBlockTxs) {
        TestNetwork net = new TestNetwork(CryptoSuites.byName(suite), maxBlockTxs);
        return net.chain(new InMemoryChainStore(net.genesis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519", "sm3-sm2"})
    void aSignedTransactionIsCommittedWithItsResultAndChangesState(String suite) throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.byName(suite), 10);
        Chain chain = net.chain(new InMemoryChainStore(net.genesis));
        Submission s = chain.submit(net.tx("g1", net.group, 0, "put", "a=1"));
        assertThat(s.accepted()).as(String.valueOf(s.rejection())).isTrue();
        Block b = chain.cutBlock().orElseThrow();
        assertThat(b.height()).isEqualTo(1);
        assertThat(b.header().previousHash()).isEqualTo(net.genesis.hash());
        Receipt r = s.receipt().get();
        assertThat(r.result().isOk()).isTrue();
        assertThat(r.result().events()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("put"));
        assertThat(chain.query("kv", "get", "a".getBytes(StandardCharsets.UTF_8), net.genesis.member("reg").orElseThrow()))
                .isEqualTo("1".getBytes(StandardCharsets.UTF_8));
        assertThat(chain.receipt(org.energychain.crypto.Hex.decode(s.txId()))).contains(r);
        assertThat(net.suite.signatures().verify(net.node.publicKey(), b.header().encode(), b.signature())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519", "sm3-sm2"})
    void badTransactionsAreRejectedWithAReasonAndNeverReachABlock(String suite) {
        TestNetwork net = new TestNetwork(CryptoSuites.byName(suite), 10);
        Chain chain = net.chain(new InMemoryChainStore(net.genesis));
        Transaction good = net.tx("g1", net.group, 0, "put", "a=1");
        assertThat(reason(chain.submit(good.withSignature(new byte[0])))).isEqualTo(Rejection.Reason.BAD_SIGNATURE);
        assertThat(reason(chain.submit(net.tx("g1", net.outsider, 0, "put", "a=1")))).isEqualTo(Rejection.Reason.BAD_SIGNATURE);
        assertThat(reason(chain.submit(net.tx("nobody", net.outsider, 0, "put", "a=1")))).isEqualTo(Rejection.Reason.UNKNOWN_SENDER);
        assertThat(reason(chain.submit(net.tx("reg", net.regulator, 0, "put", "a=1")))).isEqualTo(Rejection.Reason.UNAUTHORISED);
        assertThat(reason(chain.submit(net.tx("g1", net.group, 0, "get", "a")))).isEqualTo(Rejection.Reason.UNKNOWN_METHOD);
        assertThat(reason(chain.submit(net.tx("g1", net.group, 0, "put", "x=" + "y".repeat(5000))))).isEqualTo(Rejection.Reason.OVERSIZED);
        Transaction other = Transaction.sign("other-chain", "g1", 0, "kv", "put", new byte[] {1}, net.suite.signatures(),
                net.group.privateKey());
        assertThat(reason(chain.submit(other))).isEqualTo(Rejection.Reason.WRONG_CHAIN);
        assertThat(chain.cutBlock()).isEmpty();

        Submission first = chain.submit(good);
        assertThat(first.accepted()).isTrue();
        // the same signed transaction again (a retry) is one entry with one receipt for both callers
        Submission again = chain.submit(good);
        assertThat(again.accepted()).isTrue();
        assertThat(again.receipt()).isSameAs(first.receipt());
        assertThat(chain.pending()).isEqualTo(1);
        assertThat(chain.cutBlock()).isPresent();
        assertThat(first.receipt()).isCompleted();
        assertThat(reason(chain.submit(good))).isEqualTo(Rejection.Reason.REPLAYED);
        assertThat(reason(chain.submit(net.tx("g1", net.group, 0, "put", "a=2")))).isEqualTo(Rejection.Reason.REPLAYED);
        assertThat(chain.store().height()).isEqualTo(1);
    }

    @Test
    void aTransactionThePoolDropsIsSettledAndCanBeSentAgain() throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);
        Chain chain = new Chain(net.genesis, new InMemoryChainStore(net.genesis), net.contracts, "n1",
                net.node.privateKey(), java.time.Clock.fixed(TestNetwork.T0.plusSeconds(60), java.time.ZoneOffset.UTC),
                new org.energychain.ledger.mempool.MempoolLimits(100, 50, 10, 20, 120_000, 2));
        Transaction gapped = net.tx("g1", net.group, 1, "put", "b=1");
        Submission waiting = chain.submit(gapped);
        assertThat(waiting.accepted()).isTrue();
        for (int n = 0; n < 3; n++) {
            assertThat(chain.submit(net.tx("reg", net.regulator, n, "fail", "block " + n)).accepted()).isTrue();
            assertThat(chain.cutBlock()).isPresent();
        }
        // kept two blocks, then dropped: whoever waits learns it (before, the wait never ended)
        assertThat(waiting.receipt()).isCompletedExceptionally();
        assertThatThrownBy(() -> waiting.receipt().get()).hasMessageContaining("nonce 1 of g1");
        // sent again once its gap is filled, it is admitted afresh and committed (before, the stale entry answered)
        assertThat(chain.submit(net.tx("g1", net.group, 0, "put", "a=1")).accepted()).isTrue();
        Submission again = chain.submit(gapped);
        assertThat(again.accepted()).isTrue();
        assertThat(chain.cutBlock()).isPresent();
        assertThat(again.receipt().get().result().isOk()).isTrue();

        // a pending transaction whose nonce another transaction of the sender took is settled too
        Transaction loser = net.tx("g1", net.group, 2, "put", "c=1");
        Submission lost = chain.submit(loser);
        Block elsewhere = chain.propose().orElseThrow().block();
        assertThat(elsewhere.transactions()).containsExactly(loser);
        // (the same nonce in another transaction committed through another node's block is the case in a network;
        // here the pool sees its own block commit it, and the receipt completes)
        chain.importBlock(chain.validate(elsewhere));
        assertThat(lost.receipt().get().height()).isEqualTo(elsewhere.height());
    }

    @Test
    void aReplayIsRefusedBeforeItsSignatureIsVerified() {
        // a follower hands its waiting transactions to the leader again, some already committed there: each must
        // cost a look-up, not a verification (a retry of a pending one is answered from the pending entry)
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);
        Chain chain = net.chain(new InMemoryChainStore(net.genesis));
        Transaction tx = net.tx("g1", net.group, 0, "put", "a=1");
        Submission first = chain.submit(tx);
        assertThat(chain.submit(Transaction.decode(tx.encode())).receipt()).isSameAs(first.receipt());
        assertThat(chain.cutBlock()).isPresent();
        assertThat(reason(chain.submit(Transaction.decode(tx.encode())))).isEqualTo(Rejection.Reason.REPLAYED);
        // a committed nonce under a signature that does not even verify: refused as the replay it is, unverified
        assertThat(reason(chain.submit(tx.withSignature(new byte[64])))).isEqualTo(Rejection.Reason.REPLAYED);
        // a fresh nonce with a bad signature is still refused for its signature
        assertThat(reason(chain.submit(net.tx("g1", net.group, 1, "put", "a=2").withSignature(new byte[64]))))
                .isEqualTo(Rejection.Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519"})
    void aContractRefusalIsRecordedConsumesTheNonceAndLeavesStateUnchanged(String suite) throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.byName(suite), 10);
        Chain chain = net.chain(new InMemoryChainStore(net.genesis));
        Submission fail = chain.submit(net.tx("reg", net.regulator, 0, "fail", "because"));
        Submission next = chain.submit(net.tx("reg", net.regulator, 1, "fail", "again"));
        assertThat(chain.cutBlock()).isPresent();
        assertThat(fail.receipt().get().result().code()).isEqualTo(101);
        assertThat(fail.receipt().get().result().message()).isEqualTo("refused: because");
        assertThat(next.receipt().get().height()).isEqualTo(1);
        assertThat(chain.store().get("kv/should-not-stay")).isNull();
        assertThat(reason(chain.submit(net.tx("reg", net.regulator, 1, "fail", "replay")))).isEqualTo(Rejection.Reason.REPLAYED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256-ed25519"})
    void blocksAreCutAtTheSizeLimitInNonceOrderAndLinkUp(String suite) throws Exception {
        TestNetwork net = new TestNetwork(CryptoSuites.byName(suite), 3);
        Chain chain = net.chain(new InMemoryChainStore(net.genesis));
        // submitted out of order: nonce 1 waits for nonce 0
        assertThat(chain.submit(net.tx("g1", net.group, 1, "put", "b=2")).accepted()).isTrue();
        assertThat(chain.cutBlock()).isEmpty();
        for (int n : new int[] {0, 2, 3, 4}) {
            assertThat(chain.submit(net.tx("g1", net.group, n, "put", "k" + n + "=" + n)).accepted()).isTrue();
        }
        Block b1 = chain.cutBlock().orElseThrow();
        Block b2 = chain.cutBlock().orElseThrow();
        assertThat(b1.transactions()).extracting(Transaction::nonce).containsExactly(0L, 1L, 2L);
        assertThat(b2.transactions()).extracting(Transaction::nonce).containsExactly(3L, 4L);
        assertThat(MessageDigest.isEqual(b2.header().previousHash(), b1.header().hash(net.suite.hash()))).isTrue();
        assertThat(chain.pending()).isZero();
    }

    static Rejection.Reason reason(Submission s) {
        return s.accepted() ? null : s.rejection().reason();
    }
}
