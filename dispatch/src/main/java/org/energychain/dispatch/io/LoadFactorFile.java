package org.energychain.dispatch.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A day's load shape (the CLI's {@code dispatch plan --profile}): one factor per interval that multiplies every bus
 * load of the case (1 = the case's loads). CSV with one value per line or {@code interval,factor} (a
 * non-numeric first line is a header, {@code #} starts a comment). Outside input, so bounded: at most
 * {@value #MAX_BYTES} bytes of UTF-8, {@value #MAX_INTERVALS} intervals, factors in [0, {@value #MAX_FACTOR}];
 * errors name file:line.
 */
public final class LoadFactorFile {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_INTERVALS = 1440;
    public static final int MAX_FACTOR = 100;

    private LoadFactorFile() {
    }

    public static double[] read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": more than " + MAX_BYTES + " bytes for a load profile");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8; save the profile as UTF-8 or ASCII");
        }
        String[] lines = text.split("\\R", -1);
        List<Double> out = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[,;\\t]");
            String value = cells[cells.length - 1].trim();
            if (first && !value.matches("[+-]?[0-9.].*")) {
                first = false;
                continue; // header
            }
            first = false;
            if (out.size() == MAX_INTERVALS) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": more than " + MAX_INTERVALS + " intervals");
            }
            out.add(factor(value, file + ":" + (i + 1)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no load factors");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double factor(String s, String where) {
        BigDecimal v;
        try {
            if (s.length() > 40) {
                throw new NumberFormatException();
            }
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + org.energychain.crypto.Snippet.quote(s)
                    + " is not a load factor (a decimal number such as 0.85)");
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(MAX_FACTOR)) > 0) {
            throw new IllegalArgumentException(where + ": load factor " + v.toPlainString() + " is outside 0.."
                    + MAX_FACTOR);
        }
        return v.doubleValue();
    }
}
