package org.energychain.ledger.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.Chain;
import org.energychain.ledger.TestNetwork;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.store.InMemoryChainStore;
import org.junit.jupiter.api.Test;

class SoloOrdererTest {
    @Test
    void nothingExecutableMeansNoBlockIsDueHoweverOldThePoolIs() {
        // the old orderer counted a gapped transaction's age and spun: due, but nothing to cut
        SoloOrderer.Step s = SoloOrderer.next(0, -1, 1_000_000, 100, 200);
        assertThat(s.cut()).isFalse();
        assertThat(s.waitMillis()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBlockIsDueWhenFullOrWhenTheOldestExecutableTransactionWaitedTheInterval() {
        assertThat(SoloOrderer.next(100, 990, 1_000, 100, 200).cut()).isTrue();
        assertThat(SoloOrderer.next(1, 800, 1_000, 100, 200).cut()).isTrue();
        SoloOrderer.Step wait = SoloOrderer.next(1, 900, 1_000, 100, 200);
        assertThat(wait.cut()).isFalse();
        assertThat(wait.waitMillis()).isEqualTo(100);
    }

    @Test
    void aGappedTransactionLeavesTheChainWithNothingReady() {
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);
        Chain chain = net.chain(new InMemoryChainStore(net.genesis));
        assertThat(chain.submit(net.tx("g1", net.group, 5, "put", "a=1")).accepted()).isTrue();
        assertThat(chain.pending()).isEqualTo(1);
        assertThat(chain.readyCount()).isZero();
        assertThat(chain.oldestReadyMillis()).isEqualTo(-1);
        assertThat(chain.cutBlock()).isEmpty();
    }

    @Test
    void aChainWithSeveralValidatorsIsRefused() {
        TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 10);
        Genesis g = net.genesis;
        Genesis two = new Genesis(g.chainId(), g.suite(), g.isPrivate(), g.time(), g.members(),
                List.of(TestNetwork.soloNode("n1", "g1", net.node), TestNetwork.soloNode("n2", "reg", net.regulator)),
                List.of(new Validator("n1", 1), new Validator("n2", 1)), g.contracts(), g.limits());
        Chain chain = new Chain(two, new InMemoryChainStore(two), net.contracts, "n1", net.node.privateKey(),
                java.time.Clock.systemUTC());
        assertThatThrownBy(() -> new SoloOrderer(chain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 validators").hasMessageContaining("fork");
    }
}
