package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/** Storage errors stop the chain with a reason; they are never written into a block; the chain resumes after. */
class ChainStorageFailureTest {
    private final TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);
    private final FaultyStore store = new FaultyStore(new InMemoryChainStore(net.genesis));
    private final Chain chain = net.chain(store);

    @Test
    void aReadErrorDuringExecutionHaltsTheChainInsteadOfBecomingAResult() throws Exception {
        Submission s = chain.submit(net.tx("g1", net.group, 0, "put", "a=1"));
        store.failReadsUnder = "_nonce/";
        assertThatThrownBy(chain::cutBlock).isInstanceOf(StorageException.class);
        assertThat(store.height()).as("no block recorded the fault").isZero();
        assertThat(chain.health().isOk()).isFalse();
        assertThat(chain.health().reason()).contains("storage failure");
        Submission refused = chain.submit(net.tx("g1", net.group, 1, "put", "b=2"));
        assertThat(refused.rejection().reason()).isEqualTo(Rejection.Reason.UNAVAILABLE);
        assertThat(refused.rejection().message()).contains("halted");

        store.failReadsUnder = null;
        Block b = chain.cutBlock().orElseThrow();
        assertThat(chain.health().isOk()).isTrue();
        Receipt r = s.receipt().get(5, TimeUnit.SECONDS);
        assertThat(r.result().isOk()).isTrue();
        assertThat(b.results()).allSatisfy(res -> assertThat(res.isOk()).isTrue());
    }

    @Test
    void aReadErrorAContractSwallowsStillHaltsTheChain() {
        chain.submit(net.tx("reg", net.regulator, 0, "careful-read", "a"));
        store.failReadsUnder = "kv/";
        assertThatThrownBy(chain::cutBlock).isInstanceOf(StorageException.class);
        assertThat(store.height()).isZero();
        assertThat(chain.health().isOk()).isFalse();
        store.failReadsUnder = null;
        Block b = chain.cutBlock().orElseThrow();
        assertThat(b.results()).singleElement().satisfies(r -> assertThat(r.isOk()).isTrue());
    }

    @Test
    void aCommitErrorIsReportedRefusesSubmissionsAndTheChainResumesWhenTheDiskWorks() throws Exception {
        Submission s = chain.submit(net.tx("g1", net.group, 0, "put", "a=1"));
        store.failCommits = true;
        assertThatThrownBy(chain::cutBlock).isInstanceOf(StorageException.class);
        assertThat(chain.health().status()).isEqualTo(ChainHealth.Status.HALTED);
        assertThat(s.receipt()).isNotDone();
        assertThat(chain.submit(net.tx("reg", net.regulator, 0, "fail", "x")).rejection().reason())
                .isEqualTo(Rejection.Reason.UNAVAILABLE);
        assertThatThrownBy(chain::probe).isInstanceOf(StorageException.class);

        store.failCommits = false;
        chain.probe();
        assertThat(chain.health().isOk()).isTrue();
        assertThat(chain.cutBlock()).isPresent();
        assertThat(s.receipt().get(5, TimeUnit.SECONDS).height()).isEqualTo(1);
        Transaction next = net.tx("g1", net.group, 1, "put", "b=2");
        assertThat(chain.submit(next).accepted()).isTrue();
    }
}
