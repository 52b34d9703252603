package org.energychain.supervision.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text stream, like {@link java.io.BufferedReader#readLine()} (terminated by LF, CR or CR LF),
 * but at most {@code maxChars} long: a file with a gigabyte on one line, or without any line break, costs
 * a fixed buffer instead of all memory. A longer line is skipped to its end and reported as a {@link
 * TooLongException}, after which reading continues with the next line.
 */
final class BoundedLineReader implements Closeable {
    /** The longest line the readers accept, in characters (16 Mi). */
    static final int MAX_LINE_CHARS = 1 << 24;

    /** A line longer than the bound; it has been skipped. */
    static final class TooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long length;

        TooLongException(long length, int max) {
            super("line has more than " + max + " characters");
            this.length = length;
        }

        /** The characters read of the line before giving up (at least the bound plus one). */
        long length() {
            return length;
        }
    }

    private final Reader in;
    private final int max;
    private final char[] cb = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean skipLf;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.max = maxChars;
    }

    /**
     * The next line without its terminator, or {@code null} at the end of the stream.
     *
     * @throws TooLongException when the line is longer than the bound (it has been consumed)
     */
    String readLine() throws IOException {
        StringBuilder sb = null;
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= lim) {
                lim = in.read(cb, 0, cb.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (!any) {
                        return null;
                    }
                    return finish(sb, length, null, 0, 0);
                }
            }
            if (skipLf) {
                skipLf = false;
                if (cb[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < lim && cb[pos] != '\n' && cb[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            length += n;
            if (pos < lim) { // a terminator
                skipLf = cb[pos] == '\r';
                pos++;
                return finish(sb, length, cb, start, n);
            }
            if (length <= max) {
                if (sb == null) {
                    sb = new StringBuilder(Math.max(n * 2, 128));
                }
                sb.append(cb, start, n);
            } else {
                sb = null;
            }
        }
    }

    private String finish(StringBuilder sb, long length, char[] tail, int start, int n) {
        if (length > max) {
            throw new TooLongException(length, max);
        }
        if (sb == null) {
            return tail == null ? "" : new String(tail, start, n);
        }
        if (tail != null) {
            sb.append(tail, start, n);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
