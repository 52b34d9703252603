package org.energychain.ledger.governance;

import java.util.Map;
import java.util.SortedMap;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Roster;
import org.energychain.ledger.state.StateReader;

/**
 * Where the roster of a height is read from a chain's state: the {@code validators} contract keeps the
 * roster in force ({@code validators/current}) and every roster it ever put in force by its first height
 * ({@code validators/history/<20-digit height>}); before the first change the genesis roster holds. Any
 * node, verifier or client with the state of a height gets the same answer.
 */
public final class Rosters {
    /** The contract's name, and the namespace of its state. */
    public static final String CONTRACT = "validators";
    static final String CURRENT = "current";
    static final String HISTORY = "history/";
    /** More roster changes than any chain will see in its life; a bound on the history scan. */
    static final int MAX_CHANGES = 100_000;

    private Rosters() {
    }

    /** The roster in force for the next block on top of {@code state}. */
    public static RosterAt current(StateReader state, Genesis genesis) {
        byte[] raw = state.get(CONTRACT + "/" + CURRENT);
        return raw == null ? new RosterAt(1, genesis.roster()) : RosterAt.decode(raw);
    }

    /**
     * The roster valid at {@code height}, given state at that height or later (rosters are never deleted, and
     * one put in force at a height is never changed afterwards).
     */
    public static Roster at(StateReader state, Genesis genesis, long height) {
        RosterAt current = current(state, genesis);
        if (current.from() <= height) {
            return current.roster();
        }
        SortedMap<String, byte[]> history = state.scan(CONTRACT + "/" + HISTORY, MAX_CHANGES);
        Roster found = genesis.roster();
        for (Map.Entry<String, byte[]> e : history.entrySet()) {
            RosterAt r = RosterAt.decode(e.getValue());
            if (r.from() > height) {
                break;
            }
            found = r.roster();
        }
        return found;
    }

    static String historyKey(long from) {
        return HISTORY + String.format(java.util.Locale.ROOT, "%020d", from);
    }
}
