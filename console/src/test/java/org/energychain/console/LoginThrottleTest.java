package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Wrong passwords slow an address down, doubling, on the injected clock; a right one clears it. */
class LoginThrottleTest {
    static final class SteppedClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void afterTheFreeAttemptsEachWrongPasswordDoublesTheWaitUpToTheMaximum() {
        SteppedClock clock = new SteppedClock();
        LoginThrottle t = new LoginThrottle(clock, 3, Duration.ofSeconds(2), Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(t.wait("10.0.0.1")).isEmpty();
            t.failed("10.0.0.1");
        }
        assertThat(t.wait("10.0.0.1")).isEmpty();
        t.failed("10.0.0.1"); // the fourth: 2 s
        assertThat(t.wait("10.0.0.1")).contains(Duration.ofSeconds(2));
        assertThat(t.wait("10.0.0.2")).as("another address").isEmpty();
        clock.now = clock.now.plusSeconds(2);
        assertThat(t.wait("10.0.0.1")).isEmpty();
        t.failed("10.0.0.1"); // the fifth: 4 s
        assertThat(t.wait("10.0.0.1")).contains(Duration.ofSeconds(4));
        clock.now = clock.now.plusSeconds(4);
        t.failed("10.0.0.1"); // the sixth: 8 s, capped at 5 s
        assertThat(t.wait("10.0.0.1")).contains(Duration.ofSeconds(5));
        clock.now = clock.now.plusSeconds(5);
        t.succeeded("10.0.0.1");
        t.failed("10.0.0.1");
        assertThat(t.wait("10.0.0.1")).as("counted afresh after a right password").isEmpty();
    }

    @Test
    void theTableOfAddressesIsBounded() {
        LoginThrottle t = new LoginThrottle(new SteppedClock(), 0, Duration.ofSeconds(1), Duration.ofSeconds(1));
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES + 10; i++) {
            t.failed("a" + i);
        }
        assertThat(t.wait("a0")).as("the oldest address was forgotten").isEmpty();
        assertThat(t.wait("a" + (LoginThrottle.MAX_ADDRESSES + 9))).isPresent();
    }
}
