package org.energychain.node.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.tx.Transaction;

/**
 * The body of {@code POST /chains/{chain}/transactions/batch} (docs/api.md, "Batch submission"): the
 * canonical encoding of tag {@code EC/txbatch/v1}, i32 count, then each transaction's canonical encoding
 * as {@code bytes}. Defined here only, for the node and its client. Decoding checks the frame only (tag,
 * count, lengths, no trailing bytes): what each item holds is the endpoint's business, so that one bad
 * transaction is answered on its own without failing the others.
 */
public final class TransactionBatch {
    public static final String TAG = "EC/txbatch/v1";
    /** Most transactions in one batch. */
    public static final int MAX_TRANSACTIONS = 10_000;
    /** Bytes before the first item: the tag as a string, then the count. */
    private static final int HEADER = 4 + TAG.getBytes(StandardCharsets.US_ASCII).length + 4;

    private TransactionBatch() {
    }

    /** A frame that cannot be read; the message names the byte offset and, past the header, the item. */
    public static final class FrameException extends IllegalArgumentException {
        FrameException(String message) {
            super(message);
        }
    }

    /** A batch too long for {@link #MAX_TRANSACTIONS}. */
    public static final class TooManyException extends IllegalArgumentException {
        TooManyException(String message) {
            super(message);
        }
    }

    public static byte[] encode(List<Transaction> txs) {
        return encodeRaw(txs.stream().map(Transaction::encode).toList());
    }

    /** Frames already encoded transactions (as they are, valid or not). */
    public static byte[] encodeRaw(List<byte[]> encoded) {
        if (encoded.size() > MAX_TRANSACTIONS) {
            throw new IllegalArgumentException(encoded.size() + " transactions in one batch, at most "
                    + MAX_TRANSACTIONS);
        }
        int size = HEADER;
        for (byte[] e : encoded) {
            size += 4 + e.length;
        }
        CanonicalWriter w = new CanonicalWriter(size).tag(TAG).i32(encoded.size());
        encoded.forEach(w::bytes);
        return w.toByteArray();
    }

    /**
     * The items of a batch, each the bytes a transaction was sent as.
     *
     * @throws TooManyException when the count is above {@link #MAX_TRANSACTIONS}
     * @throws FrameException when the frame is malformed (naming the byte offset and item)
     */
    public static List<byte[]> decode(byte[] body) {
        CanonicalReader r = new CanonicalReader(body);
        int count;
        try {
            r.expectTag(TAG);
            count = r.i32("count");
        } catch (IllegalArgumentException e) {
            throw new FrameException("batch header at byte offset 0: " + e.getMessage() + " (expected tag " + TAG
                    + " and a count)");
        }
        if (count < 0) {
            throw new FrameException("batch count at byte offset " + (HEADER - 4) + " is negative: " + count);
        }
        if (count > MAX_TRANSACTIONS) {
            throw new TooManyException("batch of " + count + " transactions, at most " + MAX_TRANSACTIONS);
        }
        // every item takes at least its 4-byte length: a count the body cannot hold is refused before allocating
        if ((long) count * 4 > body.length - HEADER) {
            throw new FrameException("batch says " + count + " transactions but its " + body.length
                    + " bytes cannot hold them");
        }
        List<byte[]> items = new ArrayList<>(count);
        long offset = HEADER;
        for (int i = 0; i < count; i++) {
            try {
                byte[] item = r.bytes("transaction");
                items.add(item);
            } catch (IllegalArgumentException e) {
                throw new FrameException("batch transaction " + i + " at byte offset " + offset + ": "
                        + e.getMessage());
            }
            offset += 4 + items.get(i).length;
        }
        try {
            r.end();
        } catch (IllegalArgumentException e) {
            throw new FrameException("batch of " + count + " transactions ends at byte offset " + offset + ": "
                    + e.getMessage());
        }
        return items;
    }
}
