package org.energychain.dispatch.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energychain.crypto.Snippet;

/**
 * Reads the subset of MATLAB syntax that MATPOWER case files use: {@code mpc.NAME = value;} scalars and
 * {@code mpc.NAME = [ ... ];} matrices whose rows end with {@code ;} or a line break, values separated by
 * spaces, tabs or commas, {@code %} comments, and {@code ...} continuations. Everything else
 * ({@code function}, {@code mpc.version = '2';}, cell arrays of names) is skipped. Errors name the file and
 * line.
 *
 * <p>The file is outside input and bounded: at most {@value #MAX_BYTES} bytes of valid UTF-8 (MATPOWER's
 * files are ASCII), numbers of at most {@value #MAX_NUMBER_CHARS} characters in decimal or E notation that
 * are finite as doubles ({@code Inf} and {@code -Inf} as MATLAB writes them).
 */
public final class MatpowerReader {
    private static final Pattern ASSIGN = Pattern.compile("^\\s*mpc\\.(\\w+)\\s*=\\s*(.*)$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Largest case file read, in bytes (the largest MATPOWER cases have a few tens of MB). */
    public static final int MAX_BYTES = 64 << 20;
    /** Longest number token. */
    public static final int MAX_NUMBER_CHARS = 40;

    private MatpowerReader() {
    }

    /**
     * Reads a case file.
     *
     * @throws MatpowerFormatException when the file is too large, not valid UTF-8 (naming the line and the
     *                                 byte) or not a usable case (naming the line)
     */
    public static MatpowerCase read(Path file) throws IOException {
        String source = file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new MatpowerFormatException(source + ": " + size + " bytes, more than the " + MAX_BYTES + " a case file may have");
        }
        return parse(source, decode(source, Files.readAllBytes(file)));
    }

    /** UTF-8 text of {@code bytes}; bytes that are not UTF-8 are an error naming their line, column and offset. */
    static String decode(String source, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new MatpowerFormatException(String.format("%s:%d: not valid UTF-8: byte 0x%02X at column %d (byte %d "
                    + "of the file, counting from 0); save the case as UTF-8 or ASCII", source, line, bytes[at] & 0xff,
                    at - lineStart + 1, at));
        }
        d.flush(out);
        return out.flip().toString();
    }

    public static MatpowerCase parse(String source, String text) {
        String[] lines = text.split("\r?\n", -1);
        Map<String, List<MatpowerCase.Row>> matrices = new HashMap<>();
        double baseMva = Double.NaN;
        String open = null;
        int openedAt = 0;
        List<MatpowerCase.Row> rows = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]);
            if (open == null) {
                Matcher m = ASSIGN.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                String name = m.group(1);
                String rest = m.group(2).trim();
                if (rest.startsWith("[")) {
                    open = name;
                    openedAt = lineNo;
                    rows = new ArrayList<>();
                    line = rest.substring(1);
                } else {
                    if (name.equals("baseMVA")) {
                        String v = rest.endsWith(";") ? rest.substring(0, rest.length() - 1).trim() : rest;
                        baseMva = number(source, lineNo, v);
                    }
                    continue;
                }
            }
            int close = line.indexOf(']');
            String body = close >= 0 ? line.substring(0, close) : line;
            body = body.replace("...", " ");
            for (String row : body.split(";", -1)) {
                String trimmed = row.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] tokens = trimmed.split("[\\s,]+");
                double[] values = new double[tokens.length];
                for (int k = 0; k < tokens.length; k++) {
                    values[k] = number(source, lineNo, tokens[k]);
                }
                if (!rows.isEmpty() && rows.get(0).values().length != values.length) {
                    throw new MatpowerFormatException(source + ":" + lineNo + ": mpc." + open + " row has "
                            + values.length + " columns, the first row has " + rows.get(0).values().length);
                }
                rows.add(new MatpowerCase.Row(lineNo, values));
            }
            if (close >= 0) {
                matrices.put(open, rows);
                open = null;
            }
        }
        if (open != null) {
            throw new MatpowerFormatException(source + ":" + openedAt + ": mpc." + open + " = [ is never closed with ]");
        }
        if (Double.isNaN(baseMva)) {
            throw new MatpowerFormatException(source + ": no mpc.baseMVA");
        }
        for (String required : List.of("bus", "gen", "gencost")) {
            if (!matrices.containsKey(required)) {
                throw new MatpowerFormatException(source + ": no mpc." + required + " matrix");
            }
        }
        return new MatpowerCase(source, baseMva, matrices.get("bus"), matrices.get("gen"),
                matrices.getOrDefault("branch", List.of()), matrices.get("gencost"));
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '%' && !quoted) {
                return line.substring(0, k);
            }
        }
        return line;
    }

    private static double number(String source, int line, String token) {
        String t = token.trim();
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equalsIgnoreCase("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (t.length() > MAX_NUMBER_CHARS) {
            throw new MatpowerFormatException(source + ":" + line + ": " + Snippet.quote(t) + " is not a number of at most "
                    + MAX_NUMBER_CHARS + " characters");
        }
        if (!NUMBER.matcher(t).matches()) { // Java would also take NaN, Infinity, 0x1p3 and 1d
            throw new MatpowerFormatException(source + ":" + line + ": " + Snippet.quote(t) + " is not a number");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new MatpowerFormatException(source + ":" + line + ": " + Snippet.quote(t) + " is out of range");
        }
        return v;
    }
}
