package org.energychain.supervision.tree;

import java.util.EnumMap;
import java.util.Map;
import org.energychain.crypto.Digester;
import org.energychain.crypto.Hmac;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;
import org.jspecify.annotations.Nullable;

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
    private final Map<Measurement, byte[]> measurementAndUnit = new EnumMap<>(Measurement.class);
    private final Map<Measurement, byte[]> measurementCode = new EnumMap<>(Measurement.class);
    private @Nullable String cachedPlant;
    private byte[] leafPrefix = new byte[0];
    private byte[] saltPrefix = new byte[0];

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
        // one buffer, one update: 0x00, then the leaf with its constant parts cached per plant and measurement
        leaf.reset().u8(0).fixed(leafPrefix).i64(r.timestamp().toEpochMilli()).fixed(measurementAndUnit(r.measurement()))
                .decimal(r.value()).fixed(salt);
        digester.update(leaf.buffer(), 0, leaf.length());
        digester.doFinal(out, off);
    }

    private void deriveSalt(Reading r) {
        prefixesFor(r.plantId());
        saltInput.reset().fixed(saltPrefix).i64(r.timestamp().toEpochMilli()).fixed(measurementCode(r.measurement()));
        hmac.update(saltInput.buffer(), 0, saltInput.length());
        hmac.doFinal(mac, 0);
        System.arraycopy(mac, 0, salt, 0, salt.length);
    }

    private void prefixesFor(String plantId) {
        if (!plantId.equals(cachedPlant)) {
            leafPrefix = new CanonicalWriter(64).tag(ReadingLeaf.TAG).string(context.hash().name())
                    .string(context.groupId()).string(plantId).toByteArray();
            saltPrefix = new CanonicalWriter(48).tag(SALT_TAG).string(plantId).toByteArray();
            cachedPlant = plantId;
        }
    }

    private byte[] measurementAndUnit(Measurement m) {
        return measurementAndUnit.computeIfAbsent(m, k -> new CanonicalWriter(32).string(k.code()).string(k.unit())
                .toByteArray());
    }

    private byte[] measurementCode(Measurement m) {
        return measurementCode.computeIfAbsent(m, k -> new CanonicalWriter(32).string(k.code()).toByteArray());
    }

    /** The UTC day of a reading as days since 1970-01-01 (cheap: no time-zone rules). */
    public static long epochDay(Reading r) {
        return Math.floorDiv(r.timestamp().toEpochMilli(), 86_400_000L);
    }
}
