package org.energychain.ledger.contract;

import java.util.Objects;

/**
 * Field rules every contract's argument records share, so that each names the field it refuses the same
 * way (and {@link ContractArgs#decode} turns the refusal into {@code MALFORMED}).
 */
public final class ArgChecks {
    private ArgChecks() {
    }

    /** A copy of {@code value}, which must be a digest of {@code length} bytes. */
    public static byte[] digest(byte[] value, int length, String field) {
        Objects.requireNonNull(value, field);
        if (value.length != length) {
            throw new IllegalArgumentException(field + " must be " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }
}
