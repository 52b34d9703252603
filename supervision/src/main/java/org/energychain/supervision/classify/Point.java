package org.energychain.supervision.classify;

import java.math.BigDecimal;
import java.time.Instant;

/** One value of a dataset's series. */
public record Point(Instant time, BigDecimal value) {
}
