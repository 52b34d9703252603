package org.energychain.supervision.contract;

import java.util.Objects;

/**
 * A regulator's acknowledgement of a filing: its note and who acknowledged it in which transaction at
 * which block time ({@code recorded.sender()} is the regulator's member id).
 */
public record Acknowledgement(String note, TxFacts recorded) {
    public Acknowledgement {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(recorded, "recorded");
    }

    public String regulator() {
        return recorded.sender();
    }
}
