package org.energychain.supervision.contract;

import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.PeriodKey;

/**
 * An anchored period version as the business chain keeps it and the {@code anchor} query returns it:
 * the anchor's arguments and who anchored it when. {@link RegulatorCheck} verifies deliveries against
 * its {@code Hash_G}.
 *
 * <p>Encoding: tag {@code EC/anchor/v1}, the {@link AnchorArgs} fields (without their tag), then
 * {@link TxFacts} (string sender, string tx id, i64 height, instant block time).
 */
public record Anchor(AnchorArgs args, TxFacts recorded) {
    public static final String TAG = "EC/anchor/v1";

    public Anchor {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(recorded, "recorded");
    }

    public PeriodKey period() {
        return args.period();
    }

    public byte[] groupRoot() {
        return args.groupRoot();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256 + args.plants().size() * 64).tag(TAG);
        args.write(w);
        recorded.write(w);
        return w.toByteArray();
    }

    public static Anchor decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        Anchor a = new Anchor(AnchorArgs.read(r), TxFacts.read(r, "anchor"));
        r.end();
        return a;
    }
}
