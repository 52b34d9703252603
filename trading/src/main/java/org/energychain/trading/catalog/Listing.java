package org.energychain.trading.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.HashFunctions;
import org.energychain.crypto.Hex;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.jspecify.annotations.Nullable;

/**
 * A summary block as a seller publishes it on the trading chain (paper II.C): {@code Hash(D1)} (the
 * content root of the dataset's canonical encoding, see docs/encoding.md) and the descriptive
 * information DI a buyer searches by. The first five DI fields are the levels of the summary directory
 * tree. Everything here is public; the data itself never leaves the seller until it is sold.
 *
 * <p>Encoding (docs/catalog.md): tag {@code EC/listing/v1}, string id, string hash, fixed(digest)
 * contentRoot, i64 sizeBytes, strings energyType, dataType, region, group, unit, mathType, measurement,
 * measurementUnit, instant from, instant to (exclusive), i64 price (minor units of the chain's
 * currency), string terms, string endpoint.
 */
public record Listing(String id, String hash, byte[] contentRoot, long sizeBytes, String energyType, String dataType,
        String region, String group, String unit, String mathType, String measurement, String measurementUnit,
        Instant from, Instant to, long price, String terms, String endpoint) {
    public static final String TAG = "EC/listing/v1";

    /** Ids: what dataset ids look like, e.g. {@code D1/hourly-power/G1-W001/active_power/2026-01-01/2026-02-01}. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,159}");
    /** Directory levels: no '/' (the path separator) and no '*' (the wildcard). */
    public static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /**
     * The first level of the directory is a closed vocabulary, so that buyers browsing it see every energy
     * type under one name ({@code electricity} for data not tied to one source, e.g. a group's total).
     */
    public static final java.util.List<String> ENERGY_TYPES = java.util.List.of("solar", "wind", "hydro", "thermal",
            "nuclear", "biomass", "geothermal", "storage", "electricity");
    public static final int MAX_TEXT = 256;
    public static final int MAX_ENDPOINT = 512;

    /** Validates every field; the message names the field and what is wrong. */
    public Listing {
        require(isId(id), "id", id, "1-160 characters of A-Z a-z 0-9 . _ : / -");
        HashFunction h;
        try {
            h = HashFunctions.byName(Objects.requireNonNull(hash, "hash"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("listing " + id + ": hash: " + e.getMessage());
        }
        // (messages are built only for a refusal: a listing is checked on every node for every publication)
        if (contentRoot == null || contentRoot.length != h.digestLength()) {
            require(false, "contentRoot", contentRoot == null ? null : Hex.encode(contentRoot),
                    h.digestLength() + " bytes for " + hash);
        }
        contentRoot = contentRoot.clone();
        require(sizeBytes > 0, "sizeBytes", sizeBytes, "positive");
        level(id, "energyType", energyType);
        if (!ENERGY_TYPES.contains(energyType)) {
            require(false, id, "energyType", energyType, "one of " + ENERGY_TYPES);
        }
        level(id, "dataType", dataType);
        level(id, "region", region);
        level(id, "group", group);
        level(id, "unit", unit);
        level(id, "mathType", mathType);
        text(id, "measurement", measurement, MAX_TEXT);
        text(id, "measurementUnit", measurementUnit, MAX_TEXT);
        if (from == null || to == null || !from.isBefore(to)) {
            require(false, "from/to", from + ".." + to, "a non-empty range, from before to");
        }
        require(price >= 0, "price", price, "zero or more (minor units)");
        text(id, "terms", terms, MAX_TEXT);
        text(id, "endpoint", endpoint, MAX_ENDPOINT);
    }

    private static void level(String id, String field, String v) {
        require(isLevel(v), id, field, v, "1-64 characters of A-Z a-z 0-9 . _ -");
    }

    /** Whether {@code v} matches {@link #ID}; without a regex engine, as every node checks every publication. */
    public static boolean isId(@Nullable String v) {
        return plain(v, 160, true);
    }

    /** Whether {@code v} matches {@link #LEVEL}; without a regex engine, as {@link #isId}. */
    public static boolean isLevel(@Nullable String v) {
        return plain(v, 64, false);
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._-]{0,max-1}}, with ':' and '/' allowed after the first when {@code id}. */
    private static boolean plain(@Nullable String v, int max, boolean id) {
        if (v == null || v.isEmpty() || v.length() > max || !alnum(v.charAt(0))) {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!alnum(c) && c != '.' && c != '_' && c != '-' && !(id && (c == ':' || c == '/'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static void text(String id, String field, String v, int max) {
        if (v == null || v.length() > max || !noControl(v)) {
            require(false, id, field, v, "at most " + max + " characters, no control characters");
        }
    }

    private static boolean noControl(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean ok, String field, Object value, String what) {
        require(ok, null, field, value, what);
    }

    private static void require(boolean ok, String id, String field, Object value, String what) {
        if (!ok) {
            throw new IllegalArgumentException((id == null ? "" : "listing " + id + ": ") + field + " '" + value
                    + "' is invalid: expected " + what);
        }
    }

    @Override
    public byte[] contentRoot() {
        return contentRoot.clone();
    }

    /** The directory path: energy type / data type / region / group / unit. */
    public String path() {
        return energyType + "/" + dataType + "/" + region + "/" + group + "/" + unit;
    }

    public CanonicalWriter encodeInto(CanonicalWriter w) {
        return w.tag(TAG).string(id).string(hash).fixed(contentRoot).i64(sizeBytes).string(energyType)
                .string(dataType).string(region).string(group).string(unit).string(mathType).string(measurement)
                .string(measurementUnit).instant(from).instant(to).i64(price).string(terms).string(endpoint);
    }

    public byte[] encode() {
        return encodeInto(new CanonicalWriter(384)).toByteArray();
    }

    /** Reads a listing after its tag has been checked by {@link CanonicalReader#expectTag}. */
    public static Listing readFrom(CanonicalReader r) {
        String id = r.string("id");
        String hash = r.string("hash");
        HashFunction h = HashFunctions.byName(hash);
        return new Listing(id, hash, r.fixed(h.digestLength(), "contentRoot"), r.i64("sizeBytes"),
                r.string("energyType"), r.string("dataType"), r.string("region"), r.string("group"), r.string("unit"),
                r.string("mathType"), r.string("measurement"), r.string("measurementUnit"), r.instant("from"),
                r.instant("to"), r.i64("price"), r.string("terms"), r.string("endpoint"));
    }

    public static Listing decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        Listing l = readFrom(r);
        r.end();
        return l;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Listing l && java.util.Arrays.equals(encode(), l.encode());
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + java.util.Arrays.hashCode(contentRoot);
    }

    @Override
    public String toString() {
        return "Listing[" + id + " " + path() + " " + Hex.encode(contentRoot) + " price " + price + "]";
    }
}
