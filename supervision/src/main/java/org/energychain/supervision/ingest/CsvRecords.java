package org.energychain.supervision.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.energychain.crypto.Snippet;

/**
 * The records of one CSV file, split one at a time in place: the current record's fields are the ranges
 * {@code starts[i] .. ends[i]} of {@code buf}, so {@link CsvReadingReader} parses numbers and times from
 * the char buffer without intermediate strings. A line without the quote character is split by hand; a
 * record with it (possibly spanning lines) is parsed by commons-csv. Blank and comment lines are skipped,
 * a leading byte-order mark is dropped, and {@link #line()} counts physical lines (1-based) for messages.
 * Not thread-safe; the fields are read directly by the reader, which must not keep {@code buf} across
 * records (it may be replaced by a larger one).
 */
final class CsvRecords {
    private final Path file;
    private final BoundedLineReader in;
    private final char delimiter;
    private final Character quote;
    private final String commentPrefix;
    private final CSVFormat quotedFormat;
    private long physicalLine;
    private boolean firstLine = true;

    char[] buf = new char[256];
    int[] starts = new int[16];
    int[] ends = new int[16];
    /** The number of fields of the current record. */
    int fields;

    CsvRecords(Path file, BoundedLineReader in, char delimiter, Character quote, String commentPrefix) {
        this.file = file;
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.commentPrefix = commentPrefix;
        this.quotedFormat = quote == null ? null : CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter).setQuote(quote).setRecordSeparator("\n").get();
    }

    /** The physical line last read, 1-based; 0 before the first. */
    long line() {
        return physicalLine;
    }

    /** The cell without surrounding blanks, as an error may quote it. */
    String quoteCell(int c) {
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

    /** Whether field {@code c} holds nothing but spaces. */
    boolean blank(int c) {
        for (int i = starts[c]; i < ends[c]; i++) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Field {@code c} as a string without surrounding blanks. */
    String cell(int c) {
        return new String(buf, starts[c], ends[c] - starts[c]).trim();
    }

    /** The next physical line (without a leading byte-order mark), or null at the end. */
    String nextLine() throws IOException {
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
    long nextRecord() throws IOException {
        String line;
        while (true) {
            line = nextLine();
            if (line == null) {
                return -1;
            }
            if (line.isBlank() || (commentPrefix != null && line.startsWith(commentPrefix))) {
                continue;
            }
            break;
        }
        long at = physicalLine;
        Character q = quote;
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
        char d = delimiter;
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
        char q = quote;
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
