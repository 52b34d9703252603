package org.energychain.ledger.tx;

import java.util.Objects;

/** Something a contract announces (e.g. "period anchored"); recorded with the result, pushed to subscribers. */
public record Event(String type, byte[] data) {
    public Event {
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
