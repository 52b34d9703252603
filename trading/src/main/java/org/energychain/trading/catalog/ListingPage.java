package org.energychain.trading.catalog;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * One page of a seller's listings as the {@code listings} query answers: how many the seller has in
 * all, where the page starts, and the records. {@code from + records.size() < total} means there is more.
 *
 * <p>Encoding: tag {@code EC/listing-page/v1}, i64 total, i64 from, i32 n, n &times; bytes ListingRecord encoding.
 */
public record ListingPage(long total, long from, List<ListingRecord> records) {
    public static final String TAG = "EC/listing-page/v1";

    public ListingPage {
        records = List.copyOf(records);
    }

    public boolean hasMore() {
        return from + records.size() < total;
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256).tag(TAG).i64(total).i64(from).i32(records.size());
        records.forEach(r -> w.bytes(r.encode()));
        return w.toByteArray();
    }

    public static ListingPage decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        long total = r.i64("total");
        long from = r.i64("from");
        int n = r.i32("record count");
        if (n < 0 || n > ListingsQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("record count must be 0.." + ListingsQuery.MAX_LIMIT + ", got " + n);
        }
        List<ListingRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(ListingRecord.decode(r.bytes("record[" + i + "]")));
        }
        r.end();
        return new ListingPage(total, from, records);
    }
}
