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

    /** Writes string type, bytes data (without copying the data). */
    void writeTo(org.energychain.crypto.encoding.CanonicalWriter w) {
        w.string(type).bytes(data);
    }

    /** The number of bytes {@link #writeTo} writes. */
    int encodedLength() {
        return org.energychain.crypto.encoding.CanonicalWriter.stringLength(type) + 4 + data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && type.equals(e.type) && java.util.Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Event[" + type + ", " + data.length + " bytes]";
    }
}
