package org.energychain.supervision.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies an {@link ErrorPolicy} to the problems of an import. Under {@link ErrorPolicy#FAIL} {@link
 * #report} throws the problem; under {@link ErrorPolicy#SKIP_AND_REPORT} it counts it by kind and keeps
 * the first {@code keep} of them, so that a file full of errors costs bounded memory. Not thread-safe:
 * use one per reader thread and {@link #addAll} them at the end.
 */
public final class ProblemReport {
    /** How many problems {@link #skipAndReport()} keeps in full. */
    public static final int DEFAULT_KEEP = 100;

    private final ErrorPolicy policy;
    private final int keep;
    private final List<InputException> first = new ArrayList<>();
    private final EnumMap<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
    private long total;

    public ProblemReport(ErrorPolicy policy, int keep) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0, got " + keep);
        }
        this.keep = keep;
    }

    /** A report that fails on the first problem. */
    public static ProblemReport failFast() {
        return new ProblemReport(ErrorPolicy.FAIL, 0);
    }

    /** A report that collects problems and keeps the first {@value #DEFAULT_KEEP}. */
    public static ProblemReport skipAndReport() {
        return new ProblemReport(ErrorPolicy.SKIP_AND_REPORT, DEFAULT_KEEP);
    }

    public ErrorPolicy policy() {
        return policy;
    }

    /**
     * Records a problem; under {@link ErrorPolicy#FAIL} throws it instead. Callers skip the bad row or
     * reading when this returns.
     */
    public void report(InputException problem) {
        if (policy == ErrorPolicy.FAIL) {
            throw problem;
        }
        total++;
        counts.merge(problem.kind(), 1L, Long::sum);
        if (first.size() < keep) {
            first.add(problem);
        }
    }

    /** Adds the problems of another report (e.g. of another reader thread). */
    public void addAll(ProblemReport other) {
        total += other.total;
        other.counts.forEach((k, n) -> counts.merge(k, n, Long::sum));
        for (InputException e : other.first) {
            if (first.size() >= keep) {
                break;
            }
            first.add(e);
        }
    }

    /** Number of problems reported. */
    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public long count(ProblemKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** Counts by kind, in the order of {@link ProblemKind}. */
    public Map<ProblemKind, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** The first problems in full, in the order reported. */
    public List<InputException> problems() {
        return List.copyOf(first);
    }

    /** A few lines for a terminal: the counts and the first problems. */
    public String summary() {
        if (total == 0) {
            return "no problems";
        }
        StringBuilder sb = new StringBuilder().append(total).append(total == 1 ? " problem" : " problems");
        String sep = " (";
        for (Map.Entry<ProblemKind, Long> e : counts.entrySet()) {
            sb.append(sep).append(e.getKey().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(e.getValue());
            sep = ", ";
        }
        sb.append(')');
        for (InputException e : first) {
            sb.append(System.lineSeparator()).append("  ").append(e.getMessage());
        }
        if (first.size() < total) {
            sb.append(System.lineSeparator()).append("  ... and ").append(total - first.size()).append(" more");
        }
        return sb.toString();
    }
}
