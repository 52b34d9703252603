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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.energychain.crypto.Snippet;
import org.energychain.supervision.reading.Group;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;

/**
 * Streams the readings of one CSV file, read as a {@link MappingConfig} describes, into a {@link
 * ReadingSink}. Only the current row is held in memory.
 *
 * <p>Rows without the quote character take a hand-rolled path: the line is split in place and numbers
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
    private final CSVFormat quotedFormat;
    private final Map<String, BigDecimal> capacities;
    private final String groupId;
    private final MappingConfig.Scale[] scales;
    private final boolean thousandsIsDelimiter;

    private final BoundedLineReader in;
    private long physicalLine;
    private char[] buf = new char[256];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fields;
    private boolean firstLine = true;

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
        this.in = in;
        this.numbers = new DecimalParser(mapping.decimalSeparator(), mapping.thousandsSeparator());
        this.times = TimeParser.forFormat(mapping.timeFormat(), mapping.timeZone());
        this.quotedFormat = mapping.quote() == null ? null : CSVFormat.DEFAULT.builder()
                .setDelimiter(mapping.delimiter()).setQuote(mapping.quote()).setRecordSeparator("\n").get();
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
            if (nextLine() == null) {
                break;
            }
        }
        if (m.header()) {
            long at = nextRecord();
            if (at < 0) {
                throw new InputException(ProblemKind.MALFORMED, file, physicalLine, "no header row (file is empty after skipped rows)");
            }
            names = new String[fields];
            for (int i = 0; i < fields; i++) {
                names[i] = new String(buf, starts[i], ends[i] - starts[i]).trim();
            }
            expectedColumns = fields;
            resolveColumns(at);
        } else {
            resolveColumns(0);
        }
        while (true) {
            long at;
            try {
                at = nextRecord();
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
                if (blank(c)) {
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
            String code = cell(longMeasurementIdx);
            Measurement meas = measurementCache.get(code);
            if (meas == null) {
                meas = measurement(code, file, at, columnName(longMeasurementIdx));
                measurementCache.put(code, meas);
            }
            String unit = longUnitIdx < 0 ? meas.unit() : cell(longUnitIdx);
            if (unit.isEmpty()) {
                unit = meas.unit();
            }
            if (!meas.accepts(unit)) {
                throw new InputException(ProblemKind.UNIT, file, at, null, unitMismatch(unit, meas));
            }
            if (blank(longValueIdx)) {
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
            expectedColumns = fields; // no header: the first data row sets the width
            int max = Math.max(timeIdx, plantIdx);
            for (int i : valueIdx) {
                max = Math.max(max, i);
            }
            max = Math.max(max, Math.max(longMeasurementIdx, Math.max(longValueIdx, longUnitIdx)));
            if (fields <= max) {
                expectedColumns = max + 1;
            }
        }
        if (fields != expectedColumns) {
            throw new InputException(ProblemKind.MALFORMED, file, at, null,
                    "expected " + expectedColumns + " columns, found " + fields + (thousandsIsDelimiter && fields > expectedColumns
                            ? " (the thousands separator '" + m.delimiter() + "' is also the delimiter: a number written "
                            + "with it must be quoted, e.g. " + m.quote() + "1" + m.delimiter() + "209.10" + m.quote() + ")"
                            : ""));
        }
    }

    private Instant time(long at) {
        if (blank(timeIdx)) {
            throw new InputException(ProblemKind.TIME, file, at, columnName(timeIdx), "empty time");
        }
        try {
            return Instant.ofEpochMilli(times.parseMillis(buf, starts[timeIdx], ends[timeIdx] - starts[timeIdx]));
        } catch (DateTimeException e) {
            throw new InputException(ProblemKind.TIME, file, at, columnName(timeIdx), e.getMessage());
        }
    }

    private String plant(long at) {
        if (plantIdx < 0) {
            return lastPlant;
        }
        int s = starts[plantIdx];
        int len = ends[plantIdx] - s;
        while (len > 0 && buf[s] == ' ') {
            s++;
            len--;
        }
        while (len > 0 && buf[s + len - 1] == ' ') {
            len--;
        }
        if (len == 0) {
            throw new InputException(ProblemKind.MALFORMED, file, at, columnName(plantIdx), "empty plant id");
        }
        String last = lastPlant;
        if (last != null && last.length() == len) {
            boolean same = true;
            for (int i = 0; i < len && same; i++) {
                same = last.charAt(i) == buf[s + i];
            }
            if (same) {
                return last;
            }
        }
        lastPlant = new String(buf, s, len);
        return lastPlant;
    }

    private BigDecimal number(long at, int c) {
        try {
            return numbers.parse(buf, starts[c], ends[c] - starts[c]);
        } catch (DecimalParser.OutOfBoundsException e) {
            throw new InputException(ProblemKind.NUMBER, file, at, columnName(c),
                    "number " + quoteCell(c) + " " + e.getMessage() + " (" + DecimalParser.bounds() + ")");
        } catch (NumberFormatException e) {
            throw new InputException(ProblemKind.NUMBER, file, at, columnName(c), "cannot parse number " + quoteCell(c)
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + hint());
        }
    }

    /** The cell without surrounding blanks, as an error may quote it. */
    private String quoteCell(int c) {
        int s = starts[c];
        int e = ends[c];
        while (s < e && buf[s] == ' ') {
            s++;
        }
        while (e > s && buf[e - 1] == ' ') {
            e--;
        }
        return Snippet.quote(buf, s, e - s);
    }

    private String hint() {
        return " (decimal separator '" + m.decimalSeparator() + "'"
                + (m.thousandsSeparator() == null ? "" : ", thousands separator '" + m.thousandsSeparator() + "'") + ")";
    }

    private boolean blank(int c) {
        for (int i = starts[c]; i < ends[c]; i++) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private String cell(int c) {
        return new String(buf, starts[c], ends[c] - starts[c]).trim();
    }

    private String nextLine() throws IOException {
        String line;
        try {
            line = in.readLine();
        } catch (BoundedLineReader.TooLongException e) {
            physicalLine++;
            throw new InputException(ProblemKind.MALFORMED, file, physicalLine, "line has " + e.length()
                    + " characters, more than the " + BoundedLineReader.MAX_LINE_CHARS + " allowed");
        }
        if (line != null) {
            physicalLine++;
            if (firstLine) {
                firstLine = false;
                if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
            }
        }
        return line;
    }

    /** Splits the next record into {@link #buf}; returns its first line's number, or -1 at the end. */
    private long nextRecord() throws IOException {
        String line;
        while (true) {
            line = nextLine();
            if (line == null) {
                return -1;
            }
            if (line.isBlank() || (m.commentPrefix() != null && line.startsWith(m.commentPrefix()))) {
                continue;
            }
            break;
        }
        long at = physicalLine;
        Character q = m.quote();
        if (q != null && line.indexOf(q) >= 0) {
            splitQuoted(line, at);
        } else {
            splitPlain(line);
        }
        return at;
    }

    private void splitPlain(String line) {
        int len = line.length();
        if (buf.length < len) {
            buf = new char[Math.max(len, buf.length * 2)];
        }
        line.getChars(0, len, buf, 0);
        char d = m.delimiter();
        int f = 0;
        int start = 0;
        for (int i = 0; i < len; i++) {
            if (buf[i] == d) {
                field(f++, start, i);
                start = i + 1;
            }
        }
        field(f++, start, len);
        fields = f;
    }

    private void field(int f, int start, int end) {
        if (f == starts.length) {
            starts = Arrays.copyOf(starts, f * 2);
            ends = Arrays.copyOf(ends, f * 2);
        }
        starts[f] = start;
        ends[f] = end;
    }

    private void splitQuoted(String first, long at) throws IOException {
        char q = m.quote();
        StringBuilder record = new StringBuilder(first);
        int quotes = count(first, q);
        while ((quotes & 1) == 1) { // an open quoted field continues on the next line
            String next = nextLine();
            if (next == null) {
                throw new InputException(ProblemKind.MALFORMED, file, at, "quote " + q + " opened here is never closed");
            }
            record.append('\n').append(next);
            if (record.length() > BoundedLineReader.MAX_LINE_CHARS) {
                throw new InputException(ProblemKind.MALFORMED, file, at, "quote " + q + " opened here is not closed within "
                        + BoundedLineReader.MAX_LINE_CHARS + " characters");
            }
            quotes += count(next, q);
        }
        CSVRecord r;
        try (CSVParser p = CSVParser.parse(record.toString(), quotedFormat)) {
            r = p.iterator().next();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv refuses e.g. text between a closing quote and the delimiter
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new InputException(ProblemKind.MALFORMED, file, at, "malformed quoting: " + Snippet.plain(why));
        }
        int total = 0;
        for (String v : r) {
            total += v.length();
        }
        if (buf.length < total) {
            buf = new char[Math.max(total, buf.length * 2)];
        }
        int pos = 0;
        int f = 0;
        for (String v : r) {
            v.getChars(0, v.length(), buf, pos);
            field(f++, pos, pos + v.length());
            pos += v.length();
        }
        fields = f;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }
}
