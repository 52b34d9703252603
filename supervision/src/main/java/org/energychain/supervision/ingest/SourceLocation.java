package org.energychain.supervision.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a reading or a problem comes from: a file and a 1-based line number ({@code 0} when the
 * problem concerns the file as a whole, e.g. a gap in a plant's series).
 */
public record SourceLocation(Path file, long line) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /** {@code file:line}, or just {@code file} when the line is 0. */
    @Override
    public String toString() {
        return line == 0 ? file.toString() : file + ":" + line;
    }
}
