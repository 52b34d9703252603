package org.energychain.supervision.classify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a dataset is derived from a plant's series of one measurement over the period. Means are
 * computed exactly and rounded half-even to {@link #MEAN_SCALE} decimals, so every node derives the
 * same bytes.
 */
public enum Derivation {
    /** The readings themselves. */
    NONE("none", "time-series"),
    HOURLY_MEAN("hourly-mean", "time-series"),
    HOURLY_SUM("hourly-sum", "time-series"),
    DAILY_SUM("daily-sum", "time-series"),
    DAILY_MEAN("daily-mean", "time-series"),
    DAILY_MAX("daily-max", "time-series"),
    PERIOD_SUM("period-sum", "scalar");

    public static final int MEAN_SCALE = 6;
    private final String code;
    private final String mathType;

    Derivation(String code, String mathType) {
        this.code = code;
        this.mathType = mathType;
    }

    public String code() {
        return code;
    }

    /** The default mathematical type of the result (DI field). */
    public String mathType() {
        return mathType;
    }

    public static Derivation byCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Derivation d : values()) {
            if (d.code.equals(c)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown derivation '" + code
                + "' (known: none, hourly-mean, hourly-sum, daily-sum, daily-mean, daily-max, period-sum)");
    }

    /** Applies the derivation to a series sorted by time. */
    public List<Point> apply(List<Point> series) {
        return switch (this) {
            case NONE -> List.copyOf(series);
            case HOURLY_MEAN -> bucket(series, HOUR, Agg.MEAN);
            case HOURLY_SUM -> bucket(series, HOUR, Agg.SUM);
            case DAILY_SUM -> bucket(series, DAY, Agg.SUM);
            case DAILY_MEAN -> bucket(series, DAY, Agg.MEAN);
            case DAILY_MAX -> bucket(series, DAY, Agg.MAX);
            case PERIOD_SUM -> series.isEmpty() ? List.of()
                    : List.of(new Point(series.get(0).time().truncatedTo(ChronoUnit.DAYS),
                            series.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::add)));
        };
    }

    private enum Agg { SUM, MEAN, MAX }

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    /** Buckets by UTC hour or day: both are whole multiples of milliseconds since the epoch. */
    private static List<Point> bucket(List<Point> series, long width, Agg agg) {
        List<Point> out = new ArrayList<>();
        int i = 0;
        while (i < series.size()) {
            long bucketIndex = Math.floorDiv(series.get(i).time().toEpochMilli(), width);
            Instant bucket = Instant.ofEpochMilli(bucketIndex * width);
            BigDecimal acc = null;
            int n = 0;
            while (i < series.size() && Math.floorDiv(series.get(i).time().toEpochMilli(), width) == bucketIndex) {
                BigDecimal v = series.get(i).value();
                acc = acc == null ? v : agg == Agg.MAX ? acc.max(v) : acc.add(v);
                n++;
                i++;
            }
            if (agg == Agg.MEAN) {
                acc = acc.divide(BigDecimal.valueOf(n), MEAN_SCALE, RoundingMode.HALF_EVEN);
            }
            out.add(new Point(bucket, acc));
        }
        return out;
    }
}
