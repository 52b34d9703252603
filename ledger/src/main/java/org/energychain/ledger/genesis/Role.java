package org.energychain.ledger.genesis;

import java.util.Locale;

/** What a member organisation is on a chain; contracts grant methods to roles. */
public enum Role {
    GROUP, PLANT, REGULATOR, PLATFORM, BUYER, GRID, LOAD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role byCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + code
                    + "' (known: group, plant, regulator, platform, buyer, grid, load)");
        }
    }
}
