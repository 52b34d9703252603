package org.energychain.trading.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Malformed DI and unknown levels are refused, naming the field, the value and what was expected. */
class ListingValidationTest {
    @Test
    void anUnknownEnergyTypeIsRefusedNamingTheVocabulary() {
        assertThatThrownBy(() -> Listings.listing("D1/x", "plutonium", "generation-profile", "North", "G1", "G1-W001",
                Listings.JAN, Listings.FEB, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("energyType 'plutonium'")
                .hasMessageContaining("solar");
        for (String t : Listing.ENERGY_TYPES) {
            assertThat(Listings.listing("D1/" + t, t, "generation-profile", "North", "G1", "G1-W001", Listings.JAN,
                    Listings.FEB, 10).energyType()).isEqualTo(t);
        }
    }

    @Test
    void levelsMayHoldNeitherThePathSeparatorNorTheWildcard() {
        assertThatThrownBy(() -> Listings.listing("D1/x", "wind", "generation/profile", "North", "G1", "G1-W001",
                Listings.JAN, Listings.FEB, 10)).hasMessageContaining("dataType 'generation/profile'");
        assertThatThrownBy(() -> Listings.listing("D1/x", "wind", "generation-profile", "*", "G1", "G1-W001",
                Listings.JAN, Listings.FEB, 10)).hasMessageContaining("region '*'");
        assertThatThrownBy(() -> Listings.listing("D1/x", "wind", "generation-profile", "North", "G1", "",
                Listings.JAN, Listings.FEB, 10)).hasMessageContaining("unit ''");
    }

    @Test
    void anEmptyTimeRangeAndANegativePriceAreRefused() {
        assertThatThrownBy(() -> Listings.listing("D1/x", "wind", "generation-profile", "North", "G1", "G1-W001",
                Listings.FEB, Listings.JAN, 10)).hasMessageContaining("from/to");
        assertThatThrownBy(() -> Listings.listing("D1/x", "wind", "generation-profile", "North", "G1", "G1-W001",
                Listings.JAN, Listings.FEB, -1)).hasMessageContaining("price '-1'");
    }
}
