package org.energychain.ledger.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of an in-process node in tests that drive it through its API (the CLI's): the system clock plus an offset the test moves
 * forward explicitly ({@link #advance}), so that a contract deadline passes when the test says so instead
 * of after waiting on the wall clock. It keeps running with the wall clock (the node cuts blocks on time)
 * and never goes back; keep the total advance within the node's clock-skew window (60 s) since the
 * CLI signs its requests with the wall clock.
 */
public final class SteppedClock extends Clock {
    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves the clock forward by {@code d}. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + d);
        }
        offsetMillis.addAndGet(d.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
