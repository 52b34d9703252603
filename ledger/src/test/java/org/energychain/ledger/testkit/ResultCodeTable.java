package org.energychain.ledger.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of result codes in docs/ledger.md, read as rows, and a codes class's constants read by
 * reflection, so a test can hold the two equal.
 */
public final class ResultCodeTable {
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| ([A-Z_]+) \\| ([a-z]+) \\|.*");
    private static final String HEADING = "### Result codes (all contracts)";

    /** A row: the code, its name, and the contract column ({@code ledger}, {@code all} or a contract module). */
    public record Row(int code, String name, String contract) {
    }

    private ResultCodeTable() {
    }

    /** docs/ledger.md, found from the module's directory (the tests' working directory) upwards. */
    public static Path ledgerDoc() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path p = d.resolve("docs").resolve("ledger.md");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/ledger.md above " + dir);
    }

    /** The rows of the table, in order. */
    public static List<Row> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(ledgerDoc(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException("docs/ledger.md has no heading '" + HEADING + "'");
        }
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("|")) {
                inTable = true;
                Matcher m = ROW.matcher(l);
                if (m.matches()) {
                    rows.add(new Row(Integer.parseInt(m.group(1)), m.group(2), m.group(3)));
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    /** The rows of one contract column as name to code, in table order. */
    public static Map<String, Integer> rowsOf(String contract) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Row r : rows()) {
            if (r.contract().equals(contract)) {
                out.put(r.name(), r.code());
            }
        }
        return out;
    }

    /** The public static final int constants of {@code codes}, name to value, in declaration order. */
    public static Map<String, Integer> declared(Class<?> codes) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Field f : codes.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == int.class) {
                try {
                    out.put(f.getName(), f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
