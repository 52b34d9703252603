package org.energychain.console;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.energychain.trading.market.DeliveryPackage;

/**
 * The packages the console received for its organisation, kept in memory until they are opened: at most
 * {@code maxPackages} and {@code maxBytes} in all, the oldest going first, so that receiving again and
 * again cannot fill the node's memory (a package pushed out is received again before opening). Not
 * thread-safe: the caller holds its lock.
 */
final class ReceivedPackages {
    private record Kept(DeliveryPackage pkg, long bytes) {
    }

    private final int maxPackages;
    private final long maxBytes;
    private final LinkedHashMap<String, Kept> byKey = new LinkedHashMap<>();
    private long bytes;

    ReceivedPackages(int maxPackages, long maxBytes) {
        this.maxPackages = maxPackages;
        this.maxBytes = maxBytes;
    }

    /** Keeps {@code pkg} (whose encoding has {@code size} bytes) under {@code key}, replacing any before. */
    void keep(String key, DeliveryPackage pkg, long size) {
        Kept before = byKey.remove(key);
        if (before != null) {
            bytes -= before.bytes();
        }
        byKey.put(key, new Kept(pkg, size));
        bytes += size;
        Iterator<Map.Entry<String, Kept>> eldest = byKey.entrySet().iterator();
        while (byKey.size() > 1 && (byKey.size() > maxPackages || bytes > maxBytes)) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    Optional<DeliveryPackage> get(String key) {
        return Optional.ofNullable(byKey.get(key)).map(Kept::pkg);
    }

    int size() {
        return byKey.size();
    }

    long bytes() {
        return bytes;
    }
}
