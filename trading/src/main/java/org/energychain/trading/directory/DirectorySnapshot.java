package org.energychain.trading.directory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;
import org.energychain.crypto.Digester;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.trading.catalog.ListingRecord;

/**
 * The directory's snapshot file, so a node restarts by loading it and applying only the blocks since,
 * instead of replaying the whole chain. Streamed both ways (a million listings need no second copy in
 * memory).
 *
 * <p>Format, the canonical encoding (docs/catalog.md): tag {@code EC/directory-snapshot/v1}, string
 * chain, i64 height, i64 count, count &times; bytes(ListingRecord encoding) in id order, then fixed(32)
 * SHA-256 of every byte before it.
 */
final class DirectorySnapshot {
    static final String TAG = "EC/directory-snapshot/v1";
    private static final int MAX_RECORD = 1 << 16;
    private static final int CHECKSUM = 32;

    private DirectorySnapshot() {
    }

    static void write(Path file, String chainId, long height, long count, Iterable<ListingRecord> records)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                Digester d = HashFunctions.SHA256.newDigester();
                CanonicalWriter w = new CanonicalWriter(1024);
                w.tag(TAG).string(chainId).i64(height).i64(count);
                emit(out, d, w);
                long written = 0;
                for (ListingRecord r : records) {
                    emit(out, d, w.reset().bytes(r.encode()));
                    written++;
                }
                if (written != count) {
                    throw new IllegalStateException("snapshot: counted " + count + " listings, wrote " + written);
                }
                out.write(d.doFinal());
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** The records of entries, in their order: what {@link #write} takes from the directory's id order. */
    static Iterable<ListingRecord> records(Iterable<Entry> entries) {
        return () -> new Iterator<>() {
            final Iterator<Entry> it = entries.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ListingRecord next() {
                return it.next().record;
            }
        };
    }

    private static void emit(OutputStream out, Digester d, CanonicalWriter w) throws IOException {
        d.update(w.buffer(), 0, w.length());
        out.write(w.buffer(), 0, w.length());
    }

    /** Makes the rename durable; some platforms cannot open a directory, where the rename is durable anyway. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: not supported on this platform
        }
    }

    /** Reads a snapshot, handing each record to {@code sink} in file order; returns the height. */
    static long read(Path file, String chainId, Function<byte[], ListingRecord> decoder, Consumer<ListingRecord> sink)
            throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            Reader r = new Reader(new DataInputStream(new BufferedInputStream(raw, 1 << 16)), file);
            String tag = r.string("tag", 64);
            if (!TAG.equals(tag)) {
                throw new CorruptSnapshotException(file + " is not a directory snapshot (tag '" + tag + "', expected '"
                        + TAG + "')");
            }
            String chain = r.string("chain", 256);
            if (!chain.equals(chainId)) {
                throw new CorruptSnapshotException(file + " is a snapshot of chain " + chain + ", not of " + chainId);
            }
            long height = r.i64("height");
            long count = r.i64("count");
            if (height < 0 || count < 0 || count > Integer.MAX_VALUE) {
                throw new CorruptSnapshotException(file + " is corrupt: height " + height + ", count " + count);
            }
            for (long i = 0; i < count; i++) {
                byte[] b = r.bytes("listing " + i, MAX_RECORD);
                ListingRecord rec;
                try {
                    rec = decoder.apply(b);
                } catch (IllegalArgumentException e) {
                    throw new CorruptSnapshotException(file + " is corrupt: listing " + i + " does not decode: "
                            + e.getMessage(), e);
                }
                sink.accept(rec);
            }
            byte[] expected = r.digest.doFinal();
            byte[] stored = r.raw("checksum", CHECKSUM);
            if (!MessageDigest.isEqual(expected, stored)) {
                throw new CorruptSnapshotException(file + " is corrupt: checksum " + Hex.encode(stored)
                        + " does not match the contents (" + Hex.encode(expected) + ")");
            }
            if (r.in.read() != -1) {
                throw new CorruptSnapshotException(file + " is corrupt: bytes after the checksum");
            }
            return height;
        }
    }

    /** Reads canonical fields from the stream, hashing them as it goes. */
    private static final class Reader {
        final DataInputStream in;
        final Path file;
        final Digester digest = HashFunctions.SHA256.newDigester();

        Reader(DataInputStream in, Path file) {
            this.in = in;
            this.file = file;
        }

        byte[] raw(String field, int n) throws IOException {
            byte[] b = new byte[n];
            try {
                in.readFully(b);
            } catch (EOFException e) {
                throw new CorruptSnapshotException(file + " is truncated: it ends inside " + field, e);
            }
            return b;
        }

        long i64(String field) throws IOException {
            byte[] b = raw(field, 8);
            digest.update(b);
            long v = 0;
            for (byte x : b) {
                v = (v << 8) | (x & 0xff);
            }
            return v;
        }

        byte[] bytes(String field, int max) throws IOException {
            byte[] len = raw(field + " length", 4);
            digest.update(len);
            int n = ((len[0] & 0xff) << 24) | ((len[1] & 0xff) << 16) | ((len[2] & 0xff) << 8) | (len[3] & 0xff);
            if (n < 0 || n > max) {
                throw new CorruptSnapshotException(file + " is corrupt: " + field + " claims " + n + " bytes (at most "
                        + max + ")");
            }
            byte[] b = raw(field, n);
            digest.update(b);
            return b;
        }

        String string(String field, int max) throws IOException {
            return new String(bytes(field, max), StandardCharsets.UTF_8);
        }
    }
}
