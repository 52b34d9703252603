package org.energychain.ledger.tx;

import java.util.List;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A transaction's recorded outcome: its code, a message for people, and the events it emitted (only
 * when it succeeded). Encoding: tag {@code EC/result/v1}, i32 code, string message, i32 n, per event:
 * string type, bytes data.
 */
public record TxResult(int code, String message, List<Event> events) {
    public static final String TAG = "EC/result/v1";

    public TxResult {
        message = message == null ? "" : message;
        events = List.copyOf(events);
    }

    public static TxResult ok(List<Event> events) {
        return new TxResult(ResultCode.OK, "", events);
    }

    public boolean isOk() {
        return code == ResultCode.OK;
    }

    public byte[] encode() {
        return writeTo(new CanonicalWriter(encodedLength())).finish();
    }

    /** Writes {@link #encode()} into {@code w}: a block writes its results so, without a copy each. */
    public CanonicalWriter writeTo(CanonicalWriter w) {
        w.tag(TAG).i32(code).string(message).i32(events.size());
        for (Event e : events) {
            e.writeTo(w);
        }
        return w;
    }

    /** The length of {@link #encode()}, computed without encoding. */
    public int encodedLength() {
        int n = CanonicalWriter.stringLength(TAG) + 4 + CanonicalWriter.stringLength(message) + 4;
        for (Event e : events) {
            n += e.encodedLength();
        }
        return n;
    }

    public static TxResult decode(byte[] bytes) {
        org.energychain.crypto.encoding.CanonicalReader r = new org.energychain.crypto.encoding.CanonicalReader(bytes)
                .expectTag(TAG);
        int code = r.i32("code");
        String message = r.string("message");
        int n = r.count("events", 8); // type and data lengths
        java.util.List<Event> events = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new Event(r.string("event type"), r.bytes("event data")));
        }
        r.end();
        return new TxResult(code, message, events);
    }
}
