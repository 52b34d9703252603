package org.energychain.supervision.generate;

/** Sun position and clear-sky irradiance, accurate to a degree or so: enough for realistic profiles. */
public final class SolarGeometry {
    private SolarGeometry() {
    }

    /**
     * Sun elevation in degrees (negative at night) at {@code epochSeconds} for a place, from the solar
     * declination of the day of year and the hour angle of local solar time (longitude-corrected UTC).
     */
    public static double elevationDeg(double latDeg, double lonDeg, long epochSeconds) {
        long day = Math.floorDiv(epochSeconds, 86400);
        double dayOfYear = dayOfYear(day);
        double utcHours = Math.floorMod(epochSeconds, 86400) / 3600.0;
        double decl = Math.toRadians(23.44) * Math.sin(2 * Math.PI * (284 + dayOfYear) / 365.0);
        double solarHours = utcHours + lonDeg / 15.0;
        double hourAngle = Math.toRadians(15.0 * (solarHours - 12.0));
        double lat = Math.toRadians(latDeg);
        double sinAlt = Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinAlt))));
    }

    /** Global horizontal clear-sky irradiance in W/m2 (Haurwitz model); 0 when the sun is down. */
    public static double clearSkyGhi(double elevationDeg) {
        if (elevationDeg <= 0) {
            return 0;
        }
        double s = Math.sin(Math.toRadians(elevationDeg));
        return 1098 * s * Math.exp(-0.057 / s);
    }

    static int dayOfYear(long epochDay) {
        return java.time.LocalDate.ofEpochDay(epochDay).getDayOfYear();
    }
}
