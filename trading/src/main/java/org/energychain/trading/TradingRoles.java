package org.energychain.trading;

import java.util.Map;
import org.energychain.ledger.genesis.RoleCatalog;

/**
 * The roles trading declares (paper II.B/II.C): the platform and data buyers. Its contracts also grant
 * methods to roles other modules declare, named here by their code only ({@link #GROUP}, {@link #GRID}):
 * modules share roles as plain strings, not as dependencies. Found through
 * {@code META-INF/services/org.energychain.ledger.genesis.RoleCatalog}.
 */
public final class TradingRoles implements RoleCatalog {
    public static final String PLATFORM = "platform";
    public static final String BUYER = "buyer";
    /** Declared by supervision: energy groups publish listings and may buy. */
    public static final String GROUP = "group";
    /** Declared by dispatch: the grid company may buy. */
    public static final String GRID = "grid";

    @Override
    public Map<String, String> roles() {
        return Map.of(
                PLATFORM, "the trading platform: keeps the catalogue, configures the market, credits deposits",
                BUYER, "a data buyer: buys D1 datasets on the market");
    }
}
