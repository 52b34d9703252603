package org.energychain.supervision.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.Snippet;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;

/**
 * Streams the readings of one CSV file, read as a {@link MappingConfig} describes, into a {@link
 * ReadingSink}. Only the current row is held in memory.
 *
 * <p>Records are split by {@link CsvRecords}. Rows without the quote character take a hand-rolled path: the line is split in place and numbers
 * and ISO times are parsed from the char buffer without intermediate strings. A row with the quote
 * character (possibly spanning lines) is parsed by commons-csv. Blank lines are ignored. Line numbers in
 * errors are physical lines of the file, 1-based, counting skipped and comment lines; a row spanning
 * lines is named by its first line. A line, and a quoted record spanning lines, may hold at most {@link
 * BoundedLineReader#MAX_LINE_CHARS} characters.
 *
 * <p>Value columns with a {@link MappingConfig.Scale} are multiplied by its factor and, if so configured,
 * by the plant's capacity from the {@link Group}, before their unit applies.
 *
 * <p>A bad row (wrong column count, unparsable time or number, empty cell under {@link
 * MappingConfig.EmptyCells#ERROR}, unknown measurement, unit that does not fit) is given to the {@link
 * ProblemReport}: it aborts the file under {@link ErrorPolicy#FAIL}, otherwise the whole row is skipped.
 * Exceptions thrown by the sink propagate unchanged. Semantic checks (plant in the group, duplicates,
 * period, gaps) are the {@link ReadingValidator}'s: put it between this reader and the final sink.
 */
public final class CsvReadingReader {
    private final Path file;
    private final MappingConfig m;
    private final ReadingSink sink;
    private final ProblemReport problems;
    private final DecimalParser numbers;
    private final TimeParser times;
    private final Map<String, BigDecimal> capacities;
    private final String groupId;
    private final MappingConfig.Scale[] scales;
    private final boolean thousandsIsDelimiter;

    /** The current record, split in place. */
    private final CsvRecords rec;

    private String[] names;
    private int expectedColumns = -1;
    private int timeIdx;
    private int plantIdx = -1;
    private int[] valueIdx;
    private int longMeasurementIdx = -1;
    private int longValueIdx = -1;
    private int longUnitIdx = -1;

    private String lastPlant;
    private final Map<String, Measurement> measurementCache = new HashMap<>();
    private final Reading[] pending;

    private long rows;
    private long readings;
    private long rejected;

    private CsvReadingReader(Path file, MappingConfig mapping, Group group, ReadingSink sink, ProblemReport problems,
            BoundedLineReader in) {
        this.file = file;
        this.m = mapping;
        this.sink = sink;
        this.problems = problems;
        this.rec = new CsvRecords(file, in, mapping.delimiter(), mapping.quote(), mapping.commentPrefix());
        this.numbers = new DecimalParser(mapping.decimalSeparator(), mapping.thousandsSeparator());
        this.times = TimeParser.forFormat(mapping.timeFormat(), mapping.timeZone());
        this.pending = new Reading[Math.max(1, mapping.valueColumns().size())];
        this.lastPlant = mapping.fixedPlant();
        this.capacities = new HashMap<>();
        if (group != null) {
            group.plants().forEach(p -> capacities.put(p.id(), p.capacityKw()));
        }
        this.groupId = group == null ? null : group.id();
        List<MappingConfig.ValueColumn> cols = mapping.valueColumns();
        this.scales = new MappingConfig.Scale[cols.size()];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = cols.get(i).scale().isNone() ? null : cols.get(i).scale();
        }
        this.thousandsIsDelimiter = mapping.thousandsSeparator() != null
                && mapping.thousandsSeparator() == mapping.delimiter();
    }

    /** Reads {@code file}, failing on the first bad row ({@link ErrorPolicy#FAIL}). */
    public static ReadResult read(Path file, MappingConfig mapping, ReadingSink sink) {
        return read(file, mapping, null, sink, ProblemReport.failFast());
    }

    /** Reads {@code file} of a mapping that scales no column by the plant's capacity. */
    public static ReadResult read(Path file, MappingConfig mapping, ReadingSink sink, ProblemReport problems) {
        return read(file, mapping, null, sink, problems);
    }

    /**
     * Reads {@code file}, handing bad rows to {@code problems}.
     *
     * @param group the plants whose capacity scales columns ({@link MappingConfig.Scale#byCapacity()}); may
     *              be null when the mapping scales no column so
     * @throws InputException under {@link ErrorPolicy#FAIL} for the first bad row; always when the file
     *                        cannot be read, or its header lacks a column the mapping names
     */
    public static ReadResult read(Path file, MappingConfig mapping, Group group, ReadingSink sink,
            ProblemReport problems) {
        if (group == null && mapping.scalesByCapacity()) {
            throw new IllegalArgumentException("the mapping scales a column by the plant's capacity: read it with the group");
        }
        try (BoundedLineReader in = new BoundedLineReader(new InputStreamReader(Files.newInputStream(file),
                mapping.charset()), BoundedLineReader.MAX_LINE_CHARS)) {
            return new CsvReadingReader(file, mapping, group, sink, problems, in).run();
        } catch (NoSuchFileException e) {
            throw new InputException(ProblemKind.MALFORMED, file, 0, "file not found");
        } catch (IOException e) {
            throw new InputException(ProblemKind.MALFORMED, file, 0, "cannot read: " + e);
        } catch (UncheckedIOException e) {
            throw new InputException(ProblemKind.MALFORMED, file, 0, "cannot read: " + e.getCause());
        }
    }

    private ReadResult run() throws IOException {
        for (int i = 0; i < m.skipRows(); i++) {
            if (rec.nextLine() == null) {
                break;
            }
        }
        if (m.header()) {
            long at = rec.nextRecord();
            if (at < 0) {
                throw new InputException(ProblemKind.MALFORMED, file, rec.line(), "no header row (file is empty after skipped rows)");
            }
            names = new String[rec.fields];
            for (int i = 0; i < rec.fields; i++) {
                names[i] = new String(rec.buf, rec.starts[i], rec.ends[i] - rec.starts[i]).trim();
            }
            expectedColumns = rec.fields;
            resolveColumns(at);
        } else {
            resolveColumns(0);
        }
        while (true) {
            long at;
            try {
                at = rec.nextRecord();
            } catch (InputException e) { // a record that cannot even be split
                rows++;
                rejected++;
                problems.report(e);
                continue;
            }
            if (at < 0) {
                break;
            }
            rows++;
            if (m.longForm() == null) {
                wideRow(at);
            } else {
                longRow(at);
            }
        }
        return new ReadResult(rows, readings, rejected);
    }

    private void resolveColumns(long headerLine) {
        timeIdx = index(m.timeColumn(), headerLine);
        if (m.plantColumn() != null) {
            plantIdx = index(m.plantColumn(), headerLine);
        }
        List<MappingConfig.ValueColumn> values = m.valueColumns();
        valueIdx = new int[values.size()];
        for (int i = 0; i < valueIdx.length; i++) {
            valueIdx[i] = index(values.get(i).column(), headerLine);
        }
        if (m.longForm() != null) {
            longMeasurementIdx = index(m.longForm().measurement(), headerLine);
            longValueIdx = index(m.longForm().value(), headerLine);
            if (m.longForm().unit() != null) {
                longUnitIdx = index(m.longForm().unit(), headerLine);
            }
        }
    }

    private int index(MappingConfig.ColumnRef ref, long headerLine) {
        if (ref.name() == null) {
            if (names != null && ref.index() >= names.length) {
                throw new InputException(ProblemKind.MALFORMED, file, headerLine, "the mapping uses column #" + ref.index()
                        + " but the header has only " + names.length + " columns");
            }
            return ref.index();
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(ref.name())) {
                return i;
            }
        }
        throw new InputException(ProblemKind.MALFORMED, file, headerLine, "the mapping names column "
                + Snippet.quote(ref.name()) + " but the header has " + Snippet.plain(String.join(", ", names)));
    }

    private String columnName(int idx) {
        return names != null && idx < names.length ? names[idx] : "#" + idx;
    }

    private void wideRow(long at) {
        int n = 0;
        try {
            checkColumns(at);
            Instant t = time(at);
            String plant = plant(at);
            List<MappingConfig.ValueColumn> cols = m.valueColumns();
            for (int i = 0; i < valueIdx.length; i++) {
                int c = valueIdx[i];
                if (rec.blank(c)) {
                    if (m.emptyCells() == MappingConfig.EmptyCells.SKIP) {
                        continue;
                    }
                    throw new InputException(ProblemKind.EMPTY_VALUE, file, at, columnName(c), "empty value");
                }
                MappingConfig.ValueColumn vc = cols.get(i);
                BigDecimal raw = number(at, c);
                if (scales[i] != null) {
                    raw = scales[i].apply(raw, scales[i].byCapacity() ? capacity(plant, at, c) : null);
                }
                BigDecimal v = vc.measurement().toCanonical(raw, vc.unit());
                pending[n++] = new Reading(plant, t, vc.measurement(), v);
            }
        } catch (InputException e) {
            rejected++;
            problems.report(e);
            return;
        }
        SourceLocation where = new SourceLocation(file, at);
        for (int i = 0; i < n; i++) {
            sink.accept(pending[i], where);
            pending[i] = null;
        }
        readings += n;
    }

    private BigDecimal capacity(String plant, long at, int c) {
        BigDecimal cap = capacities.get(plant);
        if (cap == null) {
            throw new InputException(ProblemKind.UNKNOWN_PLANT, file, at, columnName(c), "plant " + Snippet.quote(plant)
                    + " is not in group " + groupId + ", so the column cannot be scaled by its capacity-kw");
        }
        return cap;
    }

    private void longRow(long at) {
        Reading r;
        try {
            checkColumns(at);
            Instant t = time(at);
            String plant = plant(at);
            String code = rec.cell(longMeasurementIdx);
            Measurement meas = measurementCache.get(code);
            if (meas == null) {
                meas = measurement(code, file, at, columnName(longMeasurementIdx));
                measurementCache.put(code, meas);
            }
            String unit = longUnitIdx < 0 ? meas.unit() : rec.cell(longUnitIdx);
            if (unit.isEmpty()) {
                unit = meas.unit();
            }
            if (!meas.accepts(unit)) {
                throw new InputException(ProblemKind.UNIT, file, at, null, unitMismatch(unit, meas));
            }
            if (rec.blank(longValueIdx)) {
                if (m.emptyCells() == MappingConfig.EmptyCells.SKIP) {
                    return;
                }
                throw new InputException(ProblemKind.EMPTY_VALUE, file, at, columnName(longValueIdx), "empty value");
            }
            r = new Reading(plant, t, meas, meas.toCanonical(number(at, longValueIdx), unit));
        } catch (InputException e) {
            rejected++;
            problems.report(e);
            return;
        }
        sink.accept(r, new SourceLocation(file, at));
        readings++;
    }

    static String unitMismatch(String unit, Measurement meas) {
        return "unit " + Snippet.quote(unit) + " does not fit " + meas.code() + " (accepted: "
                + String.join(", ", new java.util.TreeSet<>(meas.units())) + ")";
    }

    /** The measurement of a code from the input; an unknown one is an error quoting it. */
    static Measurement measurement(String code, Path file, long line, String column) {
        try {
            return Measurement.byCode(code);
        } catch (IllegalArgumentException e) {
            throw new InputException(ProblemKind.MEASUREMENT, file, line, column, "unknown measurement "
                    + Snippet.quote(code) + " (known: " + java.util.Arrays.stream(Measurement.values())
                    .map(Measurement::code).collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
    }

    private void checkColumns(long at) {
        if (expectedColumns < 0) {
            expectedColumns = rec.fields; // no header: the first data row sets the width
            int max = Math.max(timeIdx, plantIdx);
            for (int i : valueIdx) {
                max = Math.max(max, i);
            }
            max = Math.max(max, Math.max(longMeasurementIdx, Math.max(longValueIdx, longUnitIdx)));
            if (rec.fields <= max) {
                expectedColumns = max + 1;
            }
        }
        if (rec.fields != expectedColumns) {
            throw new InputException(ProblemKind.MALFORMED, file, at, null,
                    "expected " + expectedColumns + " columns, found " + rec.fields + (thousandsIsDelimiter && rec.fields > expectedColumns
                            ? " (the thousands separator '" + m.delimiter() + "' is also the delimiter: a number written "
                            + "with it must be quoted, e.g. " + m.quote() + "1" + m.delimiter() + "209.10" + m.quote() + ")"
                            : ""));
        }
    }

    private Instant time(long at) {
        if (rec.blank(timeIdx)) {
            throw new InputException(ProblemKind.TIME, file, at, columnName(timeIdx), "empty time");
        }
        try {
            return Instant.ofEpochMilli(times.parseMillis(rec.buf, rec.starts[timeIdx], rec.ends[timeIdx] - rec.starts[timeIdx]));
        } catch (DateTimeException e) {
            throw new InputException(ProblemKind.TIME, file, at, columnName(timeIdx), e.getMessage());
        }
    }

    private String plant(long at) {
        if (plantIdx < 0) {
            return lastPlant;
        }
        int s = rec.starts[plantIdx];
        int len = rec.ends[plantIdx] - s;
        while (len > 0 && rec.buf[s] == ' ') {
            s++;
            len--;
        }
        while (len > 0 && rec.buf[s + len - 1] == ' ') {
            len--;
        }
        if (len == 0) {
            throw new InputException(ProblemKind.MALFORMED, file, at, columnName(plantIdx), "empty plant id");
        }
        String last = lastPlant;
        if (last != null && last.length() == len) {
            boolean same = true;
            for (int i = 0; i < len && same; i++) {
                same = last.charAt(i) == rec.buf[s + i];
            }
            if (same) {
                return last;
            }
        }
        lastPlant = new String(rec.buf, s, len);
        return lastPlant;
    }

    private BigDecimal number(long at, int c) {
        try {
            return numbers.parse(rec.buf, rec.starts[c], rec.ends[c] - rec.starts[c]);
        } catch (DecimalParser.OutOfBoundsException e) {
            throw new InputException(ProblemKind.NUMBER, file, at, columnName(c),
                    "number " + rec.quoteCell(c) + " " + e.getMessage() + " (" + DecimalParser.bounds() + ")");
        } catch (NumberFormatException e) {
            throw new InputException(ProblemKind.NUMBER, file, at, columnName(c), "cannot parse number " + rec.quoteCell(c)
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + hint());
        }
    }

    private String hint() {
        return " (decimal separator '" + m.decimalSeparator() + "'"
                + (m.thousandsSeparator() == null ? "" : ", thousands separator '" + m.thousandsSeparator() + "'") + ")";
    }
}
