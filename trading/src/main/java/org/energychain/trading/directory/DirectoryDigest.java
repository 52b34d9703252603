package org.energychain.trading.directory;

import org.energychain.crypto.Digester;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The hash over a directory's whole contents, so a directory rebuilt from the chain can be compared with
 * a running one: SHA-256 of tag {@code EC/directory-digest/v1}, string chain, i64 height, i64 count, then
 * per listing in id order bytes(ListingRecord encoding). See docs/catalog.md.
 */
final class DirectoryDigest {
    static final String TAG = "EC/directory-digest/v1";

    private DirectoryDigest() {
    }

    /** The digest of {@code count} entries given in id order. */
    static byte[] of(String chainId, long height, long count, Iterable<Entry> inIdOrder) {
        Digester d = HashFunctions.SHA256.newDigester();
        CanonicalWriter w = new CanonicalWriter(1024);
        d.update(w.tag(TAG).string(chainId).i64(height).i64(count).toByteArray());
        for (Entry e : inIdOrder) {
            w.reset().bytes(e.record.encode());
            d.update(w.buffer(), 0, w.length());
        }
        return d.doFinal();
    }
}
