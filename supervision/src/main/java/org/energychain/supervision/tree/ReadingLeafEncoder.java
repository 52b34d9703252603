package org.energychain.supervision.tree;

import java.time.ZoneOffset;
import org.energychain.crypto.Digester;
import org.energychain.crypto.Hmac;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.reading.Reading;

/**
 * Turns readings into daily-tree leaves on the ingest hot path: derives each reading's salt as the first
 * 16 bytes of {@code HMAC-H(saltKey, EC/salt/v1 || plant || timestamp || measurement)} and hashes the
 * canonical leaf as {@code H(0x00 || leaf)}, reusing its buffers. One instance per thread.
 *
 * <p>Deriving salts from one secret key per period (kept in the group's own store, never published)
 * means nothing extra is stored per reading, while each disclosed reading reveals only its own salt.
 */
public final class ReadingLeafEncoder {
    public static final String SALT_TAG = "EC/salt/v1";

    private final TreeContext context;
    private final Hmac hmac;
    private final Digester digester;
    private final CanonicalWriter saltInput = new CanonicalWriter(96);
    private final CanonicalWriter leaf = new CanonicalWriter(160);
    private final byte[] mac;
    private final byte[] salt = new byte[ReadingLeaf.SALT_LENGTH];

    public ReadingLeafEncoder(TreeContext context, byte[] saltKey) {
        if (saltKey.length < 16) {
            throw new IllegalArgumentException("salt key must have at least 16 bytes");
        }
        this.context = context;
        this.hmac = new Hmac(context.hash(), saltKey);
        this.digester = context.hash().newDigester();
        this.mac = new byte[context.hash().digestLength()];
    }

    public TreeContext context() {
        return context;
    }

    /** The salt of a reading (16 bytes). */
    public byte[] salt(Reading r) {
        deriveSalt(r);
        return salt.clone();
    }

    /** The full leaf of a reading, for proofs and disclosure. */
    public ReadingLeaf leaf(Reading r) {
        return new ReadingLeaf(context.hash().name(), context.groupId(), r.plantId(), r.timestamp(),
                r.measurement().code(), r.unit(), r.value(), salt(r));
    }

    /** Writes {@code H(0x00 || leaf(r))} at {@code out[off..]} without allocating. */
    public void leafHash(Reading r, byte[] out, int off) {
        deriveSalt(r);
        leaf.reset().tag(ReadingLeaf.TAG).string(context.hash().name()).string(context.groupId())
                .string(r.plantId()).instant(r.timestamp()).string(r.measurement().code()).string(r.unit())
                .decimal(r.value()).fixed(salt);
        digester.update((byte) 0x00);
        digester.update(leaf.buffer(), 0, leaf.length());
        digester.doFinal(out, off);
    }

    private void deriveSalt(Reading r) {
        saltInput.reset().tag(SALT_TAG).string(r.plantId()).instant(r.timestamp()).string(r.measurement().code());
        hmac.update(saltInput.buffer(), 0, saltInput.length());
        hmac.doFinal(mac, 0);
        System.arraycopy(mac, 0, salt, 0, salt.length);
    }

    /** The UTC day a reading belongs to. */
    public static java.time.LocalDate dayOf(Reading r) {
        return r.timestamp().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
