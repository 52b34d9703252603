package org.energychain.supervision.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Plant;
import org.energychain.supervision.reading.Reading;
import org.energychain.supervision.tree.TreeContext;

/**
 * Applies a {@link ClassificationPolicy} to one plant's readings of a period: each matching rule and
 * measurement yields one {@link Dataset}. Pure and deterministic: the same readings give the same
 * datasets, and so the same hashes, on every machine.
 */
public final class Classifier {
    private final ClassificationPolicy policy;

    public Classifier(ClassificationPolicy policy) {
        this.policy = policy;
    }

    public ClassificationPolicy policy() {
        return policy;
    }

    /** @param readings all readings of the plant in the period, in any order */
    public List<Dataset> classify(TreeContext ctx, Plant plant, List<Reading> readings) {
        Map<Measurement, List<Point>> series = new TreeMap<>();
        for (Reading r : readings) {
            series.computeIfAbsent(r.measurement(), m -> new ArrayList<>()).add(new Point(r.timestamp(), r.value()));
        }
        series.values().forEach(s -> s.sort(java.util.Comparator.comparing(Point::time)));
        List<Dataset> out = new ArrayList<>();
        for (ClassificationRule rule : policy.rules()) {
            for (Map.Entry<Measurement, List<Point>> e : series.entrySet()) {
                if (!rule.appliesTo(plant.type(), e.getKey())) {
                    continue;
                }
                List<Point> points = rule.derivation().apply(e.getValue());
                DescriptiveInfo di = new DescriptiveInfo(plant.type().code(), rule.dataType(), plant.region(),
                        ctx.groupId(), plant.id(), rule.mathType(), e.getKey().code(), e.getKey().unit(),
                        rule.derivation().code(), ctx.start(), ctx.end(), points.size());
                out.add(new Dataset(ctx.hash().name(), rule.dataClass(), rule.name(), di, points));
            }
        }
        return out;
    }
}
