package org.energychain.supervision.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * One page of a list query's answer: how many entries exist in all, where this page starts, and its
 * entries (each in its own encoding). {@code from + items.size() < total} means there is more.
 *
 * <p>Encoding: tag {@code EC/page/v1}, i64 total, i64 from, i32 n, n &times; bytes item.
 */
public record Page<T>(long total, long from, List<T> items) {
    public static final String TAG = "EC/page/v1";

    public Page {
        items = List.copyOf(items);
        if (total < 0 || from < 0) {
            throw new IllegalArgumentException("total and from must be >= 0");
        }
    }

    public boolean hasMore() {
        return from + items.size() < total;
    }

    public byte[] encode(Function<T, byte[]> encoder) {
        CanonicalWriter w = new CanonicalWriter(256).tag(TAG).i64(total).i64(from).i32(items.size());
        for (T t : items) {
            w.bytes(encoder.apply(t));
        }
        return w.toByteArray();
    }

    public static <T> Page<T> decode(byte[] bytes, Function<byte[], T> decoder) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        long total = r.i64("total");
        long from = r.i64("from");
        int n = r.i32("item count");
        if (n < 0) {
            throw new IllegalArgumentException("item count must be >= 0, got " + n);
        }
        List<T> items = new ArrayList<>(Math.min(n, PageArgs.MAX_LIMIT));
        for (int i = 0; i < n; i++) {
            items.add(decoder.apply(r.bytes("item[" + i + "]")));
        }
        r.end();
        return new Page<>(total, from, items);
    }
}
