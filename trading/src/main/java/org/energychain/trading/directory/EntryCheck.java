package org.energychain.trading.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.InclusionProof;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.catalog.WithdrawArgs;

/**
 * Checks one directory answer against the chain: that the listing record is exactly what its
 * transaction (named by {@code txId}, in the block at {@code height}) announced, that the transaction
 * succeeded in the catalogue contract and was sent by the seller, and that the transaction id is in
 * the block's transaction root (an RFC 9162 inclusion proof). A buyer who trusts the block header (e.g.
 * verified with {@code ChainVerifier}) need not trust the directory that served the entry.
 */
public final class EntryCheck {
    private EntryCheck() {
    }

    /** The outcome: ok, or every failed check by name; the proof is present when the transaction was found. */
    public record Verdict(boolean ok, List<String> failures, InclusionProof proof) {
        public Verdict {
            failures = List.copyOf(failures);
        }

        @Override
        public String toString() {
            return ok ? "ok" : "failed: " + String.join("; ", failures);
        }
    }

    /** Checks {@code record} against {@code block} (which should be the block at {@code record.height()}). */
    public static Verdict check(ListingRecord record, Block block, HashFunction hash) {
        List<String> failures = new ArrayList<>();
        if (block.height() != record.height()) {
            failures.add("height: record says " + record.height() + ", block is " + block.height());
        }
        List<Transaction> txs = block.transactions();
        List<byte[]> ids = new ArrayList<>(txs.size());
        int index = -1;
        byte[] wanted;
        try {
            wanted = Hex.decode(record.txId());
        } catch (IllegalArgumentException e) {
            wanted = new byte[0];
        }
        for (int i = 0; i < txs.size(); i++) {
            byte[] id = txs.get(i).id(hash);
            ids.add(id);
            if (index < 0 && Arrays.equals(id, wanted)) {
                index = i;
            }
        }
        if (index < 0) {
            failures.add("transaction: " + record.txId() + " is not in block " + block.height());
            return new Verdict(false, failures, null);
        }
        Transaction tx = txs.get(index);
        TxResult result = block.results().get(index);
        InclusionProof proof = MerkleTree.fromLeaves(hash, ids).inclusionProof(index);
        if (!MerkleTree.verifyInclusion(hash, MerkleTree.leafHash(hash, ids.get(index)), proof,
                block.header().txRoot())) {
            failures.add("inclusion: transaction " + record.txId() + " does not prove into the block's tx root");
        }
        if (!CatalogContract.NAME.equals(tx.contract())) {
            failures.add("contract: transaction calls " + tx.contract() + ", not " + CatalogContract.NAME);
        }
        if (!result.isOk()) {
            failures.add("result: transaction failed with code " + result.code() + " (" + result.message() + ")");
        }
        if (!tx.sender().equals(record.seller())) {
            failures.add("seller: record says " + record.seller() + ", transaction was sent by " + tx.sender());
        }
        checkArgs(record, tx, failures);
        byte[] encoded = record.encode();
        boolean announced = false;
        for (Event e : result.events()) {
            if (SummaryDirectory.isCatalogEvent(e.type()) && Arrays.equals(e.data(), encoded)) {
                announced = true;
            }
        }
        if (!announced) {
            failures.add("event: the transaction announced no catalogue event equal to this record");
        }
        return new Verdict(failures.isEmpty(), failures, proof);
    }

    private static void checkArgs(ListingRecord record, Transaction tx, List<String> failures) {
        try {
            switch (tx.method()) {
                case CatalogContract.PUBLISH, CatalogContract.UPDATE -> {
                    if (!Listing.decode(tx.args()).equals(record.listing())) {
                        failures.add("args: the listing in the " + tx.method() + " call differs from the record's");
                    }
                }
                case CatalogContract.WITHDRAW -> {
                    if (!WithdrawArgs.decode(tx.args()).id().equals(record.listing().id())) {
                        failures.add("args: the withdrawal names another listing");
                    }
                }
                default -> failures.add("method: " + tx.method() + " does not change a listing");
            }
        } catch (IllegalArgumentException e) {
            failures.add("args: do not decode: " + e.getMessage());
        }
    }
}
