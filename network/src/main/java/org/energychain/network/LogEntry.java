package org.energychain.network;

import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * What a chain's replicated log holds: a proposed block, or a validator's vote. Encoding: tag
 * {@code EC/entry/v1}, u8 kind (1 block, 2 vote), bytes payload (the block's or vote's own encoding).
 */
public record LogEntry(Kind kind, byte[] payload) {
    public static final String TAG = "EC/entry/v1";

    public enum Kind {
        BLOCK(1), VOTE(2);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown log entry kind " + code);
        }
    }

    public LogEntry {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public byte[] encode() {
        return new CanonicalWriter(payload.length + 32).tag(TAG).u8(kind.code).bytes(payload).toByteArray();
    }

    /** @throws IllegalArgumentException naming what is malformed */
    public static LogEntry decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        Kind k = Kind.of(r.u8("kind"));
        byte[] p = r.bytes("payload");
        r.end();
        return new LogEntry(k, p);
    }
}
