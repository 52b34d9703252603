package org.energychain.ledger.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.ContractRegistry;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.state.Overlay;
import org.energychain.ledger.state.StateReader;
import org.energychain.ledger.store.StorageException;
import org.energychain.ledger.tx.ResultCode;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;

/**
 * Executes transactions in order into a block: each runs its contract on its own overlay, which joins
 * the block's only if it succeeds; every included transaction consumes its sender's nonce and gets its
 * result recorded. A transaction whose nonce is not the next one is left out (the mempool never offers
 * one). Deterministic: same state, transactions and block time give the same block on every node.
 *
 * <p>A {@link StorageException} met while executing (a read error of the node's own store) is thrown,
 * never recorded as a result: it says nothing about the transaction, and another node would not see it.
 */
public final class BlockExecutor {
    private final Genesis genesis;
    private final ContractRegistry contracts;
    private final HashFunction hash;

    public BlockExecutor(Genesis genesis, ContractRegistry contracts) {
        this.genesis = genesis;
        this.contracts = contracts;
        this.hash = genesis.cryptoSuite().hash();
    }

    /**
     * Builds block {@code height} on top of {@code state}, signed by {@code proposer}.
     *
     * @param previousHash the previous block's hash (the genesis hash for block 1)
     * @param previousStateRoot the previous block's state root (or the initial root)
     */
    public ExecutedBlock execute(StateReader state, long height, byte[] previousHash, byte[] previousStateRoot,
            Instant time, String proposer, PrivateKey proposerKey, List<Transaction> candidates) {
        ExecutedBlock unsigned = executeUnsigned(state, height, previousHash, previousStateRoot, time, proposer,
                candidates);
        Block b = unsigned.block();
        byte[] signature = genesis.cryptoSuite().signatures().sign(proposerKey, b.header().encode());
        return new ExecutedBlock(new Block(b.header(), signature, b.transactions(), b.results()), unsigned.writes());
    }

    /**
     * Executes exactly as {@link #execute} but leaves the block unsigned (empty signature): what a verifier
     * needs to re-derive a stored block's results and state root without the proposer's key. Same inputs,
     * same header, results and writes as {@code execute}.
     */
    public ExecutedBlock executeUnsigned(StateReader state, long height, byte[] previousHash, byte[] previousStateRoot,
            Instant blockTime, String proposer, List<Transaction> candidates) {
        // contracts see the time the header records (milliseconds), so a replay from the header sees the same
        Instant time = Instant.ofEpochMilli(blockTime.toEpochMilli());
        Overlay block = new Overlay(state);
        List<Transaction> included = new ArrayList<>();
        List<TxResult> results = new ArrayList<>();
        for (Transaction tx : candidates) {
            long next = Nonces.next(block, tx.sender());
            if (tx.nonce() != next) {
                continue;
            }
            block.put(Nonces.PREFIX + tx.sender(), Nonces.encode(next + 1));
            results.add(run(block, tx, height, time));
            included.add(tx);
        }
        List<byte[]> txIds = new ArrayList<>(included.size());
        included.forEach(t -> txIds.add(t.id(hash)));
        List<byte[]> resultLeaves = new ArrayList<>(results.size());
        results.forEach(r -> resultLeaves.add(r.encode()));
        byte[] stateRoot = block.writes().commitment(hash, previousStateRoot);
        BlockHeader header = new BlockHeader(genesis.chainId(), height, previousHash,
                MerkleTree.rootOf(hash, txIds), MerkleTree.rootOf(hash, resultLeaves), stateRoot,
                time, proposer, included.size());
        return new ExecutedBlock(new Block(header, new byte[0], included, results), block.writes());
    }

    private TxResult run(Overlay block, Transaction tx, long height, Instant time) {
        Contract contract = contracts.get(tx.contract()).orElse(null);
        Member member = genesis.member(tx.sender()).orElse(null);
        if (contract == null || member == null) {
            return new TxResult(ResultCode.CONTRACT_FAULT, "unknown contract or sender at execution", List.of());
        }
        Overlay txOverlay = new Overlay(block);
        ContractContext ctx = new ContractContext(genesis, contract.name(), txOverlay, txOverlay, height,
                time, Hex.encode(tx.id(hash)), tx.sender(), member.roles());
        try {
            contract.submit(ctx, tx.method(), tx.args());
        } catch (ContractException e) {
            ctx.rethrowStorageFault();
            return new TxResult(e.code(), e.getMessage(), List.of());
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            // a storage fault the contract caught and wrapped is still the node's fault, never the transaction's
            ctx.rethrowStorageFault();
            return new TxResult(ResultCode.CONTRACT_FAULT, contract.name() + "." + tx.method() + " failed: " + e, List.of());
        }
        ctx.rethrowStorageFault();
        block.writes().putAll(txOverlay.writes());
        return TxResult.ok(ctx.events());
    }

    /** Runs a query method against committed state. */
    public byte[] query(StateReader state, long height, Instant time, String contractName, String method, byte[] args)
            throws ContractException {
        Contract contract = contracts.get(contractName).orElseThrow(() -> new IllegalArgumentException(
                "unknown contract " + contractName));
        QueryContext ctx = new ContractContext(genesis, contractName, state, null, height, time, null, null,
                java.util.Set.of());
        return contract.query(ctx, method, args);
    }
}
