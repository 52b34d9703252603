package org.energychain.dispatch.negotiation;

import java.util.Map;
import org.energychain.ledger.genesis.RoleCatalog;

/**
 * The roles dispatch declares (paper III): the grid company, the load side and power plants as
 * generation sources. The negotiation also grants methods to energy groups ({@link #GROUP}, declared by
 * supervision, named here by its code only: modules share roles as plain strings, not as dependencies).
 * Found through {@code META-INF/services/org.energychain.ledger.genesis.RoleCatalog}.
 */
public final class DispatchRoles implements RoleCatalog {
    public static final String GRID = "grid";
    public static final String LOAD = "load";
    public static final String PLANT = "plant";
    /** Declared by supervision: an energy group offers its plants' supply as one source. */
    public static final String GROUP = "group";

    @Override
    public Map<String, String> roles() {
        return Map.of(
                GRID, "the grid company: configures dispatch, publishes the grid, posts demand; buys data too",
                LOAD, "the load side: posts demand for a period",
                PLANT, "a power plant taking part in dispatch negotiation as a generation source");
    }
}
