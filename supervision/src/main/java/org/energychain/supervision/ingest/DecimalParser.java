package org.energychain.supervision.ingest;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Parses decimal numbers exactly (never through {@code double}) from a slice of a char buffer, with a
 * configurable decimal separator and an optional thousands separator, in one pass and without building
 * intermediate strings for numbers of up to 18 digits.
 *
 * <p>Accepted: an optional sign, digits with at most one decimal separator, and an optional exponent
 * ({@code 1.5E3}, {@code 2e-4}). The thousands separator may group the integer part only, in groups of
 * three after a first group of one to three digits ({@code 1,209.10}, {@code 12,345,678}); anything else
 * ({@code 1,2}, {@code 1234,567}, {@code 1,,234}) is refused rather than read as some other number.
 *
 * <p>Outside input is bounded: at most {@value #MAX_DIGITS} digits before the exponent and an exponent
 * between -{@value #MAX_EXPONENT} and {@value #MAX_EXPONENT}. No meter value comes near these, and they keep
 * every parsed value small: a 5,000,000-digit cell is refused after its 39th digit, {@code 1E+999999999}
 * after its exponent, instead of costing minutes or gigabytes later on.
 */
final class DecimalParser {
    /** Most digits a number may have before its exponent (leading and trailing zeros count). */
    static final int MAX_DIGITS = 38;
    /** Largest absolute value of an exponent. */
    static final int MAX_EXPONENT = 99;

    /** A number that is well-formed but beyond the documented bounds. */
    static final class OutOfBoundsException extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        OutOfBoundsException(String message) {
            super(message);
        }
    }

    private final char decimal;
    private final boolean grouping;
    private final char thousands;

    DecimalParser(char decimal, Character thousands) {
        this.decimal = decimal;
        this.grouping = thousands != null;
        this.thousands = grouping ? thousands : decimal;
    }

    /** The parser of plain {@code 123.45} numbers (JSON values, configuration files). */
    static DecimalParser plain() {
        return new DecimalParser('.', null);
    }

    /** Parses {@code s}; surrounding blanks are ignored. */
    BigDecimal parse(String s) {
        return parse(s.toCharArray(), 0, s.length());
    }

    /**
     * Parses {@code buf[off, off+len)}; surrounding blanks are ignored.
     *
     * @throws OutOfBoundsException  when the number has more than {@link #MAX_DIGITS} digits or its exponent
     *                               is out of range
     * @throws NumberFormatException when the text is not a number; the message says why where it helps
     */
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
        boolean negative = false;
        if (buf[i] == '-' || buf[i] == '+') {
            negative = buf[i] == '-';
            i++;
        }
        long unscaled = 0;
        char[] digitText = null; // only for more than 18 digits
        int digits = 0;
        int scale = 0;
        boolean sawDecimal = false;
        int group = 0; // digits since the last thousands separator, or since the start
        boolean grouped = false;
        for (; i < end; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                if (digits == MAX_DIGITS) {
                    throw new OutOfBoundsException("has more than " + MAX_DIGITS + " digits");
                }
                if (digits < 18) {
                    unscaled = unscaled * 10 + (c - '0');
                } else {
                    if (digitText == null) {
                        digitText = new char[MAX_DIGITS];
                        String head = Long.toString(unscaled);
                        int zeros = digits - head.length(); // leading zeros
                        java.util.Arrays.fill(digitText, 0, zeros, '0');
                        head.getChars(0, head.length(), digitText, zeros);
                    }
                    digitText[digits] = c;
                }
                digits++;
                if (sawDecimal) {
                    scale++;
                } else {
                    group++;
                }
            } else if (c == decimal && !sawDecimal) {
                checkLastGroup(grouped, group);
                sawDecimal = true;
            } else if (grouping && c == thousands && !sawDecimal) {
                if (group == 0 || group > 3 || (grouped && group != 3)) {
                    throw new NumberFormatException("thousands separator '" + thousands
                            + "' must follow a group of 1 to 3 digits and separate groups of 3");
                }
                grouped = true;
                group = 0;
            } else if ((c == 'e' || c == 'E') && digits > 0) {
                if (!sawDecimal) {
                    checkLastGroup(grouped, group);
                }
                return finish(negative, unscaled, digitText, digits, scale - exponent(buf, i + 1, end));
            } else {
                throw new NumberFormatException(null);
            }
        }
        if (digits == 0) {
            throw new NumberFormatException(null);
        }
        if (!sawDecimal) {
            checkLastGroup(grouped, group);
        }
        return finish(negative, unscaled, digitText, digits, scale);
    }

    private void checkLastGroup(boolean grouped, int group) {
        if (grouped && group != 3) {
            throw new NumberFormatException("thousands separator '" + thousands + "' must separate groups of 3 digits");
        }
    }

    private static int exponent(char[] buf, int i, int end) {
        boolean negative = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
        }
        if (i == end) {
            throw new NumberFormatException("exponent without digits");
        }
        int e = 0;
        for (; i < end; i++) {
            char c = buf[i];
            if (c < '0' || c > '9') {
                throw new NumberFormatException(null);
            }
            e = e * 10 + (c - '0');
            if (e > MAX_EXPONENT) {
                throw new OutOfBoundsException("has an exponent beyond ±" + MAX_EXPONENT);
            }
        }
        return negative ? -e : e;
    }

    private static BigDecimal finish(boolean negative, long unscaled, char[] digitText, int digits, int scale) {
        if (digitText == null) {
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
        }
        BigInteger u = new BigInteger(new String(digitText, 0, digits));
        return new BigDecimal(negative ? u.negate() : u, scale);
    }

    /** The bounds, for messages: {@code at most 38 digits and an exponent of at most ±99}. */
    static String bounds() {
        return "at most " + MAX_DIGITS + " digits and an exponent of at most ±" + MAX_EXPONENT;
    }
}
