package org.energychain.ledger.block;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.tx.Transaction;
import org.energychain.ledger.tx.TxResult;

/**
 * A committed block: header, the proposer's signature over the header encoding, the transactions and
 * their results in the same order. Encoding: bytes header, bytes signature, i32 n, n x bytes tx,
 * n x bytes result.
 */
public record Block(BlockHeader header, byte[] signature, List<Transaction> transactions, List<TxResult> results) {
    public Block {
        signature = signature.clone();
        transactions = List.copyOf(transactions);
        results = List.copyOf(results);
        if (transactions.size() != results.size() || transactions.size() != header.txCount()) {
            throw new IllegalArgumentException("block " + header.height() + ": " + transactions.size()
                    + " transactions, " + results.size() + " results, header says " + header.txCount());
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public long height() {
        return header.height();
    }

    /**
     * Whether {@code other} is this very block: the same header, signature, transactions and results, so the
     * same encoding; compared field by field, without encoding either (a block is megabytes).
     */
    public boolean sameAs(Block other) {
        return java.util.Arrays.equals(signature, other.signature)
                && java.util.Arrays.equals(header.encode(), other.header.encode())
                && transactions.equals(other.transactions) && results.equals(other.results);
    }

    public byte[] encode() {
        byte[] h = header.encode();
        long size = 4L + h.length + 4 + signature.length + 4;
        for (Transaction t : transactions) {
            size += 4 + t.encodedLength();
        }
        for (TxResult r : results) {
            size += 4 + r.encodedLength();
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("block " + header.height() + " encodes to " + size + " bytes");
        }
        // sized exactly: a block of thousands of transactions is megabytes, and growing copies it again and again
        CanonicalWriter w = new CanonicalWriter((int) size);
        w.bytes(h).bytes(signature).i32(transactions.size());
        for (Transaction t : transactions) {
            t.writeTo(w);
        }
        for (TxResult r : results) {
            w.i32(r.encodedLength());
            r.writeTo(w);
        }
        return w.finish();
    }

    public static Block decode(byte[] bytes, int width) {
        CanonicalReader r = new CanonicalReader(bytes);
        BlockHeader header = BlockHeader.decode(r.bytes("header"), width);
        byte[] sig = r.bytes("signature");
        int n = r.count("tx count", 8); // a transaction and its result: two lengths at least
        if (n != header.txCount()) {
            throw new IllegalArgumentException("block " + header.height() + ": " + n + " transactions, header says "
                    + header.txCount());
        }
        List<Transaction> txs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            txs.add(Transaction.decode(r.bytes("tx " + i)));
        }
        List<TxResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(TxResult.decode(r.bytes("result " + i)));
        }
        r.end();
        return new Block(header, sig, txs, results);
    }
}
