package org.energychain.trading.directory;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/**
 * Decodes {@link ListingRecord} encodings (exactly as {@link ListingRecord#decode} does, same checks)
 * while sharing one instance of every short repeated value: levels, seller, hash name, units, texts and
 * month boundaries recur across a million listings, and sharing them is most of the directory's memory
 * saving. Decoding this way also validates each listing once instead of twice. Thread-safe, so blocks
 * are decoded outside the directory's write lock.
 */
final class RecordDecoder {
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Instant> instants = new ConcurrentHashMap<>();

    ListingRecord decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(ListingRecord.TAG);
        String seller = s(r.string("seller"));
        int version = r.i32("version");
        int status = r.u8("status");
        if (status >= ListingRecord.Status.values().length) {
            throw new IllegalArgumentException("unknown listing status " + status);
        }
        String txId = r.string("txId");
        long height = r.i64("height");
        r.expectTag(Listing.TAG);
        String id = r.string("id");
        String hash = s(r.string("hash"));
        byte[] root = r.fixed(HashFunctions.byName(hash).digestLength(), "contentRoot");
        Listing l = new Listing(id, hash, root, r.i64("sizeBytes"), s(r.string("energyType")), s(r.string("dataType")),
                s(r.string("region")), s(r.string("group")), s(r.string("unit")), s(r.string("mathType")),
                s(r.string("measurement")), s(r.string("measurementUnit")), t(r.i64("from")), t(r.i64("to")),
                r.i64("price"), s(r.string("terms")), r.string("endpoint"));
        r.end();
        return new ListingRecord(seller, version, ListingRecord.Status.values()[status], txId, height, l);
    }

    private String s(String v) {
        String shared = strings.putIfAbsent(v, v);
        return shared == null ? v : shared;
    }

    private Instant t(long epochMilli) {
        return instants.computeIfAbsent(epochMilli, Instant::ofEpochMilli);
    }
}
