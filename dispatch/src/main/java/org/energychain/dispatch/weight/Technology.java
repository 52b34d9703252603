package org.energychain.dispatch.weight;

import java.util.Locale;

/**
 * Generation technologies with their life-cycle greenhouse-gas emission factors (gCO2-eq/kWh), the
 * medians of IPCC AR5 WG III, Annex III, Table A.III.2 (2014): coal 820, gas combined cycle 490,
 * biomass (dedicated) 230, solar PV utility 48, solar CSP 27, geothermal 38, hydro 24, nuclear 12,
 * wind onshore 11, wind offshore 12. Cleanness R is derived from these (see {@link Cleanness}).
 */
public enum Technology {
    COAL(820), GAS(490), BIOMASS(230), SOLAR_PV(48), GEOTHERMAL(38), SOLAR_CSP(27), HYDRO(24), NUCLEAR(12),
    WIND_OFFSHORE(12), WIND_ONSHORE(11);

    private final int gramsPerKwh;

    Technology(int gramsPerKwh) {
        this.gramsPerKwh = gramsPerKwh;
    }

    /** Life-cycle emissions in gCO2-eq per kWh (IPCC AR5 median). */
    public int gramsPerKwh() {
        return gramsPerKwh;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final java.util.Map<String, Technology> BY_CODE = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Technology::code, t -> t));

    public static Technology byCode(String code) {
        Technology exact = BY_CODE.get(code);
        if (exact != null) {
            return exact; // the canonical spelling, as every decoder meets it
        }
        for (Technology t : values()) {
            if (t.code().equals(code.trim().toLowerCase(Locale.ROOT)) || t.name().equalsIgnoreCase(code.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown technology '" + code + "'");
    }
}
