package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;
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
