package org.energychain.crypto;

/**
 * Outside text as an error message may quote it: cut to {@value #MAX} characters of output with an
 * ellipsis and the total length, and with control, format, separator and undecodable characters escaped,
 * so that a message never echoes a 5 MB line or raw binary to a terminal. {@code quote("1.2.3")} is
 * {@code '1.2.3'}; a 5,000,000-digit cell becomes {@code '1111…' (5000000 characters)}; tab, CR and LF
 * show as backslash-t, -r and -n; other non-printable characters as a backslash, {@code u} and four hex
 * digits (NUL as {@code u0000}, a byte that was not valid in the file's charset and was decoded as the
 * replacement character as {@code uFFFD}); a backslash is doubled so that the escapes are unambiguous.
 *
 * <p>Lives here because every module quotes input in its errors and this module depends on nothing of
 * ours.
 */
public final class Snippet {
    /** At most this many characters of escaped text are quoted. */
    public static final int MAX = 100;

    private Snippet() {
    }

    /** {@code s} in single quotes, cut and escaped; {@code null} gives {@code null}. */
    public static String quote(CharSequence s) {
        if (s == null) {
            return "null";
        }
        return quote(s, 0, s.length());
    }

    /**
     * {@code s} cut and escaped like {@link #quote} but without the quotes: for the message of a parser
     * that may contain a piece of the input.
     */
    public static String plain(CharSequence s) {
        if (s == null) {
            return "null";
        }
        String q = quote(s, 0, s.length());
        int close = q.lastIndexOf('\'');
        return q.substring(1, close) + q.substring(close + 1);
    }

    /** The characters {@code buf[off, off+len)} in single quotes, cut and escaped. */
    public static String quote(char[] buf, int off, int len) {
        return quote(java.nio.CharBuffer.wrap(buf, off, len), 0, len);
    }

    private static String quote(CharSequence s, int from, int to) {
        StringBuilder sb = new StringBuilder(Math.min(to - from, MAX) + 32).append('\'');
        int shown = 0;
        int i = from;
        while (i < to) {
            if (shown >= MAX) {
                break;
            }
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (printable(cp)) {
                    sb.append(c).append(s.charAt(i + 1));
                    shown += 2;
                } else {
                    String e = String.format("\\u{%X}", cp);
                    sb.append(e);
                    shown += e.length();
                }
                i += 2;
                continue;
            }
            if (c == '\\') {
                sb.append("\\\\");
                shown += 2;
            } else if (c == '\n') {
                sb.append("\\n");
                shown += 2;
            } else if (c == '\r') {
                sb.append("\\r");
                shown += 2;
            } else if (c == '\t') {
                sb.append("\\t");
                shown += 2;
            } else if (printable(c)) {
                sb.append(c);
                shown++;
            } else {
                sb.append(String.format("\\u%04X", (int) c));
                shown += 6;
            }
            i++;
        }
        sb.append(i < to ? "…'" : "'");
        if (i < to) {
            sb.append(" (").append(to - from).append(" characters)");
        }
        return sb.toString();
    }

    private static boolean printable(int cp) {
        if (cp == 0xFFFD) {
            return false; // what a decoder makes of bytes that are not valid in the charset
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT: // e.g. bidi overrides that reorder the rest of the terminal line
            case Character.SURROGATE: // unpaired
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
