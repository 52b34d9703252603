package org.energychain.supervision.proof;

import java.util.Locale;

/** The three trees of paper II.A, bottom up; their names appear in proof files. */
public enum TreeLevel {
    /** Daily tree of a plant-day; leaves are readings. */
    DAY,
    /** A plant's period tree ({@code Hash^j}); leaves are days. */
    PERIOD,
    /** The group tree ({@code Hash_G}); leaves are plants. */
    GROUP;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TreeLevel byCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tree '" + code + "' (known: day, period, group)");
        }
    }
}
