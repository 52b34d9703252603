package org.energychain.supervision.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A request to destroy off-chain data of a group: the readings of one plant (or all plants when
 * {@code plantId} is null) on the days [from, toExclusive), and the D1/D3 datasets of that plant (or
 * of the group) whose period lies wholly inside that range. The reason and time are kept in the
 * {@link DestructionRecord}.
 */
public record DestroyRequest(String groupId, String plantId, LocalDate from, LocalDate toExclusive, String reason,
                             Instant at) {
    public DestroyRequest {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("destroy range start " + from + " must be before its end " + toExclusive);
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a destruction needs a reason");
        }
        Objects.requireNonNull(at, "at");
    }
}
