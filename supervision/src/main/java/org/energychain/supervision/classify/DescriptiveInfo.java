package org.energychain.supervision.classify;

import java.time.LocalDate;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * The paper's descriptive information DI of a D1 dataset: what a buyer searches the catalogue by. The
 * first five fields are the levels of the summary directory tree (energy type / data type / region /
 * group / unit), where unit is the generating unit (plant).
 *
 * <p>Encoding: tag {@code EC/di/v1}, strings energy type, data type, region, group, unit, mathematical
 * type, measurement, measurement unit, derivation, dates from and to (exclusive), i32 point count.
 */
public record DescriptiveInfo(String energyType, String dataType, String region, String groupId, String unitId,
        String mathType, String measurement, String measurementUnit, String derivation, LocalDate from,
        LocalDate to, int points) {
    public static final String TAG = "EC/di/v1";

    public CanonicalWriter encodeInto(CanonicalWriter w) {
        return w.tag(TAG).string(energyType).string(dataType).string(region).string(groupId).string(unitId)
                .string(mathType).string(measurement).string(measurementUnit).string(derivation).date(from).date(to)
                .i32(points);
    }

    public byte[] encode() {
        return encodeInto(new CanonicalWriter(192)).toByteArray();
    }

    /** Reads the encoding of {@link #encode()} (strict: tag, every field, nothing after). */
    public static DescriptiveInfo decode(byte[] bytes) {
        org.energychain.crypto.encoding.CanonicalReader r = new org.energychain.crypto.encoding.CanonicalReader(bytes)
                .expectTag(TAG);
        DescriptiveInfo di = new DescriptiveInfo(r.string("energyType"), r.string("dataType"), r.string("region"),
                r.string("group"), r.string("unit"), r.string("mathType"), r.string("measurement"),
                r.string("measurementUnit"), r.string("derivation"), r.date("from"), r.date("to"), r.i32("points"));
        r.end();
        return di;
    }
}
