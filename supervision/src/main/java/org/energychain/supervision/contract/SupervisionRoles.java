package org.energychain.supervision.contract;

import java.util.Map;
import org.energychain.ledger.genesis.RoleCatalog;

/**
 * The roles supervision declares (paper II.A/II.B): energy groups, who anchor their plants' data and
 * file it, and the regulator. Trading and dispatch grant methods to {@link #GROUP} too; it is declared
 * here only. Found through {@code META-INF/services/org.energychain.ledger.genesis.RoleCatalog}.
 */
public final class SupervisionRoles implements RoleCatalog {
    public static final String GROUP = "group";
    public static final String REGULATOR = "regulator";

    @Override
    public Map<String, String> roles() {
        return Map.of(
                GROUP, "an energy group: anchors its plants' data, files D2 with the regulator, sells D1, offers supply",
                REGULATOR, "the regulator: acknowledges filings and checks delivered readings against Hash_G");
    }
}
