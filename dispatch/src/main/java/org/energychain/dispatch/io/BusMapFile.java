package org.energychain.dispatch.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each source connects to a network: lines {@code source,bus} ({@code #} comments, an optional
 * {@code source,bus} header), every bus one of the network's, every source once. At most
 * {@value #MAX_BYTES} bytes and {@value #MAX_SOURCES} sources; errors name file:line.
 */
public final class BusMapFile {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_SOURCES = 100_000;

    private BusMapFile() {
    }

    /** The sources and their buses, in the file's order; {@code buses} are the network's. */
    public static Map<String, Integer> read(Path file, Collection<Integer> buses) throws IOException {
        Set<Integer> known = Set.copyOf(buses);
        Map<String, Integer> out = new LinkedHashMap<>();
        String[] lines = TextFile.read(file, MAX_BYTES, "a bus map").split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equalsIgnoreCase("source,bus"))) {
                continue;
            }
            String[] f = line.split(",", -1); // -1: a trailing empty field is an error, not dropped
            String where = file + ":" + (i + 1) + ": ";
            if (f.length != 2) {
                throw new IllegalArgumentException(where + "expected 'source,bus', got "
                        + org.energychain.crypto.Snippet.quote(line));
            }
            String source = f[0].strip();
            if (source.isEmpty()) {
                throw new IllegalArgumentException(where + "a source id is missing");
            }
            int bus;
            try {
                bus = Integer.parseInt(f[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "bus " + org.energychain.crypto.Snippet.quote(f[1].strip())
                        + " is not a whole number");
            }
            if (!known.contains(bus)) {
                throw new IllegalArgumentException(where + "bus " + bus + " is not in the case");
            }
            if (out.put(source, bus) != null) {
                throw new IllegalArgumentException(where + "source " + source + " is mapped twice");
            }
            if (out.size() > MAX_SOURCES) {
                throw new IllegalArgumentException(where + "more than " + MAX_SOURCES + " sources");
            }
        }
        return out;
    }
}
