package org.energychain.supervision.contract;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.DestructionRecord;

/**
 * A destruction as recorded on chain (the {@code destructions} query returns these): the off-chain
 * record as the group submitted it, and who recorded it when.
 *
 * <p>Encoding: tag {@code EC/destruction/v1}, the {@link DestructionArgs} fields (without their tag),
 * then {@link TxFacts}.
 */
public record Destruction(DestructionArgs args, TxFacts recorded) {
    public static final String TAG = "EC/destruction/v1";

    public Destruction {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(recorded, "recorded");
    }

    public DestructionRecord record() {
        return args.record();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(512).tag(TAG);
        args.write(w);
        recorded.write(w);
        return w.toByteArray();
    }

    public static Destruction decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        Destruction d = new Destruction(DestructionArgs.read(r), TxFacts.read(r, "destruction"));
        r.end();
        return d;
    }
}
