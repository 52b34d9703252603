package org.energychain.supervision.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A group's classification rules, in file order. */
public record ClassificationPolicy(List<ClassificationRule> rules) {
    public ClassificationPolicy {
        rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (ClassificationRule r : rules) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("classification rule '" + r.name() + "' is defined twice");
            }
        }
    }
}
