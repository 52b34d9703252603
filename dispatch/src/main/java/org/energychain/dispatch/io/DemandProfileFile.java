package org.energychain.dispatch.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A demand profile in kW, one whole number per interval: a JSON array, a JSON object with
 * {@code profileKw}, or CSV with one value per line or {@code interval,kw} (a non-numeric first line is a
 * header, {@code #} starts a comment). At most {@value #MAX_BYTES} bytes; errors name file:line (or the
 * JSON element).
 */
public final class DemandProfileFile {
    public static final int MAX_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemandProfileFile() {
    }

    public static List<Long> read(Path file) throws IOException {
        String text = TextFile.read(file, MAX_BYTES, "a demand profile").trim();
        List<Long> out = new ArrayList<>();
        if (text.startsWith("[") || text.startsWith("{")) {
            JsonNode n;
            try {
                n = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ": not JSON ("
                        + e.getOriginalMessage() + ")");
            }
            JsonNode arr = n.isArray() ? n : n.path("profileKw");
            if (!arr.isArray()) {
                throw new IllegalArgumentException(file + ": expected a JSON array of kW or an object with 'profileKw'");
            }
            for (int i = 0; i < arr.size(); i++) {
                out.add(kw(arr.get(i).asText(), file + ": profileKw[" + i + "]"));
            }
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[,;\\t]", -1); // -1: a line of separators only has cells, all empty
            String value = cells[cells.length - 1].trim();
            if (i == 0 && !value.matches("-?[0-9.]+")) {
                continue; // header
            }
            out.add(kw(value, file + ":" + (i + 1)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no profile values");
        }
        return out;
    }

    private static long kw(String s, String where) {
        try {
            if (s.length() > 40) {
                throw new NumberFormatException();
            }
            return new BigDecimal(s.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(where + ": " + org.energychain.crypto.Snippet.quote(s)
                    + " is not a whole number of kW");
        }
    }
}
