package org.energychain.supervision.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The value records and the canonical decimal form, without a database. */
class StoreValuesTest {

    @Property
    void canonicalDecimalsAreNumericallyEqualAndIndependentOfScale(@ForAll long unscaled,
                                                                   @ForAll @IntRange(min = -20, max = 30) int scale,
                                                                   @ForAll @IntRange(min = 0, max = 5) int extraZeros) {
        BigDecimal v = new BigDecimal(BigInteger.valueOf(unscaled), scale);
        String c = JdbcOffChainStore.canonical(v);
        assertThat(new BigDecimal(c)).isEqualByComparingTo(v);
        assertThat(JdbcOffChainStore.canonical(v.setScale(Math.max(scale, 0) + extraZeros))).isEqualTo(c);
        assertThat(c).doesNotContain("E").doesNotContain("e");
        if (c.contains(".")) {
            assertThat(c).doesNotEndWith("0");
        }
    }

    @Test
    void zeroIsCanonicallyZero() {
        assertThat(JdbcOffChainStore.canonical(new BigDecimal("0.000"))).isEqualTo("0");
        assertThat(JdbcOffChainStore.canonical(new BigDecimal("0E+5"))).isEqualTo("0");
        assertThat(JdbcOffChainStore.canonical(new BigDecimal("1.50"))).isEqualTo("1.5");
        assertThat(JdbcOffChainStore.canonical(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void recordsWithHashesCompareByContentAndCopyTheirArrays() {
        byte[] root = {1, 2, 3};
        DayRecord d = new DayRecord("p", LocalDate.of(2024, 1, 1), 3, root, new byte[] {4});
        root[0] = 9;
        assertThat(d.root()).containsExactly(1, 2, 3);
        d.root()[1] = 9;
        assertThat(d.root()).containsExactly(1, 2, 3);
        assertThat(d).isEqualTo(new DayRecord("p", LocalDate.of(2024, 1, 1), 3, new byte[] {1, 2, 3}, new byte[] {4}))
                .hasSameHashCodeAs(new DayRecord("p", LocalDate.of(2024, 1, 1), 3, new byte[] {1, 2, 3}, new byte[] {4}));
        assertThat(d).isNotEqualTo(new DayRecord("p", LocalDate.of(2024, 1, 1), 3, new byte[] {1, 2, 4}, new byte[] {4}));
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new PeriodHeader("g", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2), "sha256",
                new byte[32], Instant.EPOCH)).hasMessageContaining("must be before its end");
        assertThatThrownBy(() -> new PeriodHeader("g", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), "sha256",
                new byte[16], Instant.EPOCH)).hasMessageContaining("salt key must be 32 bytes, got 16");
        assertThatThrownBy(() -> new DayRecord("p", LocalDate.of(2024, 1, 1), 1, new byte[0], new byte[] {1}))
                .hasMessageContaining("day root must not be empty");
        assertThatThrownBy(() -> new DestroyRequest("g", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), " ",
                Instant.EPOCH)).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> new RetentionPolicy(java.time.Period.ZERO)).hasMessageContaining("must be positive");
    }
}
