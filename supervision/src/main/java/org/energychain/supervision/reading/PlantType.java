package org.energychain.supervision.reading;

import java.util.Locale;

/** Generation technology of a plant; decides its profile in the generator and its energy type in DI. */
public enum PlantType {
    SOLAR, WIND, HYDRO, THERMAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlantType byCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown plant type '" + code + "' (known: solar, wind, hydro, thermal)");
        }
    }
}
