package org.energychain.ledger.exec;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.energychain.crypto.HashFunction;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;
import org.energychain.ledger.governance.Rosters;
import org.energychain.ledger.state.WriteSet;
import org.energychain.ledger.store.ChainStore;
import org.energychain.ledger.tx.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * Checks a block proposed by another node before it may be imported: that it is the next block of this
 * chain and links to the last one, that its time does not go backwards, that its proposer is a validator
 * and signed it, that every transaction passes admission (size, chain, membership, signature, role), and
 * that executing it on this node's state gives exactly the header's transactions, results and state root.
 * Why: an ordering service (even a replicated one) is trusted to order, never to execute; every node
 * re-derives what it imports.
 */
public final class BlockValidator {
    private final Genesis genesis;
    private final Admission admission;
    private final BlockExecutor executor;
    private final HashFunction hash;

    public BlockValidator(Genesis genesis, ContractRegistry contracts) {
        this.genesis = genesis;
        this.admission = new Admission(genesis, contracts);
        this.executor = new BlockExecutor(genesis, contracts);
        this.hash = genesis.cryptoSuite().hash();
    }

    /**
     * The block with the state changes it makes on top of {@code store}'s last block.
     *
     * @throws InvalidBlockException naming the block and the first check it fails
     */
    public ExecutedBlock validate(ChainStore store, Block block) throws InvalidBlockException {
        return validate(store, block, id -> null);
    }

    /**
     * As {@link #validate(ChainStore, Block)}, but the signatures of transactions whose id (the hash of the
     * whole signed transaction) {@code known} gives an outcome for are not verified again: this node verified
     * exactly those bytes already (when it admitted them, or ahead). The others are verified on all cores
     * before the checks in order.
     */
    public ExecutedBlock validate(ChainStore store, Block block,
            java.util.function.Function<byte[], @Nullable Boolean> known) throws InvalidBlockException {
        BlockHeader h = block.header();
        String at = "block " + h.height() + " of chain " + genesis.chainId() + " proposed by " + h.proposer();
        if (!h.chainId().equals(genesis.chainId())) {
            throw new InvalidBlockException("block " + h.height() + " is of chain " + h.chainId() + ", not "
                    + genesis.chainId());
        }
        long height = store.height() + 1;
        if (h.height() != height) {
            throw new InvalidBlockException(at + ": the next height is " + height);
        }
        Optional<BlockHeader> prev = height == 1 ? Optional.empty()
                : Optional.of(store.block(height - 1).orElseThrow().header());
        byte[] prevHash = prev.map(p -> p.hash(hash)).orElse(genesis.hash());
        if (!MessageDigest.isEqual(prevHash, h.previousHash())) {
            throw new InvalidBlockException(at + ": it does not link to block " + (height - 1));
        }
        Instant prevTime = prev.map(BlockHeader::time).orElse(genesis.time());
        if (h.time().isBefore(prevTime)) {
            throw new InvalidBlockException(at + ": its time " + h.time() + " is before the previous block's "
                    + prevTime);
        }
        Roster roster = Rosters.current(store, genesis).roster();
        if (roster.validator(h.proposer()).isEmpty()) {
            throw new InvalidBlockException(at + ": " + h.proposer() + " is not a validator of the chain at height "
                    + height);
        }
        NodeInfo proposer = roster.node(h.proposer()).orElseThrow();
        if (!genesis.cryptoSuite().signatures().verify(proposer.consensusKey(), h.encode(), block.signature())) {
            throw new InvalidBlockException(at + ": the proposer's signature does not verify");
        }
        List<Transaction> txs = block.transactions();
        if (txs.size() > genesis.limits().maxBlockTxs()) {
            throw new InvalidBlockException(at + ": " + txs.size() + " transactions, more than the chain's limit of "
                    + genesis.limits().maxBlockTxs());
        }
        boolean[] signatureOk = new boolean[txs.size()];
        java.util.stream.IntStream.range(0, txs.size()).parallel().forEach(i -> {
            Transaction tx = txs.get(i);
            Boolean k = known.apply(tx.id(hash));
            signatureOk[i] = k != null ? k : signatureHolds(tx);
        });
        long bytes = 0;
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            int size = tx.size();
            bytes += size;
            // a signature that failed above is checked again here, which names the failure
            Optional<Rejection> r = admission.check(tx, size, signatureOk[i]);
            if (r.isPresent()) {
                throw new InvalidBlockException(at + ": transaction " + i + " fails admission: " + r.get().message());
            }
        }
        if (bytes > genesis.limits().maxBlockBytes()) {
            throw new InvalidBlockException(at + ": " + bytes + " bytes of transactions, more than the chain's limit of "
                    + genesis.limits().maxBlockBytes());
        }
        byte[] prevState = prev.map(BlockHeader::stateRoot).orElse(WriteSet.initialRoot(hash, genesis.hash()));
        ExecutedBlock mine = executor.executeUnsigned(store, height, prevHash, prevState, h.time(), h.proposer(), txs);
        Block b = mine.block();
        if (b.transactions().size() != txs.size()) {
            throw new InvalidBlockException(at + ": " + (txs.size() - b.transactions().size())
                    + " of its transactions cannot run (their nonces are not the next ones)");
        }
        if (!MessageDigest.isEqual(b.header().encode(), h.encode())) {
            throw new InvalidBlockException(at + ": executing it here gives another " + differs(b.header(), h));
        }
        if (!b.results().equals(block.results())) {
            throw new InvalidBlockException(at + ": executing it here gives other results");
        }
        return new ExecutedBlock(block, mine.writes());
    }

    /**
     * Verifies, on all cores, the signatures of those of {@code txs} that {@code known} and {@code ahead} do
     * not know already, and records in {@code ahead} whether each held, for {@link #validate(ChainStore, Block,
     * java.util.function.Function)} to find. Validation still names the first failure.
     *
     * @return how many signatures were verified here
     */
    public int verifyAhead(List<Transaction> txs, VerifiedAhead ahead, java.util.function.Predicate<byte[]> known) {
        java.util.concurrent.atomic.AtomicInteger verified = new java.util.concurrent.atomic.AtomicInteger();
        txs.parallelStream().forEach(tx -> {
            byte[] id = tx.id(hash);
            if (known.test(id) || ahead.contains(id)) {
                return;
            }
            verified.incrementAndGet();
            ahead.add(id, signatureHolds(tx));
        });
        return verified.get();
    }

    /** Whether the transaction is signed and its signature verifies under its sender's key as a member. */
    private boolean signatureHolds(Transaction tx) {
        return genesis.member(tx.sender())
                .map(m -> tx.signature().length > 0 && tx.verifySignature(genesis.cryptoSuite().signatures(), m.key()))
                .orElse(false);
    }

    private static String differs(BlockHeader mine, BlockHeader theirs) {
        if (!MessageDigest.isEqual(mine.txRoot(), theirs.txRoot())) {
            return "transaction root";
        }
        if (!MessageDigest.isEqual(mine.resultsRoot(), theirs.resultsRoot())) {
            return "results root";
        }
        if (!MessageDigest.isEqual(mine.stateRoot(), theirs.stateRoot())) {
            return "state root";
        }
        return "header";
    }
}
