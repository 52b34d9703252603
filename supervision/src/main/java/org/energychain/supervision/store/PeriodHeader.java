package org.energychain.supervision.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an import says about itself before its data arrives: the group and period, the crypto suite
 * its trees are hashed with, the secret salt key of the period (32 bytes; needed later to re-prove
 * readings, so it is stored, but it is never printed: {@link #toString()} leaves it out) and when the
 * import was created.
 */
public record PeriodHeader(String groupId, LocalDate start, LocalDate endExclusive, String suiteName,
                           byte[] saltKey, Instant createdAt) {
    /** Length of the salt key in bytes. */
    public static final int SALT_KEY_LENGTH = 32;

    public PeriodHeader {
        Objects.requireNonNull(groupId, "groupId");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("group id must not be blank");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (!start.isBefore(endExclusive)) {
            throw new IllegalArgumentException("period start " + start + " must be before its end " + endExclusive);
        }
        Objects.requireNonNull(suiteName, "suiteName");
        saltKey = Bytes.copy(saltKey, "saltKey");
        if (saltKey.length != SALT_KEY_LENGTH) {
            throw new IllegalArgumentException("salt key must be " + SALT_KEY_LENGTH + " bytes, got " + saltKey.length);
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public byte[] saltKey() {
        return saltKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodHeader h && groupId.equals(h.groupId) && start.equals(h.start)
                && endExclusive.equals(h.endExclusive) && suiteName.equals(h.suiteName)
                && Arrays.equals(saltKey, h.saltKey) && createdAt.equals(h.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, start, endExclusive, suiteName, Arrays.hashCode(saltKey), createdAt);
    }

    @Override
    public String toString() {
        return "PeriodHeader[" + groupId + " [" + start + ".." + endExclusive + ") suite=" + suiteName
                + " saltKey=<secret> createdAt=" + createdAt + "]";
    }
}
