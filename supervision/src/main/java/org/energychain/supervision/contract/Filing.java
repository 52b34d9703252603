package org.energychain.supervision.contract;

import java.util.Objects;
import java.util.Optional;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.store.PeriodKey;

/**
 * A filing as the regulatory chain keeps it and the {@code filing}, {@code filings} and {@code pending}
 * queries return it: what the group filed, who filed it when, and the regulator's acknowledgement once
 * given.
 *
 * <p>Encoding: tag {@code EC/filing/v1}, the {@link FilingArgs} fields (without their tag), {@link TxFacts}
 * of the filing, bool acknowledged, and if acknowledged: string note, {@link TxFacts} of the acknowledgement.
 */
public record Filing(FilingArgs args, TxFacts filed, Acknowledgement acknowledgement) {
    public static final String TAG = "EC/filing/v1";

    public Filing {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(filed, "filed");
    }

    public PeriodKey period() {
        return args.period();
    }

    public byte[] groupRoot() {
        return args.groupRoot();
    }

    public boolean acknowledged() {
        return acknowledgement != null;
    }

    public Optional<Acknowledgement> ack() {
        return Optional.ofNullable(acknowledgement);
    }

    Filing withAcknowledgement(Acknowledgement a) {
        return new Filing(args, filed, a);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(320).tag(TAG);
        args.write(w);
        filed.write(w);
        w.bool(acknowledgement != null);
        if (acknowledgement != null) {
            w.string(acknowledgement.note());
            acknowledgement.recorded().write(w);
        }
        return w.toByteArray();
    }

    public static Filing decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        FilingArgs args = FilingArgs.read(r);
        TxFacts filed = TxFacts.read(r, "filing");
        Acknowledgement ack = r.bool("acknowledged")
                ? new Acknowledgement(r.string("note"), TxFacts.read(r, "acknowledgement")) : null;
        r.end();
        return new Filing(args, filed, ack);
    }
}
