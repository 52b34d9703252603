package org.energychain.trading.catalog;

import java.time.Instant;
import java.util.Arrays;

/** Listing values for tests. */
public final class Listings {
    public static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    public static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");

    private Listings() {
    }

    public static byte[] root(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    /** A listing of {@code group} at {@code energy/data/region/group/unit}. */
    public static Listing listing(String id, String energy, String data, String region, String group, String unit,
            Instant from, Instant to, long price) {
        return listing(id, energy, data, region, group, unit, "time-series", from, to, price);
    }

    public static Listing listing(String id, String energy, String data, String region, String group, String unit,
            String mathType, Instant from, Instant to, long price) {
        return new Listing(id, "SHA-256", root(id.hashCode() & 0x7f), 4096 * 3, energy, data, region, group, unit,
                mathType, "active_power", "kW", from, to, price, "licence: research", "https://" + group + ".example/data");
    }

    /** A January wind listing of G1's unit W001. */
    public static Listing simple(String id, String group) {
        return listing(id, "wind", "generation-profile", "North", group, group + "-W001", JAN, FEB, 1000);
    }
}
