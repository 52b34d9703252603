package org.energychain.ledger.store.rocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.energychain.ledger.store.StorageException;

/**
 * The height each chain had when its last commit was acknowledged, kept outside RocksDB in one small
 * synced file per chain ({@code <db>/energychain-committed/<chain>.height}). Why: a write-ahead log cut
 * exactly at a record boundary looks like a clean log, so RocksDB alone cannot tell that synced,
 * acknowledged blocks were lost; this record can. On open, a chain whose database ends below its record
 * is refused (its heights would otherwise be reused by different blocks); a database ahead of its record
 * (a crash between the two writes) is fine.
 *
 * <p>Record: 4 bytes {@code ECH1}, i64 height (big-endian), u32 CRC32C of the 12 bytes before it.
 */
final class CommittedHeights implements AutoCloseable {
    static final String DIR = "energychain-committed";
    private static final byte[] MAGIC = {'E', 'C', 'H', '1'};
    private static final int SIZE = 16;

    private final Path dir;
    private final Map<String, FileChannel> open = new HashMap<>();

    CommittedHeights(Path dbDir) {
        this.dir = dbDir.resolve(DIR);
    }

    /** The recorded height of a chain, or -1 if it has none (a new chain, or a database from before). */
    synchronized long recorded(String chainId) {
        Path f = file(chainId);
        if (!Files.exists(f)) {
            return -1;
        }
        byte[] b;
        try {
            b = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new StorageException("chain " + chainId + ": cannot read its committed-height record " + f + ": "
                    + e.getMessage(), e);
        }
        if (b.length != SIZE || b[0] != MAGIC[0] || b[1] != MAGIC[1] || b[2] != MAGIC[2] || b[3] != MAGIC[3]
                || crc(b) != ByteBuffer.wrap(b, 12, 4).getInt()) {
            throw new StorageException("chain " + chainId + ": its committed-height record " + f + " is damaged ("
                    + b.length + " bytes); " + RECOVERY);
        }
        return ByteBuffer.wrap(b, 4, 8).getLong();
    }

    /** Records and syncs {@code height} as acknowledged. */
    synchronized void record(String chainId, long height) {
        ByteBuffer buf = ByteBuffer.allocate(SIZE).put(MAGIC).putLong(height);
        buf.putInt(crc(buf.array()));
        buf.flip();
        try {
            FileChannel ch = open.get(chainId);
            if (ch == null) {
                Files.createDirectories(dir);
                ch = FileChannel.open(file(chainId), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                open.put(chainId, ch);
            }
            while (buf.hasRemaining()) {
                ch.write(buf, buf.position());
            }
            ch.force(false);
        } catch (IOException e) {
            throw new StorageException("chain " + chainId + ": cannot record committed height " + height + " in " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a chain whose database ends below what was acknowledged. */
    void check(String chainId, long storeHeight) {
        long rec = recorded(chainId);
        if (rec > storeHeight) {
            throw new StorageException("chain " + chainId + ": the database ends at block " + storeHeight + " but block "
                    + rec + " was committed and acknowledged (recorded in " + file(chainId) + "): its write-ahead log or"
                    + " files were truncated or damaged, so " + (rec - storeHeight) + " acknowledged block(s) are"
                    + " missing. Refusing to open it, so that no height is reused by another block; " + RECOVERY);
        }
    }

    static final String RECOVERY = "to recover, restore the node's data directory from a backup taken after that"
            + " block, or on a consortium network remove the chain's data and let the node catch up from its peers"
            + " (docs/ledger-storage.md, \"Recovery\")";

    private Path file(String chainId) {
        return dir.resolve(chainId + ".height");
    }

    private static int crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b, 0, 12);
        return (int) c.getValue();
    }

    @Override
    public synchronized void close() {
        for (FileChannel ch : open.values()) {
            try {
                ch.close();
            } catch (IOException e) {
                // every record was forced when written
            }
        }
        open.clear();
    }
}
