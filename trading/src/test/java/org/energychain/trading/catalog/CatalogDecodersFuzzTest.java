package org.energychain.trading.catalog;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.stream.Stream;
import org.energychain.crypto.encoding.DecoderContract;
import org.energychain.crypto.encoding.DecoderContract.Format;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz tests of the catalogue's decoders of outside bytes (docs/fuzzing.md): a listing as a seller
 * publishes it, the records and pages the chain answers, and the query and withdraw arguments.
 */
@Timeout(60) // per input in the build (the first one also attaches Jazzer); bin/fuzz gives each input 10 s
class CatalogDecodersFuzzTest {
    static final List<Format<?>> FORMATS = List.of(
            DecoderContract.format("listing", Listing::decode, Listing::encode),
            DecoderContract.format("listing record", ListingRecord::decode, ListingRecord::encode),
            DecoderContract.format("listing page", ListingPage::decode, ListingPage::encode),
            DecoderContract.format("listings query", ListingsQuery::decode, ListingsQuery::encode),
            DecoderContract.format("withdraw", WithdrawArgs::decode, WithdrawArgs::encode));

    @MethodSource("seeds")
    @FuzzTest
    void listings(byte[] input) {
        DecoderContract.checkAll(FORMATS, input);
    }

    static Stream<Arguments> seeds() {
        Listing wind = Listings.simple("D1/hourly/G1-W001/2026-01-01/2026-02-01", "G1");
        Listing sm3 = new Listing("D1/sm3", "SM3", Listings.root(9), 1, "solar", "daily", "South", "G2", "G2-S1",
                "sum", "energy \u00e9", "kWh", Listings.JAN, Listings.MAR, 0, "", "");
        ListingRecord record = new ListingRecord("G1", 3, ListingRecord.Status.WITHDRAWN, "ef".repeat(32), 12, wind);
        ListingRecord active = new ListingRecord("G2", 1, ListingRecord.Status.ACTIVE, "01", 1, sm3);
        return Stream.of(seed("listing", wind.encode()), seed("listing SM3", sm3.encode()),
                seed("record", record.encode()), seed("page", new ListingPage(7, 5, List.of(record, active)).encode()),
                seed("query", new ListingsQuery("G1", 0, 100).encode()),
                seed("withdraw", new WithdrawArgs(wind.id()).encode()));
    }

    static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }
}
