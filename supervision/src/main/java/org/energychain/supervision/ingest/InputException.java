package org.energychain.supervision.ingest;

import java.nio.file.Path;
import java.util.Objects;
import org.energychain.crypto.Snippet;

/**
 * Bad input, naming where it is: {@code readings/P01.csv:1234: unit 'kV' does not fit active_power
 * (accepted: GW, MW, W, kW)}. The line is 1-based, or 0 when the problem concerns the whole file; the
 * column is given where it helps and is {@code null} otherwise. Outside text in the message (the column's
 * name here, cells and values in the reasons) is quoted through {@link Snippet}: cut and escaped.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;
    private final ProblemKind kind;
    private final String reason;

    public InputException(ProblemKind kind, Path file, long line, String column, String reason) {
        super(format(file, line, column, reason));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public InputException(ProblemKind kind, SourceLocation where, String column, String reason) {
        this(kind, where.file(), where.line(), column, reason);
    }

    public InputException(ProblemKind kind, Path file, long line, String reason) {
        this(kind, file, line, null, reason);
    }

    private static String format(Path file, long line, String column, String reason) {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column ").append(Snippet.quote(column)).append(": ");
        }
        return sb.append(reason).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, 0 when the problem is not on one line. */
    public long line() {
        return line;
    }

    /** The column concerned, or {@code null}. */
    public String column() {
        return column;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** The message without the location. */
    public String reason() {
        return reason;
    }

    public SourceLocation where() {
        return new SourceLocation(file, line);
    }
}
