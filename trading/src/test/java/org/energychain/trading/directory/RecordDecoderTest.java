package org.energychain.trading.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.energychain.trading.catalog.ListingRecord;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
    private final RecordDecoder decoder = new RecordDecoder();

    @Test
    void decodesExactlyLikeListingRecordAndSharesRepeatedValues() {
        Random rnd = new Random(1);
        CatalogBlocks blocks = new CatalogBlocks("trading");
        ListingRecord a = blocks.publish(DirectoryPropertyTest.random(rnd, "D1/a"));
        ListingRecord b = blocks.withdraw("D1/a");
        for (ListingRecord r : new ListingRecord[] {a, b}) {
            ListingRecord decoded = decoder.decode(r.encode());
            assertThat(decoded).isEqualTo(ListingRecord.decode(r.encode()));
            assertThat(decoded.encode()).isEqualTo(r.encode());
        }
        assertThat(decoder.decode(a.encode()).listing().energyType())
                .isSameAs(decoder.decode(b.encode()).listing().energyType());
    }

    @Test
    void refusesWhatListingRecordRefuses() {
        byte[] good = new CatalogBlocks("trading").publish(DirectoryPropertyTest.random(new Random(2), "D1/a")).encode();
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> decoder.decode(trailing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
