package org.energychain.trading.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written checks of ids and directory levels accept exactly what the published patterns accept
 * (strings near the edges: the allowed characters, their neighbours, non-ASCII letters and digits, lengths
 * around the limits).
 */
class ListingCharsPropertyTest {
    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.strings().withChars("aZ09._-:/*+ \u00e9\u0661@[`{")
                .ofMinLength(0).ofMaxLength(170);
    }

    @Property(tries = 3000)
    void isIdAgreesWithThePattern(@ForAll("candidates") String s) {
        assertThat(Listing.isId(s)).as(s).isEqualTo(Listing.ID.matcher(s).matches());
    }

    @Property(tries = 3000)
    void isLevelAgreesWithThePattern(@ForAll("candidates") String s) {
        assertThat(Listing.isLevel(s)).as(s).isEqualTo(Listing.LEVEL.matcher(s).matches());
    }

    @Property(tries = 1000)
    void plainStringsOfEveryLengthUpToPastTheLimit(@ForAll("plain") String s) {
        assertThat(Listing.isId(s)).as(s).isEqualTo(Listing.ID.matcher(s).matches());
        assertThat(Listing.isLevel(s)).as(s).isEqualTo(Listing.LEVEL.matcher(s).matches());
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withChars("aB7._-").ofMinLength(0).ofMaxLength(170);
    }
}
