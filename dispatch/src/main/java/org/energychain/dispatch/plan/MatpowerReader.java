package org.energychain.dispatch.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subset of MATLAB syntax that MATPOWER case files use: {@code mpc.NAME = value;} scalars and
 * {@code mpc.NAME = [ ... ];} matrices whose rows end with {@code ;} or a line break, values separated by
 * spaces, tabs or commas, {@code %} comments, and {@code ...} continuations. Everything else
 * ({@code function}, {@code mpc.version = '2';}, cell arrays of names) is skipped. Errors name the file and
 * line.
 */
public final class MatpowerReader {
    private static final Pattern ASSIGN = Pattern.compile("^\\s*mpc\\.(\\w+)\\s*=\\s*(.*)$");

    private MatpowerReader() {
    }

    public static MatpowerCase read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
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
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new MatpowerFormatException(source + ":" + line + ": '" + t + "' is not a number");
        }
    }
}
