package org.energychain.dispatch.negotiation;

import java.util.Locale;

/**
 * Why a source rejected a plan, carried by its vote so the next round's proposer can re-plan: code 0 NONE
 * (accepting), 1 LIMIT (its output outside its own limits), 2 RAMP, 3 PRICE (the clearing price below its
 * minimum price in an interval where it runs), 4 OTHER, 5 SILENT (no vote before the deadline; never
 * cast, only recorded by {@code close-round}).
 */
public enum RejectReason {
    NONE, LIMIT, RAMP, PRICE, OTHER, SILENT;

    public static RejectReason of(int code) {
        if (code < 0 || code >= values().length) {
            throw new IllegalArgumentException("reason: unknown code " + code + " (0.." + (values().length - 1) + ")");
        }
        return values()[code];
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RejectReason byCode(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
