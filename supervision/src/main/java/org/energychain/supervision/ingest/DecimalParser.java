package org.energychain.supervision.ingest;

import java.math.BigDecimal;

/**
 * Parses decimal numbers exactly (never through {@code double}) from a slice of a char buffer, with a
 * configurable decimal separator and an optional thousands separator that is ignored between digits of
 * the integer part. Up to 18 significant digits take an allocation-free path; longer numbers and
 * exponents ({@code 1.5E3}) go through {@link BigDecimal#BigDecimal(String)}.
 */
final class DecimalParser {
    private final char decimal;
    private final char thousands; // 0 = none

    DecimalParser(char decimal, Character thousands) {
        this.decimal = decimal;
        this.thousands = thousands == null ? 0 : thousands;
    }

    /** Parses {@code buf[off, off+len)}; surrounding blanks are ignored. */
    BigDecimal parse(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        while (end > i && buf[end - 1] == ' ') {
            end--;
        }
        if (i == end) {
            throw new NumberFormatException("empty");
        }
        int start = i;
        boolean negative = false;
        if (buf[i] == '-' || buf[i] == '+') {
            negative = buf[i] == '-';
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean sawDecimal = false;
        boolean lastWasDigit = false;
        int intDigits = 0;
        for (; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    unscaled = unscaled * 10 + (c - '0');
                    if (unscaled != 0) {
                        digits++;
                    }
                } else {
                    return slow(buf, start, end);
                }
                if (sawDecimal) {
                    scale++;
                } else {
                    intDigits++;
                }
                lastWasDigit = true;
            } else if (c == decimal && !sawDecimal) {
                sawDecimal = true;
                lastWasDigit = false;
            } else if (c == thousands && !sawDecimal && lastWasDigit && i + 1 < end
                    && buf[i + 1] >= '0' && buf[i + 1] <= '9') {
                lastWasDigit = false;
            } else if ((c == 'e' || c == 'E') && (intDigits > 0 || scale > 0)) {
                return slow(buf, start, end);
            } else {
                throw new NumberFormatException("unexpected '" + c + "'");
            }
        }
        if (intDigits == 0 && scale == 0) {
            throw new NumberFormatException("no digits");
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private BigDecimal slow(char[] buf, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        boolean sawDecimal = false;
        for (int i = start; i < end; i++) {
            char c = buf[i];
            if (c == thousands && !sawDecimal) {
                continue;
            }
            if (c == decimal) {
                sawDecimal = true;
                sb.append('.');
            } else if (c == '.' && decimal != '.') {
                throw new NumberFormatException("unexpected '.'");
            } else {
                sb.append(c);
            }
        }
        return new BigDecimal(sb.toString());
    }
}
