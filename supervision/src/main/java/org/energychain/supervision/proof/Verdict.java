package org.energychain.supervision.proof;

import java.util.List;

/**
 * The outcome of a verification: holds, or the list of what differs, each naming plant, day and reading
 * where known. Not an exception: a failed proof is an expected answer.
 */
public record Verdict(boolean holds, List<String> differences) {
    public Verdict {
        differences = List.copyOf(differences);
    }

    public static Verdict ok() {
        return new Verdict(true, List.of());
    }

    public static Verdict fails(String why) {
        return new Verdict(false, List.of(why));
    }

    public static Verdict fails(List<String> why) {
        return why.isEmpty() ? ok() : new Verdict(false, why);
    }
}
