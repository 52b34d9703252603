package org.energychain.supervision.ingest;

import java.nio.CharBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import org.energychain.crypto.Snippet;

/**
 * Turns the text of a time cell into epoch milliseconds. ISO-8601 text of the common shapes ({@code
 * 2026-01-01T00:15:00Z}, {@code 2026-01-01 00:15}, {@code 2026-01-01T08:15:00.000+08:00}) is parsed by
 * hand, reusing the day of the previous call; everything else goes through {@code java.time}. Local
 * times are resolved in the configured zone and refused when they fall into a DST gap or overlap.
 * Throws {@link DateTimeException} with a message fit for an {@link InputException}.
 */
abstract class TimeParser {
    final ZoneId zone;
    private final ZoneOffset fixedOffset;
    private final ZoneRules rules;

    private TimeParser(ZoneId zone) {
        this.zone = zone;
        this.rules = zone == null ? null : zone.getRules();
        this.fixedOffset = rules != null && rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    abstract long parseMillis(char[] buf, int off, int len);

    static TimeParser forFormat(String format, ZoneId zone) {
        switch (format) {
            case MappingConfig.ISO:
                return new Iso(zone);
            case MappingConfig.EPOCH_SECONDS:
                return new Epoch(zone, 1000);
            case MappingConfig.EPOCH_MILLIS:
                return new Epoch(zone, 1);
            default:
                return new Pattern(zone, format);
        }
    }

    /** ISO-8601 with an offset only: JSON lines carry no zone of their own. */
    static TimeParser isoWithOffset() {
        return new Iso(null);
    }

    /** Epoch millis of a local date-time in the zone; a DST gap or overlap is an error. */
    final long localToMillis(LocalDateTime ldt) {
        if (zone == null) {
            throw new DateTimeException("time " + ldt + " has no offset (add Z or +hh:mm)");
        }
        ZoneOffset offset = fixedOffset;
        if (offset == null) {
            List<ZoneOffset> valid = rules.getValidOffsets(ldt);
            if (valid.size() == 1) {
                offset = valid.get(0);
            } else if (valid.isEmpty()) {
                throw new DateTimeException("local time " + ldt + " does not exist in " + zone
                        + " (skipped by the daylight-saving change)");
            } else {
                throw new DateTimeException("local time " + ldt + " is ambiguous in " + zone
                        + " (occurs twice, at " + valid.get(0) + " and " + valid.get(1)
                        + "; export UTC or times with an offset)");
            }
        }
        return ldt.toEpochSecond(offset) * 1000 + ldt.getNano() / 1_000_000;
    }

    static String text(char[] buf, int off, int len) {
        return new String(buf, off, len);
    }

    private static final class Iso extends TimeParser {
        private final char[] lastDay = new char[10];
        private long lastEpochDay = Long.MIN_VALUE;

        Iso(ZoneId zone) {
            super(zone);
        }

        @Override
        long parseMillis(char[] b, int off, int len) {
            while (len > 0 && b[off] == ' ') {
                off++;
                len--;
            }
            while (len > 0 && b[off + len - 1] == ' ') {
                len--;
            }
            // yyyy-MM-dd[T ]HH:mm[:ss[.SSS]][Z|+hh:mm|+hhmm|+hh]
            if (len < 16 || b[off + 4] != '-' || b[off + 7] != '-' || (b[off + 10] != 'T' && b[off + 10] != ' ')
                    || b[off + 13] != ':') {
                return slow(b, off, len);
            }
            long epochDay = epochDay(b, off, len);
            int hour = two(b, off + 11);
            int minute = two(b, off + 14);
            int p = off + 16;
            int end = off + len;
            int second = 0;
            int millis = 0;
            if (p < end && b[p] == ':') {
                if (p + 3 > end) {
                    return slow(b, off, len);
                }
                second = two(b, p + 1);
                p += 3;
                if (p < end && (b[p] == '.' || b[p] == ',')) {
                    p++;
                    int digits = 0;
                    while (p < end && b[p] >= '0' && b[p] <= '9') {
                        int d = b[p] - '0';
                        if (digits < 3) {
                            millis = millis * 10 + d;
                        } else if (d != 0) {
                            throw new DateTimeException("time " + Snippet.quote(b, off, len) + " has sub-millisecond precision");
                        }
                        digits++;
                        p++;
                    }
                    if (digits == 0) {
                        return slow(b, off, len);
                    }
                    for (int k = digits; k < 3; k++) {
                        millis *= 10;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return slow(b, off, len);
            }
            long secondOfDay = hour * 3600L + minute * 60L + second;
            if (p == end) {
                if (zone == null) {
                    throw new DateTimeException("time " + Snippet.quote(b, off, len) + " has no offset (add Z or +hh:mm)");
                }
                if (super.fixedOffset != null) {
                    return (epochDay * 86400 + secondOfDay - super.fixedOffset.getTotalSeconds()) * 1000 + millis;
                }
                return localToMillis(LocalDateTime.of(LocalDate.ofEpochDay(epochDay),
                        java.time.LocalTime.ofNanoOfDay(secondOfDay * 1_000_000_000L + millis * 1_000_000L)));
            }
            int offsetSeconds;
            if (b[p] == 'Z' && p + 1 == end) {
                offsetSeconds = 0;
            } else if ((b[p] == '+' || b[p] == '-') && (end - p == 6 && b[p + 3] == ':' || end - p == 5 || end - p == 3)) {
                int oh = two(b, p + 1);
                int om = end - p == 3 ? 0 : two(b, end - 2);
                if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                    return slow(b, off, len);
                }
                offsetSeconds = (oh * 3600 + om * 60) * (b[p] == '-' ? -1 : 1);
            } else {
                return slow(b, off, len);
            }
            return (epochDay * 86400 + secondOfDay - offsetSeconds) * 1000 + millis;
        }

        private long epochDay(char[] b, int off, int len) {
            boolean same = lastEpochDay != Long.MIN_VALUE;
            for (int i = 0; same && i < 10; i++) {
                same = lastDay[i] == b[off + i];
            }
            if (same) {
                return lastEpochDay;
            }
            int y = four(b, off);
            int m = two(b, off + 5);
            int d = two(b, off + 8);
            if (y < 0 || m < 0 || d < 0) {
                throw new DateTimeException("cannot parse time " + Snippet.quote(b, off, len));
            }
            long ed = LocalDate.of(y, m, d).toEpochDay(); // validates month and day
            System.arraycopy(b, off, lastDay, 0, 10);
            lastEpochDay = ed;
            return ed;
        }

        private long slow(char[] b, int off, int len) {
            String s = text(b, off, len);
            try {
                TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s.replace(' ', 'T'));
                if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                    Instant i = Instant.from(t);
                    if (i.getNano() % 1_000_000 != 0) {
                        throw new DateTimeException("time " + Snippet.quote(s) + " has sub-millisecond precision");
                    }
                    return i.toEpochMilli();
                }
                return localToMillis(LocalDateTime.from(t));
            } catch (DateTimeParseException e) {
                throw new DateTimeException("cannot parse time " + Snippet.quote(s) + " as ISO-8601 (e.g. 2026-01-01T00:15:00Z)");
            }
        }

        private static int two(char[] b, int i) {
            int a = b[i] - '0';
            int c = b[i + 1] - '0';
            return a < 0 || a > 9 || c < 0 || c > 9 ? -1 : a * 10 + c;
        }

        private static int four(char[] b, int i) {
            int hi = two(b, i);
            int lo = two(b, i + 2);
            return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
        }
    }

    private static final class Epoch extends TimeParser {
        private final long factor;

        Epoch(ZoneId zone, long factor) {
            super(zone);
            this.factor = factor;
        }

        @Override
        long parseMillis(char[] b, int off, int len) {
            String s = text(b, off, len).trim();
            try {
                return Math.multiplyExact(Long.parseLong(s), factor);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new DateTimeException("cannot parse time " + Snippet.quote(s) + " as " + (factor == 1 ? "epoch milliseconds" : "epoch seconds")
                        + " (a whole number)");
            }
        }
    }

    private static final class Pattern extends TimeParser {
        private final DateTimeFormatter formatter;
        private final String pattern;

        Pattern(ZoneId zone, String pattern) {
            super(zone);
            this.pattern = pattern;
            // strict resolving refuses 2026-02-30; it needs proleptic years (u), not years of era (y)
            this.formatter = DateTimeFormatter.ofPattern(yearOfEraToYear(pattern), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        }

        private static String yearOfEraToYear(String pattern) {
            StringBuilder sb = new StringBuilder(pattern.length());
            boolean quoted = false;
            for (char c : pattern.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                }
                sb.append(!quoted && c == 'y' ? 'u' : c);
            }
            return sb.toString();
        }

        @Override
        long parseMillis(char[] b, int off, int len) {
            TemporalAccessor t;
            try {
                t = formatter.parse(CharBuffer.wrap(b, off, len));
            } catch (DateTimeParseException e) {
                throw new DateTimeException("cannot parse time " + Snippet.quote(b, off, len) + " with pattern '" + pattern + "'");
            }
            try {
                if (t.isSupported(ChronoField.OFFSET_SECONDS) && t.isSupported(ChronoField.INSTANT_SECONDS)) {
                    Instant i = Instant.from(t);
                    return i.toEpochMilli();
                }
                return localToMillis(LocalDateTime.from(t));
            } catch (DateTimeException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("local time")) {
                    throw e;
                }
                throw new DateTimeException("time " + Snippet.quote(b, off, len) + " does not give a date and a time: " + e.getMessage());
            }
        }
    }
}
