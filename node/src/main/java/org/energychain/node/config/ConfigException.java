package org.energychain.node.config;

import java.nio.file.Path;

/**
 * A configuration or genesis file that cannot be used; the message names the file and the field
 * ({@code node.yaml: http.port: must be between 0 and 65535, got 70000}). An
 * {@link IllegalArgumentException}, so the CLI reports it as bad input (exit 2).
 */
public final class ConfigException extends IllegalArgumentException {
    private final transient Path file;
    private final String field;

    public ConfigException(Path file, String field, String message) {
        super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message);
        this.file = file;
        this.field = field == null ? "" : field;
    }

    public Path file() {
        return file;
    }

    /** The dotted key path of the field, e.g. {@code members[2].key}; empty for the whole file. */
    public String field() {
        return field;
    }
}
