package org.energychain.supervision.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.energychain.crypto.Snippet;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;

/**
 * Streams readings from a JSON lines file (UTF-8): one object per line,
 *
 * <pre>{"plant":"P1","time":"2026-01-01T00:15:00Z","measurement":"active_power","value":123.4,"unit":"MW"}</pre>
 *
 * <p>{@code time} is ISO-8601 with an offset ({@code Z} or {@code +08:00}); {@code value} is a JSON
 * number or a string and is parsed exactly as a {@link BigDecimal} from its text, never through {@code
 * double}; {@code unit} may be left out when the value is in the measurement's canonical unit. Other keys
 * are refused, so a misspelt key is not silently lost. Values are bounded as in {@link CsvReadingReader}
 * (digits and exponent), lines to {@link BoundedLineReader#MAX_LINE_CHARS} characters; a file that is not
 * valid UTF-8 is refused with the line of the first bad byte. Blank lines are ignored. Bad lines go to the
 * {@link ProblemReport} (see {@link CsvReadingReader} for the policy).
 */
public final class JsonLinesReadingReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path file;
    private final TimeParser times = TimeParser.isoWithOffset();
    private final Map<String, Measurement> measurements = new HashMap<>();
    private final DecimalParser numbers = DecimalParser.plain();
    private char[] scratch = new char[64];

    private JsonLinesReadingReader(Path file) {
        this.file = file;
    }

    /** Reads {@code file}, failing on the first bad line. */
    public static ReadResult read(Path file, ReadingSink sink) {
        return read(file, sink, ProblemReport.failFast());
    }

    /** Reads {@code file}, handing bad lines to {@code problems}. */
    public static ReadResult read(Path file, ReadingSink sink, ProblemReport problems) {
        JsonLinesReadingReader r = new JsonLinesReadingReader(file);
        long rows = 0;
        long readings = 0;
        long rejected = 0;
        long no = 0;
        StrictDecodingReader utf8 = null;
        try (BoundedLineReader in = new BoundedLineReader(
                utf8 = new StrictDecodingReader(Files.newInputStream(file), StandardCharsets.UTF_8),
                BoundedLineReader.MAX_LINE_CHARS)) {
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (BoundedLineReader.TooLongException e) {
                    no++;
                    rows++;
                    rejected++;
                    problems.report(r.bad(no, "line has " + e.length() + " characters, more than the "
                            + BoundedLineReader.MAX_LINE_CHARS + " allowed"));
                    continue;
                }
                if (line == null) {
                    break;
                }
                no++;
                if (no == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                Reading reading;
                try {
                    reading = r.parse(line, no);
                } catch (InputException e) {
                    rejected++;
                    problems.report(e);
                    continue;
                }
                sink.accept(reading, new SourceLocation(file, no));
                readings++;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(ProblemKind.MALFORMED, file, 0, "file not found");
        } catch (CharacterCodingException e) {
            // the decoder hands out the text before the bad bytes, so they are on the line being read
            throw new InputException(ProblemKind.MALFORMED, file, no + 1, "not valid UTF-8 (byte "
                    + utf8.badByteOffset() + " of the file, counting from 0)");
        } catch (IOException e) {
            throw new InputException(ProblemKind.MALFORMED, file, 0, "cannot read: " + e);
        }
        return new ReadResult(rows, readings, rejected);
    }

    private Reading parse(String line, long no) {
        String plant = null;
        String time = null;
        String code = null;
        String value = null;
        String unit = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(no, "expected a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "plant": plant = text(p, v, key, no); break;
                    case "time": time = text(p, v, key, no); break;
                    case "measurement": code = text(p, v, key, no); break;
                    case "unit": unit = text(p, v, key, no); break;
                    case "value":
                        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_STRING) {
                            throw bad(no, "\"value\" must be a number or a string, got " + v.asString());
                        }
                        value = p.getText();
                        break;
                    default:
                        throw bad(no, "unknown key \"" + Snippet.plain(key) + "\" (known: plant, time, measurement, value, unit)");
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw bad(no, "expected one JSON object on the line");
            }
        } catch (JsonProcessingException e) {
            throw bad(no, "not valid JSON: " + Snippet.plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw bad(no, "not valid JSON: " + Snippet.plain(e.getMessage()));
        }
        for (String[] kv : new String[][] {{"plant", plant}, {"time", time}, {"measurement", code}, {"value", value}}) {
            if (kv[1] == null) {
                throw bad(no, "missing \"" + kv[0] + "\"");
            }
        }
        Measurement m = measurements.get(code);
        if (m == null) {
            m = CsvReadingReader.measurement(code, file, no, null);
            measurements.put(code, m);
        }
        if (unit == null || unit.isEmpty()) {
            unit = m.unit();
        }
        if (!m.accepts(unit)) {
            throw new InputException(ProblemKind.UNIT, file, no, CsvReadingReader.unitMismatch(unit, m));
        }
        Instant at;
        try {
            int n = time.length();
            if (scratch.length < n) {
                scratch = new char[n];
            }
            time.getChars(0, n, scratch, 0);
            at = Instant.ofEpochMilli(times.parseMillis(scratch, 0, n));
        } catch (DateTimeException e) {
            throw new InputException(ProblemKind.TIME, file, no, e.getMessage());
        }
        BigDecimal v;
        try {
            v = numbers.parse(value);
        } catch (DecimalParser.OutOfBoundsException e) {
            throw new InputException(ProblemKind.NUMBER, file, no, "\"value\" " + Snippet.quote(value.trim()) + " "
                    + e.getMessage() + " (" + DecimalParser.bounds() + ")");
        } catch (NumberFormatException e) {
            throw new InputException(ProblemKind.NUMBER, file, no, "cannot parse number " + Snippet.quote(value)
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (plant.isBlank()) {
            throw bad(no, "empty \"plant\"");
        }
        return new Reading(plant, at, m, m.toCanonical(v, unit));
    }

    private String text(JsonParser p, JsonToken v, String key, long no) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            throw bad(no, "\"" + key + "\" must be a string, got " + (v == null ? "nothing" : v.asString()));
        }
        return p.getText();
    }

    private InputException bad(long no, String why) {
        return new InputException(ProblemKind.MALFORMED, file, no, why);
    }
}
