package org.energychain.supervision.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecimalParserTest {
    private static BigDecimal parse(DecimalParser p, String s) {
        return p.parse(s.toCharArray(), 0, s.length());
    }

    @Test
    void plainNumbersParseExactlyAsBigDecimalDoes() {
        DecimalParser p = DecimalParser.plain();
        for (String s : new String[] {"0", "-0.000", "1500.0", "+12.5", ".5", "5.", "1.5E3", "2e-4", "-7.25E+2",
                "123456789012345678", "1234567890123456789.5", "0000000000000000000001.25"}) {
            assertThat(parse(p, s)).as(s).isEqualTo(new BigDecimal(s));
        }
        assertThat(parse(p, "  42 ")).isEqualTo(new BigDecimal("42"));
    }

    @Property(tries = 300)
    void everyNumberWithinTheBoundsReadsBackExactly(@ForAll BigInteger unscaled, @ForAll @IntRange(min = -60, max = 60) int scale) {
        BigDecimal v = new BigDecimal(unscaled, scale);
        if (v.precision() > DecimalParser.MAX_DIGITS) {
            return;
        }
        assertThat(parse(DecimalParser.plain(), v.toString())).isEqualTo(v);
        String plain = v.toPlainString();
        if (plain.chars().filter(Character::isDigit).count() <= DecimalParser.MAX_DIGITS) {
            assertThat(parse(DecimalParser.plain(), plain)).isEqualTo(new BigDecimal(plain));
        }
    }

    @Test
    void thousandsSeparatorsMustGroupTheIntegerPartByThree() {
        DecimalParser en = new DecimalParser('.', ',');
        assertThat(parse(en, "1,209.10")).isEqualTo(new BigDecimal("1209.10"));
        assertThat(parse(en, "12,345,678")).isEqualTo(new BigDecimal("12345678"));
        assertThat(parse(en, "-999,999.5")).isEqualTo(new BigDecimal("-999999.5"));
        assertThat(parse(en, "1234.5")).isEqualTo(new BigDecimal("1234.5")); // grouping is optional
        for (String bad : new String[] {"1,2", "1,2345", "1234,567", ",123", "1,,234", "1,234,", "1,234.5,6", "1,23.4"}) {
            assertThatThrownBy(() -> parse(en, bad)).as(bad).isInstanceOf(NumberFormatException.class)
                    .isNotInstanceOf(DecimalParser.OutOfBoundsException.class);
        }
        assertThatThrownBy(() -> parse(DecimalParser.plain(), "1\u00002")).isInstanceOf(NumberFormatException.class)
                .hasMessage(null); // no separator configured: nothing groups, not even NUL
        DecimalParser de = new DecimalParser(',', '.');
        assertThat(parse(de, "1.234,5")).isEqualTo(new BigDecimal("1234.5"));
        assertThatThrownBy(() -> parse(de, "1.5")).isInstanceOf(NumberFormatException.class); // not 15
    }

    @Test
    void digitsAndExponentAreBounded() {
        DecimalParser p = DecimalParser.plain();
        String max = "9".repeat(DecimalParser.MAX_DIGITS);
        assertThat(parse(p, max)).isEqualTo(new BigDecimal(max));
        assertThat(parse(p, "-0." + "9".repeat(37))).isEqualTo(new BigDecimal("-0." + "9".repeat(37))); // leading zeros count
        assertThatThrownBy(() -> parse(p, max + "9")).isInstanceOf(DecimalParser.OutOfBoundsException.class)
                .hasMessage("has more than 38 digits");
        assertThat(parse(p, "1E+99")).isEqualTo(new BigDecimal("1E+99"));
        assertThat(parse(p, "1e-99")).isEqualTo(new BigDecimal("1E-99"));
        assertThatThrownBy(() -> parse(p, "1E+100")).isInstanceOf(DecimalParser.OutOfBoundsException.class)
                .hasMessage("has an exponent beyond ±99");
        assertThatThrownBy(() -> parse(p, "1E+999999999")).isInstanceOf(DecimalParser.OutOfBoundsException.class);
        assertThatThrownBy(() -> parse(p, "1E")).isNotInstanceOf(DecimalParser.OutOfBoundsException.class)
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aFiveMillionDigitCellIsRefusedAfterItsBound() {
        char[] cell = "7".repeat(5_000_000).toCharArray();
        // the bound is the point: no BigDecimal of the whole text, so this returns at once
        assertThatThrownBy(() -> new DecimalParser('.', ',').parse(cell, 0, cell.length))
                .isInstanceOf(DecimalParser.OutOfBoundsException.class);
    }
}
