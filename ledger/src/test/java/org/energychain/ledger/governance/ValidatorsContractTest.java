package org.energychain.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.energychain.crypto.CryptoSuite;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.sign.KeyPair;
import org.energychain.ledger.Chain;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.exec.BlockExecutor;
import org.energychain.ledger.exec.ExecutedBlock;
import org.energychain.ledger.exec.InvalidBlockException;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.finality.Vote;
import org.energychain.ledger.finality.VoteCollector;
import org.energychain.ledger.finality.VoteTarget;
import org.energychain.ledger.genesis.ChainLimits;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;
import org.energychain.ledger.genesis.Validator;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.InMemoryChainStore;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.energychain.ledger.verify.ChainVerifier;
import org.junit.jupiter.api.Test;

/**
 * The validators change the roster by a vote of more than two thirds of their power; blocks, votes and
 * certificates of each height are checked against the roster of that height, and the whole history,
 * including what a removed validator signed, still verifies.
 */
class ValidatorsContractTest {
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    final CryptoSuite suite = CryptoSuites.SHA256_ED25519;
    final SecureRandom rnd = new SecureRandom(new byte[] {7});
    /** Organisation keys g1..g4 and node keys n1..n4 (n4, of g4, is not in the genesis). */
    final KeyPair[] orgKey = new KeyPair[5];
    final KeyPair[] node = new KeyPair[5];
    final long[] nonce = new long[5];
    final ContractRegistry contracts = new ContractRegistry().register(new ValidatorsContract());
    final Genesis genesis;
    final InMemoryChainStore store;
    final Chain chain;
    final BlockExecutor executor;

    ValidatorsContractTest() {
        List<Member> members = new ArrayList<>();
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            orgKey[i] = suite.signatures().generateKeyPair(rnd);
            node[i] = suite.signatures().generateKeyPair(rnd);
            members.add(new Member("g" + i, Set.of(), orgKey[i].publicKey()));
            if (i < 4) {
                nodes.add(nodeInfo(i));
            }
        }
        genesis = new Genesis("grid-chain", suite.name(), false, T0, members, nodes,
                List.of(new Validator("n1", 1), new Validator("n2", 1), new Validator("n3", 1)),
                List.of(ValidatorsContract.NAME), new ChainLimits(100, 1 << 20, 1 << 16, 1000, Duration.ofMillis(50)));
        store = new InMemoryChainStore(genesis);
        chain = new Chain(genesis, store, contracts, "n1", node[1].privateKey(),
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        executor = new BlockExecutor(genesis, contracts);
    }

    NodeInfo nodeInfo(int i) {
        return new NodeInfo("n" + i, "g" + i, node[i].publicKey(), null, "10.0.0." + i + ":7000", "");
    }

    Transaction tx(int from, String method, byte[] args) {
        return Transaction.sign(genesis.chainId(), "g" + from, nonce[from]++, ValidatorsContract.NAME, method, args,
                suite.signatures(), orgKey[from].privateKey());
    }

    /** Runs one transaction in a block proposed by node {@code by}; its result. */
    TxResult run(int by, Transaction t) throws InvalidBlockException {
        Block b = block(by, List.of(t));
        chain.importBlock(chain.validate(b));
        return b.results().get(0);
    }

    Block block(int by, List<Transaction> txs) {
        long h = store.height() + 1;
        BlockHeader prev = h == 1 ? null : store.block(h - 1).orElseThrow().header();
        byte[] prevHash = prev == null ? genesis.hash() : prev.hash(suite.hash());
        byte[] prevState = prev == null ? WriteSet.initialRoot(suite.hash(), genesis.hash())
                : prev.stateRoot();
        ExecutedBlock e = executor.execute(store, h, prevHash, prevState, T0.plusSeconds(h), "n" + by,
                node[by].privateKey(), txs);
        return e.block();
    }

    long propose(int from, RosterChange c) throws InvalidBlockException {
        TxResult r = run(1, tx(from, ValidatorsContract.PROPOSE, c.encode()));
        assertThat(r.isOk()).as(r.message()).isTrue();
        return new CanonicalReader(r.events().get(0).data()).i64("number");
    }

    @Test
    void aNodeIsAddedOnceOrganisationsWithMoreThanTwoThirdsOfThePowerApproveAndCountsFromTheNextHeight()
            throws Exception {
        long n = propose(1, RosterChange.add(nodeInfo(4), 1));
        assertThat(run(1, tx(2, ValidatorsContract.APPROVE, ValidatorsContract.number(n))).isOk()).isTrue();
        // two of three: not more than two thirds
        assertThat(chain.rosterNext().node("n4")).isEmpty();
        TxResult again = run(1, tx(2, ValidatorsContract.APPROVE, ValidatorsContract.number(n)));
        assertThat(again.code()).isEqualTo(ValidatorsContract.DUPLICATE);
        TxResult third = run(1, tx(3, ValidatorsContract.APPROVE, ValidatorsContract.number(n)));
        assertThat(third.isOk()).isTrue();
        long enactedAt = store.height();
        assertThat(third.events()).anyMatch(e -> e.type().equals(ValidatorsContract.CHANGED));
        assertThat(chain.rosterNext().validator("n4")).isPresent();
        assertThat(chain.rosterAt(enactedAt).validator("n4")).isEmpty();
        assertThat(chain.rosterAt(enactedAt + 1).validator("n4")).isPresent();
        assertThat(chain.rosterAt(1)).isEqualTo(genesis.roster());
        // the new validator proposes a block that every node accepts
        Block byN4 = block(4, List.of(tx(4, ValidatorsContract.APPROVE, ValidatorsContract.number(n))));
        chain.importBlock(chain.validate(byN4));
        assertThat(byN4.results().get(0).code()).isEqualTo(ValidatorsContract.CLOSED);
        ChainVerifier.Report r = new ChainVerifier(contracts).verify(store);
        assertThat(r.ok()).as(r.message()).isTrue();
    }

    @Test
    void aRemovedValidatorCanNoLongerProposeOrVoteButWhatItSignedBeforeStillVerifies() throws Exception {
        long n = propose(2, RosterChange.remove("n1"));
        run(1, tx(3, ValidatorsContract.APPROVE, ValidatorsContract.number(n)));
        // two of three equal validators are not more than two thirds: the one removed agrees too
        assertThat(chain.rosterNext().node("n1")).isPresent();
        run(1, tx(1, ValidatorsContract.APPROVE, ValidatorsContract.number(n)));
        assertThat(chain.rosterNext().node("n1")).isEmpty();
        long before = store.height();
        // a certificate of the old roster for the last block n1 proposed, with n1's vote
        VoteTarget oldTarget = VoteTarget.of(store.block(before).orElseThrow().header(), suite.hash());
        FinalityCertificate oldCert = new FinalityCertificate(oldTarget, List.of(sig(oldTarget, 1), sig(oldTarget, 2),
                sig(oldTarget, 3)));
        assertThat(oldCert.problem(genesis, chain.rosterAt(before))).isEmpty();
        store.putCertificate(before, oldCert.encode());

        Block byN1 = block(1, List.of(tx(2, ValidatorsContract.PROPOSAL, ValidatorsContract.number(n))));
        assertThatThrownBy(() -> chain.validate(byN1)).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("n1 is not a validator of the chain at height " + (before + 1));
        Block byN2 = block(2, List.of(tx(2, ValidatorsContract.APPROVE, ValidatorsContract.number(n))));
        chain.importBlock(chain.validate(byN2));
        VoteTarget t = VoteTarget.of(byN2.header(), suite.hash());

        VoteCollector votes = new VoteCollector(genesis, before, chain::rosterAt);
        assertThat(votes.add(vote(t, 1), store.height())).isInstanceOf(VoteCollector.Outcome.Ignored.class);
        assertThat(votes.add(vote(t, 2), store.height())).isInstanceOf(VoteCollector.Outcome.Counted.class);
        VoteCollector.Outcome o = votes.add(vote(t, 3), store.height());
        // n2 and n3 are the whole power now
        assertThat(o).isInstanceOf(VoteCollector.Outcome.Certified.class);
        FinalityCertificate cert = ((VoteCollector.Outcome.Certified) o).certificate();
        assertThat(cert.problem(genesis, chain.rosterAt(t.height()))).isEmpty();
        // the old roster would not take it: two of three is not more than two thirds
        assertThat(cert.problem(genesis)).isPresent();
        store.putCertificate(t.height(), cert.encode());

        ChainVerifier.Report r = new ChainVerifier(contracts).verify(store);
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.finalHeight()).isEqualTo(t.height());
    }

    @Test
    void refusals() throws Exception {
        assertThat(run(1, tx(4, ValidatorsContract.PROPOSE, RosterChange.remove("n1").encode())).code())
                .isEqualTo(ValidatorsContract.NOT_A_VALIDATOR);
        assertThat(run(1, tx(1, ValidatorsContract.PROPOSE, new byte[] {1, 2, 3})).code())
                .isEqualTo(ValidatorsContract.MALFORMED);
        assertThat(run(1, tx(1, ValidatorsContract.PROPOSE, RosterChange.remove("n9").encode())).code())
                .isEqualTo(ValidatorsContract.INVALID_CHANGE);
        NodeInfo stranger = new NodeInfo("n5", "nobody", node[4].publicKey(), null, "10.0.0.5:7000", "");
        TxResult r = run(1, tx(1, ValidatorsContract.PROPOSE, RosterChange.add(stranger, 1).encode()));
        assertThat(r.code()).isEqualTo(ValidatorsContract.INVALID_CHANGE);
        assertThat(r.message()).contains("not a member");
        assertThat(run(1, tx(1, ValidatorsContract.APPROVE, ValidatorsContract.number(77))).code())
                .isEqualTo(ValidatorsContract.NOT_FOUND);
        // a power that would overflow the roster's total (and stall every node's tally) is refused
        TxResult huge = run(1, tx(1, ValidatorsContract.PROPOSE, RosterChange.add(nodeInfo(4), Long.MAX_VALUE).encode()));
        assertThat(huge.code()).isEqualTo(ValidatorsContract.INVALID_CHANGE);
        assertThat(huge.message()).contains("voting power must be from 1 to");
        // a proposal made for a roster that another change replaced must be made again
        long stale = propose(1, RosterChange.add(nodeInfo(4), 1));
        long other = propose(2, RosterChange.remove("n3"));
        assertThat(openProposals()).extracting(Proposal::number).containsExactly(stale, other);
        run(1, tx(1, ValidatorsContract.APPROVE, ValidatorsContract.number(other)));
        run(1, tx(3, ValidatorsContract.APPROVE, ValidatorsContract.number(other)));
        assertThat(chain.rosterNext().node("n3")).isEmpty();
        assertThat(openProposals()).isEmpty();
        TxResult late = run(1, tx(2, ValidatorsContract.APPROVE, ValidatorsContract.number(stale)));
        assertThat(late.code()).isEqualTo(ValidatorsContract.CLOSED);
        assertThat(late.message()).contains("must be proposed again");
    }

    @Test
    void itsCodesAreThoseOfTheOneTable() {
        assertThat(org.energychain.ledger.testkit.ResultCodeTable.rowsOf("validators")).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("CLOSED", ValidatorsContract.CLOSED, "INVALID_CHANGE", ValidatorsContract.INVALID_CHANGE,
                        "TOO_MANY", ValidatorsContract.TOO_MANY));
        assertThat(ValidatorsContract.NOT_A_VALIDATOR).isEqualTo(org.energychain.ledger.contract.CommonCodes.NOT_AUTHORISED);
    }

    @Test
    void encodingsRoundTripStrictly() {
        RosterChange add = RosterChange.add(nodeInfo(4), 3);
        assertThat(RosterChange.decode(add.encode())).isEqualTo(add);
        assertThat(RosterChange.decode(RosterChange.remove("n2").encode())).isEqualTo(RosterChange.remove("n2"));
        Roster r = genesis.roster().with(nodeInfo(4), 0);
        assertThat(Roster.decode(r.encode())).isEqualTo(r);
        assertThat(r.validator("n4")).isEmpty();
        RosterAt at = new RosterAt(9, r);
        assertThat(RosterAt.decode(at.encode())).isEqualTo(at);
        byte[] bad = add.encode();
        bad[bad.length - 1] ^= 1;
        assertThat(RosterChange.decode(bad).power()).isNotEqualTo(3);
        assertThatThrownBy(() -> RosterChange.decode(java.util.Arrays.copyOf(add.encode(), add.encode().length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    List<Proposal> openProposals() throws Exception {
        return ValidatorsContract.decodeOpen(chain.query(ValidatorsContract.NAME, ValidatorsContract.OPEN, new byte[0],
                genesis.member("g1").orElseThrow()));
    }

    @Test
    void aMemberCannotFillTheStateWithProposals() throws Exception {
        for (int i = 0; i < ValidatorsContract.MAX_OPEN; i++) {
            propose(1, RosterChange.remove("n2"));
        }
        assertThat(run(1, tx(1, ValidatorsContract.PROPOSE, RosterChange.remove("n2").encode())).code())
                .isEqualTo(ValidatorsContract.TOO_MANY);
    }

    FinalityCertificate.Signature sig(VoteTarget t, int i) {
        return new FinalityCertificate.Signature("n" + i, suite.signatures().sign(node[i].privateKey(), t.encode()));
    }

    Vote vote(VoteTarget t, int i) {
        return Vote.sign(t, "n" + i, node[i].privateKey(), genesis);
    }
}
