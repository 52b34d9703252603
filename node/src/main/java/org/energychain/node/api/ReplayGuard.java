package org.energychain.node.api;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The nonces of the signed requests a node accepted, each kept until its request's time has left the
 * clock-skew window (after which the request is refused as expired anyway), so that a captured request
 * cannot be sent again while it is fresh. Bounded: when {@code capacity} nonces are still fresh, new
 * signed requests are refused until some expire.
 */
final class ReplayGuard {
    private record Entry(long expiresAt, String key) {
    }

    private final int capacity;
    private final Map<String, Long> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));

    ReplayGuard(int capacity) {
        this.capacity = capacity;
    }

    /** The outcome of a claim. */
    enum Claim { FRESH, REPLAYED, FULL }

    /** Records {@code key} until {@code expiresAt} (epoch ms); says whether it was fresh at {@code now}. */
    synchronized Claim claim(String key, long expiresAt, long now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt < now) {
            Entry e = byExpiry.poll();
            if (seen.get(e.key) != null && seen.get(e.key) == e.expiresAt) {
                seen.remove(e.key);
            }
        }
        if (seen.containsKey(key)) {
            return Claim.REPLAYED;
        }
        if (seen.size() >= capacity) {
            return Claim.FULL;
        }
        seen.put(key, expiresAt);
        byExpiry.add(new Entry(expiresAt, key));
        return Claim.FRESH;
    }

    synchronized int size() {
        return seen.size();
    }
}
