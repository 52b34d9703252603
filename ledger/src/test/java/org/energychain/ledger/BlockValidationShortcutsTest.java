package org.energychain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.energychain.crypto.CryptoSuites;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.exec.BlockExecutor;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.exec.InvalidBlockException;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of {@link Chain#validate}: a node's own proposal, returned by the log unchanged, is
 * imported without being executed again; a signature the node verified when it admitted those very bytes,
 * or ahead of validation ({@link Chain#verifyAhead}), is not verified again, whether it held or not. None
 * lets anything else through.
 */
class BlockValidationShortcutsTest {
    final TestNetwork net = new TestNetwork(CryptoSuites.SHA256_ED25519, 100);

    @Test
    void aNodesOwnProposalIsImportedAsExecutedAndAnotherBlockAtThatHeightIsCheckedInFull() throws Exception {
        Chain a = net.chain(new InMemoryChainStore(net.genesis));
        Chain b = net.chain(new InMemoryChainStore(net.genesis));
        a.submit(net.tx("g1", net.group, 0, "put", "k=a"));
        b.submit(net.tx("g1", net.group, 0, "put", "k=b"));
        ExecutedBlock own = a.propose().orElseThrow();
        ExecutedBlock other = b.propose().orElseThrow();

        // another block at the same height: executed here (a new result), and valid
        ExecutedBlock checked = a.validate(other.block());
        assertThat(checked).isNotSameAs(other);
        // the same bytes as proposed: the proposal's own execution
        assertThat(a.validate(Block.decode(own.block().encode(), 32))).isSameAs(own);

        a.importBlock(checked);
        // once another block filled the height, the old proposal no longer links: refused, not reused
        assertThatThrownBy(() -> a.validate(own.block())).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("the next height is 2");
    }

    @Test
    void aTransactionWhoseBytesThisNodeDidNotAdmitHasItsSignatureChecked() throws Exception {
        Chain a = net.chain(new InMemoryChainStore(net.genesis));
        Transaction admitted = net.tx("g1", net.group, 0, "put", "k=1");
        assertThat(a.submit(admitted).accepted()).isTrue();
        // the same transaction with another signature (another id): not the bytes this node verified
        byte[] sig = admitted.signature();
        sig[0] ^= 1;
        Transaction forged = admitted.withSignature(sig);
        Block block = new BlockExecutor(net.genesis, net.contracts).execute(a.store(), 1, net.genesis.hash(),
                WriteSet.initialRoot(net.suite.hash(), net.genesis.hash()), TestNetwork.T0.plusSeconds(1), "n1",
                net.node.privateKey(), List.of(forged)).block();
        assertThatThrownBy(() -> a.validate(block)).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("transaction 0 fails admission").hasMessageContaining("signature");

        // the admitted bytes themselves pass (their signature was verified on admission)
        Block honest = new BlockExecutor(net.genesis, net.contracts).execute(a.store(), 1, net.genesis.hash(),
                WriteSet.initialRoot(net.suite.hash(), net.genesis.hash()), TestNetwork.T0.plusSeconds(1), "n1",
                net.node.privateKey(), List.of(admitted)).block();
        assertThat(a.validate(honest).block().transactions()).containsExactly(admitted);
    }

    @Test
    void signaturesVerifiedAheadAreNotVerifiedAgainAndAForgedOneIsStillRefused() throws Exception {
        Chain proposer = net.chain(new InMemoryChainStore(net.genesis));
        Chain follower = net.chain(new InMemoryChainStore(net.genesis));
        for (int i = 0; i < 3; i++) {
            assertThat(proposer.submit(net.tx("g1", net.group, i, "put", "k" + i + "=v")).accepted()).isTrue();
        }
        Block block = proposer.propose().orElseThrow().block();

        // the follower admitted none of them: all three are verified ahead, and only once
        assertThat(follower.verifyAhead(block)).isEqualTo(3);
        assertThat(follower.verifiedAheadCount()).isEqualTo(3);
        assertThat(follower.verifyAhead(block)).isZero();
        // validation uses them up
        assertThat(follower.validate(block).block().transactions()).hasSize(3);
        assertThat(follower.verifiedAheadCount()).isZero();

        // a forged signature is verified ahead too and remembered as failed: validation refuses it by name
        Chain other = net.chain(new InMemoryChainStore(net.genesis));
        Transaction honest = net.tx("g1", net.group, 0, "put", "k=1");
        byte[] sig = honest.signature();
        sig[0] ^= 1;
        Block forged = new BlockExecutor(net.genesis, net.contracts).execute(other.store(), 1, net.genesis.hash(),
                WriteSet.initialRoot(net.suite.hash(), net.genesis.hash()), TestNetwork.T0.plusSeconds(1), "n1",
                net.node.privateKey(), List.of(honest.withSignature(sig))).block();
        assertThat(other.verifyAhead(forged)).isEqualTo(1);
        assertThat(other.verifiedAheadCount()).isEqualTo(1);
        assertThat(other.verifyAhead(forged)).as("not verified twice ahead").isZero();
        assertThatThrownBy(() -> other.validate(forged)).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("transaction 0 fails admission").hasMessageContaining("signature");
        assertThat(other.verifiedAheadCount()).isZero();
    }

    @Test
    void transactionsThisNodeAdmittedAreNotVerifiedAhead() throws Exception {
        Chain a = net.chain(new InMemoryChainStore(net.genesis));
        Transaction admitted = net.tx("g1", net.group, 0, "put", "k=1");
        assertThat(a.submit(admitted).accepted()).isTrue();
        Block block = a.propose().orElseThrow().block();
        assertThat(a.verifyAhead(block)).isZero();
    }
}
