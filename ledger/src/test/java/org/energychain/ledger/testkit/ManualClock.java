package org.energychain.ledger.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The block time of a test chain, moved only by the test: either fixed until {@link #advance} (deadline
 * tests) or ticking a fixed step on every reading, so each block gets its own time without a test
 * having to move it. Never the wall clock, so no test waits or depends on timing.
 */
public final class ManualClock extends Clock {
    private final Duration tick;
    private Instant now;

    private ManualClock(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    /** A clock reading {@code start} until advanced. */
    public static ManualClock at(Instant start) {
        return new ManualClock(start, Duration.ZERO);
    }

    /** A clock that moves {@code tick} forward before every reading: the first reading is {@code start + tick}. */
    public static ManualClock ticking(Instant start, Duration tick) {
        if (tick.isNegative()) {
            throw new IllegalArgumentException("a clock does not tick backwards: " + tick);
        }
        return new ManualClock(start, tick);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(tick);
        return now;
    }

    /** Moves the clock forward by {@code d}. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + d);
        }
        now = now.plus(d);
    }
}
