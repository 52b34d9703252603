package org.energychain.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing, per client address and in all: after {@code free} wrong passwords in a
 * row an address must wait, first {@code firstDelay}, doubling with each further wrong password up to
 * {@code maxDelay}; a correct password clears its address. Time is the injected {@link Clock}'s, so that
 * tests step it. The table of addresses is bounded (the least recently seen is forgotten first).
 */
final class LoginThrottle {
    private record Failures(int count, Instant until) {
    }

    static final int MAX_ADDRESSES = 10_000;
    private final Clock clock;
    private final int free;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final LinkedHashMap<String, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true);

    LoginThrottle(Clock clock, int free, Duration firstDelay, Duration maxDelay) {
        this.clock = clock;
        this.free = free;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** How long {@code address} must still wait before it may try a password; empty: it may now. */
    synchronized Optional<Duration> wait(String address) {
        Failures f = byAddress.get(address);
        if (f == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return now.isBefore(f.until()) ? Optional.of(Duration.between(now, f.until())) : Optional.empty();
    }

    /** Records a wrong password from {@code address}. */
    synchronized void failed(String address) {
        Failures f = byAddress.get(address);
        int count = f == null ? 1 : f.count() + 1;
        Instant until = clock.instant();
        if (count > free) {
            int doublings = Math.min(count - free - 1, 30);
            Duration d = firstDelay.multipliedBy(1L << doublings);
            until = until.plus(d.compareTo(maxDelay) > 0 ? maxDelay : d);
        }
        byAddress.put(address, new Failures(count, until));
        if (byAddress.size() > MAX_ADDRESSES) {
            Iterator<Map.Entry<String, Failures>> eldest = byAddress.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** A correct password from {@code address}: its count starts again. */
    synchronized void succeeded(String address) {
        byAddress.remove(address);
    }
}
