package org.energychain.trading.directory;

import java.io.IOException;

/**
 * A directory snapshot that cannot be trusted: truncated, altered (checksum), not a snapshot, or of
 * another chain. The remedy is always the same (rebuild from the chain), so callers can catch it apart
 * from an unreadable disk.
 */
public class CorruptSnapshotException extends IOException {
    public CorruptSnapshotException(String message) {
        super(message);
    }

    public CorruptSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
