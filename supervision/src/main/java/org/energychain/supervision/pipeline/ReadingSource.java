package org.energychain.supervision.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import org.energychain.supervision.ingest.MappingConfig;
import org.jspecify.annotations.Nullable;

/** One input file of an ingest: CSV with its mapping, or JSON lines (mapping null). */
public record ReadingSource(Path file, @Nullable MappingConfig mapping) {
    public ReadingSource {
        Objects.requireNonNull(file, "file");
    }

    public static ReadingSource csv(Path file, MappingConfig mapping) {
        return new ReadingSource(file, Objects.requireNonNull(mapping, "mapping"));
    }

    public static ReadingSource jsonLines(Path file) {
        return new ReadingSource(file, null);
    }

    public boolean isJsonLines() {
        return mapping == null;
    }
}
