package org.energychain.trading.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.MerkleTree;
import org.energychain.ledger.block.Block;
import org.energychain.ledger.block.BlockHeader;
import org.energychain.ledger.tx.Event;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;
import org.energychain.trading.catalog.CatalogCodes;
import org.energychain.trading.catalog.CatalogContract;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.catalog.WithdrawArgs;

/**
 * Committed blocks as the catalogue contract would produce them, without running a chain, so
 * directory tests can use thousands of listings: unsigned transactions, the records and events the
 * contract emits (seller = the listing's group), real transaction roots. The contract itself is
 * exercised through a real chain in CatalogContractTest and DirectoryChainTest.
 */
final class CatalogBlocks {
    final String chainId;
    private long height;
    private final Map<String, Long> nonces = new HashMap<>();
    private final Map<String, ListingRecord> state = new HashMap<>();
    private final List<Transaction> txs = new ArrayList<>();
    private final List<TxResult> results = new ArrayList<>();

    CatalogBlocks(String chainId) {
        this.chainId = chainId;
    }

    /** The records as the contract's state holds them (withdrawn ones included). */
    Map<String, ListingRecord> state() {
        return state;
    }

    private Transaction tx(String sender, String contract, String method, byte[] args) {
        long n = nonces.merge(sender, 1L, Long::sum) - 1;
        return new Transaction(chainId, sender, n, contract, method, args, new byte[0]);
    }

    private String id(Transaction t) {
        return Hex.encode(t.id(HashFunctions.SHA256));
    }

    ListingRecord publish(Listing l) {
        Transaction t = tx(l.group(), CatalogContract.NAME, CatalogContract.PUBLISH, l.encode());
        return record(t, new ListingRecord(l.group(), 1, ListingRecord.Status.ACTIVE, id(t), height + 1, l),
                CatalogContract.PUBLISHED);
    }

    ListingRecord update(Listing l) {
        ListingRecord old = state.get(l.id());
        Transaction t = tx(old.seller(), CatalogContract.NAME, CatalogContract.UPDATE, l.encode());
        return record(t, new ListingRecord(old.seller(), old.version() + 1, ListingRecord.Status.ACTIVE, id(t),
                height + 1, l), CatalogContract.UPDATED);
    }

    ListingRecord withdraw(String listingId) {
        ListingRecord old = state.get(listingId);
        Transaction t = tx(old.seller(), CatalogContract.NAME, CatalogContract.WITHDRAW,
                new WithdrawArgs(listingId).encode());
        return record(t, new ListingRecord(old.seller(), old.version() + 1, ListingRecord.Status.WITHDRAWN, id(t),
                height + 1, old.listing()), CatalogContract.WITHDRAWN);
    }

    /** A refused publish: recorded with its code and no events. */
    void refused(Listing l) {
        txs.add(tx(l.group(), CatalogContract.NAME, CatalogContract.PUBLISH, l.encode()));
        results.add(new TxResult(CatalogCodes.DUPLICATE, "refused", List.of()));
    }

    /** Another contract's transaction whose event merely has a catalogue event's name. */
    void impostor(Listing l) {
        Transaction t = tx(l.group(), "market", "offer", l.encode());
        ListingRecord fake = new ListingRecord(l.group(), 1, ListingRecord.Status.ACTIVE, id(t), height + 1, l);
        txs.add(t);
        results.add(TxResult.ok(List.of(new Event(CatalogContract.PUBLISHED, fake.encode()))));
    }

    private ListingRecord record(Transaction t, ListingRecord r, String event) {
        txs.add(t);
        results.add(TxResult.ok(List.of(new Event(event, r.encode()))));
        state.put(r.listing().id(), r);
        return r;
    }

    /** Closes the pending transactions into the next block. */
    Block cut() {
        height++;
        List<byte[]> ids = new ArrayList<>();
        txs.forEach(t -> ids.add(t.id(HashFunctions.SHA256)));
        List<byte[]> res = new ArrayList<>();
        results.forEach(r -> res.add(r.encode()));
        BlockHeader h = new BlockHeader(chainId, height, new byte[32], MerkleTree.rootOf(HashFunctions.SHA256, ids),
                MerkleTree.rootOf(HashFunctions.SHA256, res), new byte[32], Instant.ofEpochSecond(1_780_000_000L + height),
                "G1", txs.size());
        Block b = new Block(h, new byte[0], txs, results);
        txs.clear();
        results.clear();
        return b;
    }
}
