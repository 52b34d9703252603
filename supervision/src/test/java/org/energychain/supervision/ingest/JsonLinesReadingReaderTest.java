package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.energychain.supervision.reading.Measurement;
import org.energychain.supervision.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReadingReaderTest {
    @TempDir
    Path dir;

    private final List<Reading> out = new ArrayList<>();

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("r.jsonl"), text);
    }

    @Test
    void readsNumbersAndStringsExactly() throws IOException {
        Path f = write("{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"active_power\",\"value\":123.4,\"unit\":\"MW\"}\n"
                + "\n{\"plant\":\"P1\",\"time\":\"2026-01-01T08:30:00+08:00\",\"measurement\":\"energy\",\"value\":\"0.1000000000000000055511151231257827\"}\n"
                + "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:45:00.000Z\",\"measurement\":\"frequency\",\"value\":0.1}\n");
        ReadResult r = JsonLinesReadingReader.read(f, (rd, w) -> out.add(rd));
        assertThat(r).isEqualTo(new ReadResult(3, 3, 0));
        assertThat(out.get(0)).isEqualTo(new Reading("P1", Instant.parse("2026-01-01T00:15:00Z"), Measurement.ACTIVE_POWER, new BigDecimal("123400.0")));
        assertThat(out.get(1).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:30:00Z"));
        assertThat(out.get(1).value()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        assertThat(out.get(2).value()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        String ok = "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"active_power\",\"value\":1}\n";
        assertThatThrownBy(() -> JsonLinesReadingReader.read(write(ok + "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"active_power\",\"value\":1,\"unit\":\"kV\"}\n"), (rd, w) -> { }))
                .hasMessage(dir.resolve("r.jsonl") + ":2: unit 'kV' does not fit active_power (accepted: GW, MW, W, kW)");
        assertThatThrownBy(() -> JsonLinesReadingReader.read(write(ok + "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00\",\"measurement\":\"active_power\",\"value\":1}\n"), (rd, w) -> { }))
                .hasMessageContaining("r.jsonl:2: time '2026-01-01T00:15:00' has no offset");
        assertThatThrownBy(() -> JsonLinesReadingReader.read(write(ok + ok + "{\"plant\":\"P1\",\"time\":\n"), (rd, w) -> { }))
                .hasMessageContaining("r.jsonl:3: not valid JSON");
        assertThatThrownBy(() -> JsonLinesReadingReader.read(write("{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"active_power\"}\n"), (rd, w) -> { }))
                .hasMessage(dir.resolve("r.jsonl") + ":1: missing \"value\"");
        assertThatThrownBy(() -> JsonLinesReadingReader.read(write("{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"power\",\"value\":1}\n"), (rd, w) -> { }))
                .hasMessageStartingWith(dir.resolve("r.jsonl") + ":1: unknown measurement 'power'");
        assertThatThrownBy(() -> JsonLinesReadingReader.read(write("{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"energy\",\"value\":\"1,5\"}\n"), (rd, w) -> { }))
                .hasMessage(dir.resolve("r.jsonl") + ":1: cannot parse number '1,5'");
    }

    @Test
    void skipAndReportKeepsGoodLines() throws IOException {
        Path f = write("{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"energy\",\"value\":1}\nnot json\n"
                + "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:30:00Z\",\"measurement\":\"energy\",\"value\":2,\"extra\":1}\n"
                + "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:45:00Z\",\"measurement\":\"energy\",\"value\":3}\n");
        ProblemReport report = ProblemReport.skipAndReport();
        ReadResult r = JsonLinesReadingReader.read(f, (rd, w) -> out.add(rd), report);
        assertThat(r).isEqualTo(new ReadResult(4, 2, 2));
        assertThat(out).extracting(Reading::value).containsExactly(BigDecimal.ONE, new BigDecimal(3));
        assertThat(report.problems()).extracting(InputException::line).containsExactly(2L, 3L);
        assertThat(report.problems().get(1).getMessage()).contains("unknown key \"extra\"");
    }

    private static String line(String value) {
        return "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"energy\",\"value\":" + value + "}\n";
    }

    @Test
    void valuesAreBoundedInDigitsAndExponent() throws IOException {
        Path f = write(line("1") + line("\"" + "3".repeat(5_000_000) + "\""));
        assertThatThrownBy(() -> JsonLinesReadingReader.read(f, (rd, w) -> { }))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.NUMBER))
                .hasMessage(f + ":2: \"value\" '" + "3".repeat(100) + "…' (5000000 characters) has more than 38 digits "
                        + "(at most 38 digits and an exponent of at most ±99)");
        Path g = write(line("1E+999999999"));
        assertThatThrownBy(() -> JsonLinesReadingReader.read(g, (rd, w) -> { }))
                .hasMessage(g + ":1: \"value\" '1E+999999999' has an exponent beyond ±99 (at most 38 digits and an exponent of at most ±99)");
        Path h = write(line("\"-1e-99\"") + line("9".repeat(5_000_000)));
        assertThatThrownBy(() -> JsonLinesReadingReader.read(h, (rd, w) -> out.add(rd)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(300))
                .hasMessageStartingWith(h + ":2: ");
        assertThat(out).extracting(Reading::value).containsExactly(new BigDecimal("-1E-99"));
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLineOfTheFirstBadByte() throws IOException {
        byte[] good = (line("1") + line("2")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = "{\"plant\":\"K\u00f6ln\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path f = dir.resolve("latin1.jsonl");
        Files.write(f, java.nio.ByteBuffer.allocate(good.length + bad.length).put(good).put(bad).array());
        assertThatThrownBy(() -> JsonLinesReadingReader.read(f, (rd, w) -> { }))
                .hasMessage(f + ":3: not valid UTF-8 (byte " + (good.length + 11) + " of the file, counting from 0)");
    }

    @Test
    void keysAndJsonErrorsAreQuotedCutAndEscaped() throws IOException {
        Path f = write("{\"plant\":\"P1\",\"" + "\\u001b".repeat(10_000) + "\":1}\n");
        assertThatThrownBy(() -> JsonLinesReadingReader.read(f, (rd, w) -> { }))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(300)
                        .doesNotContain("\u001b").contains("unknown key \"\\u001B\\u001B"));
        Path g = write("{\"plant\":" + "\u0000x".repeat(1_000_000) + "}\n");
        assertThatThrownBy(() -> JsonLinesReadingReader.read(g, (rd, w) -> { }))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(300)
                        .doesNotContain("\u0000").startsWith(g + ":1: not valid JSON: "));
    }

    /**
     * Found by IngestDecodersFuzzTest#jsonLines: after the last line, which had no line break, the line
     * reader asked for more and the UTF-8 decoder, already flushed, threw an IllegalStateException.
     */
    @Test
    void aLastLineWithoutALineBreakIsRead() throws IOException {
        Path f = write("{\"plant\":\"P1\",\"time\":\"2026-01-01T00:15:00Z\",\"measurement\":\"energy\",\"value\":1}\n"
                + "{\"plant\":\"P1\",\"time\":\"2026-01-01T00:30:00Z\",\"measurement\":\"energy\",\"value\":2}");
        assertThat(JsonLinesReadingReader.read(f, (rd, w) -> out.add(rd))).isEqualTo(new ReadResult(2, 2, 0));
        assertThat(out.get(1).value()).isEqualTo(new BigDecimal("2"));
    }
}
