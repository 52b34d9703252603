package org.energychain.trading.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.tx.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogContractTest {
    private final TradingNet net = new TradingNet();

    @AfterEach
    void close() {
        net.close();
    }

    private Receipt publish(String sender, Listing l) {
        return net.submit(sender, CatalogContract.PUBLISH, l.encode());
    }

    private ListingRecord stored(String id) throws ContractException {
        return ListingRecord.decode(net.query("B1", CatalogContract.LISTING, CatalogContract.idArgs(id)));
    }

    @Test
    void publishStoresVersionOneAndAnnouncesTheRecord() throws Exception {
        Listing l = Listings.simple("D1/G1/jan", "G1");
        Receipt r = publish("G1", l);

        assertThat(r.result().code()).as(r.result().message()).isZero();
        ListingRecord rec = stored(l.id());
        assertThat(rec).isEqualTo(new ListingRecord("G1", 1, ListingRecord.Status.ACTIVE, r.txId(), r.height(), l));
        assertThat(r.result().events()).containsExactly(new Event(CatalogContract.PUBLISHED, rec.encode()));
    }

    @Test
    void aGroupCanOnlyListItsOwnData() {
        Receipt r = publish("G2", Listings.simple("D1/G1/jan", "G1"));
        assertThat(r.result().code()).isEqualTo(CatalogCodes.WRONG_GROUP);
        assertThat(r.result().message()).contains("G1").contains("G2");
        assertThatThrownBy(() -> stored("D1/G1/jan")).isInstanceOf(ContractException.class)
                .extracting(e -> ((ContractException) e).code()).isEqualTo(CatalogCodes.NOT_FOUND);
    }

    @Test
    void anIdIsPublishedOnce() {
        publish("G1", Listings.simple("D1/G1/jan", "G1"));
        Receipt again = publish("G1", Listings.listing("D1/G1/jan", "solar", "forecast", "South", "G1", "G1-S001",
                Listings.FEB, Listings.MAR, 5));
        assertThat(again.result().code()).isEqualTo(CatalogCodes.DUPLICATE);
    }

    @Test
    void onlyGroupsPublish() {
        assertThat(net.offer("B1", CatalogContract.PUBLISH, Listings.simple("D1/B1/x", "B1").encode()).accepted())
                .isFalse();
    }

    @Test
    void malformedListingsAreRefusedWithTheValidationMessage() {
        assertThat(publish("G1", new byte[] {1, 2, 3}).result().code()).isEqualTo(CatalogCodes.MALFORMED);
        Receipt slash = publish("G1", raw("D1/G1/a", "SHA-256", "generation/profile", Listings.JAN, Listings.FEB));
        assertThat(slash.result().code()).isEqualTo(CatalogCodes.MALFORMED);
        assertThat(slash.result().message()).contains("dataType 'generation/profile' is invalid");
        Receipt star = publish("G1", raw("D1/G1/b", "SHA-256", "*", Listings.JAN, Listings.FEB));
        assertThat(star.result().message()).contains("dataType '*' is invalid");
        Receipt hash = publish("G1", raw("D1/G1/c", "MD5", "profile", Listings.JAN, Listings.FEB));
        assertThat(hash.result().code()).isEqualTo(CatalogCodes.MALFORMED);
        assertThat(hash.result().message()).contains("MD5");
        Receipt range = publish("G1", raw("D1/G1/d", "SHA-256", "profile", Listings.FEB, Listings.FEB));
        assertThat(range.result().code()).isEqualTo(CatalogCodes.MALFORMED);
        assertThat(range.result().message()).contains("from/to");
    }

    private Receipt publish(String sender, byte[] args) {
        return net.submit(sender, CatalogContract.PUBLISH, args);
    }

    /** A listing encoding written field by field, bypassing the record's validation. */
    private static byte[] raw(String id, String hash, String dataType, Instant from, Instant to) {
        return new CanonicalWriter().tag(Listing.TAG).string(id).string(hash).fixed(Listings.root(1)).i64(4096)
                .string("wind").string(dataType).string("North").string("G1").string("G1-W001").string("time-series")
                .string("active_power").string("kW").instant(from).instant(to).i64(10).string("").string("")
                .toByteArray();
    }

    @Test
    void updateRaisesTheVersionAndMayMoveTheListing() throws Exception {
        publish("G1", Listings.simple("D1/G1/jan", "G1"));
        Listing moved = Listings.listing("D1/G1/jan", "solar", "forecast", "South", "G1", "G1-S001", Listings.JAN,
                Listings.FEB, 2000);
        Receipt r = net.submit("G1", CatalogContract.UPDATE, moved.encode());

        assertThat(r.result().code()).as(r.result().message()).isZero();
        ListingRecord rec = stored("D1/G1/jan");
        assertThat(rec.version()).isEqualTo(2);
        assertThat(rec.listing()).isEqualTo(moved);
        assertThat(rec.txId()).isEqualTo(r.txId());
        assertThat(r.result().events()).containsExactly(new Event(CatalogContract.UPDATED, rec.encode()));
    }

    @Test
    void updateRefusals() {
        publish("G1", Listings.simple("D1/G1/jan", "G1"));
        assertThat(net.submit("G1", CatalogContract.UPDATE, Listings.simple("D1/G1/none", "G1").encode()).result().code())
                .isEqualTo(CatalogCodes.NOT_FOUND);
        assertThat(net.submit("G2", CatalogContract.UPDATE, Listings.simple("D1/G1/jan", "G2").encode()).result().code())
                .isEqualTo(CatalogCodes.NOT_SELLER);
        assertThat(net.submit("G1", CatalogContract.UPDATE, Listings.simple("D1/G1/jan", "G2").encode()).result().code())
                .isEqualTo(CatalogCodes.WRONG_GROUP);
        net.submit("G1", CatalogContract.WITHDRAW, new WithdrawArgs("D1/G1/jan").encode());
        assertThat(net.submit("G1", CatalogContract.UPDATE, Listings.simple("D1/G1/jan", "G1").encode()).result().code())
                .isEqualTo(CatalogCodes.WITHDRAWN);
    }

    @Test
    void withdrawMarksTheListingAndKeepsIt() throws Exception {
        Listing l = Listings.simple("D1/G1/jan", "G1");
        publish("G1", l);
        assertThat(net.submit("G2", CatalogContract.WITHDRAW, new WithdrawArgs(l.id()).encode()).result().code())
                .isEqualTo(CatalogCodes.NOT_SELLER);
        Receipt r = net.submit("G1", CatalogContract.WITHDRAW, new WithdrawArgs(l.id()).encode());

        assertThat(r.result().code()).isZero();
        ListingRecord rec = stored(l.id());
        assertThat(rec).isEqualTo(new ListingRecord("G1", 2, ListingRecord.Status.WITHDRAWN, r.txId(), r.height(), l));
        assertThat(r.result().events()).containsExactly(new Event(CatalogContract.WITHDRAWN, rec.encode()));
        assertThat(net.submit("G1", CatalogContract.WITHDRAW, new WithdrawArgs(l.id()).encode()).result().code())
                .isEqualTo(CatalogCodes.WITHDRAWN);
        assertThat(net.submit("G1", CatalogContract.WITHDRAW, new WithdrawArgs("D1/none").encode()).result().code())
                .isEqualTo(CatalogCodes.NOT_FOUND);
        assertThat(net.submit("G1", CatalogContract.WITHDRAW, new byte[] {0}).result().code())
                .isEqualTo(CatalogCodes.MALFORMED);
    }

    @Test
    void listingsPageASellersListingsInPublicationOrder() throws Exception {
        for (String id : new String[] {"D1/G1/c", "D1/G1/a", "D1/G1/b"}) {
            publish("G1", Listings.simple(id, "G1"));
        }
        publish("G2", Listings.simple("D1/G2/a", "G2"));
        ListingPage first = ListingPage.decode(net.query("B1", CatalogContract.LISTINGS,
                new ListingsQuery("G1", 0, 2).encode()));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.records()).extracting(r -> r.listing().id()).containsExactly("D1/G1/c", "D1/G1/a");
        ListingPage second = ListingPage.decode(net.query("B1", CatalogContract.LISTINGS,
                new ListingsQuery("G1", 2, 2).encode()));
        assertThat(second.records()).extracting(r -> r.listing().id()).containsExactly("D1/G1/b");
        assertThat(second.hasMore()).isFalse();
        assertThatThrownBy(() -> net.query("B1", CatalogContract.LISTINGS, new byte[0]))
                .isInstanceOf(ContractException.class)
                .extracting(e -> ((ContractException) e).code()).isEqualTo(CatalogCodes.MALFORMED);
    }

    @Test
    void argumentEncodingsRoundTripStrictly() {
        WithdrawArgs w = new WithdrawArgs("D1/x");
        assertThat(WithdrawArgs.decode(w.encode())).isEqualTo(w);
        ListingsQuery q = new ListingsQuery("G1", 5, 7);
        assertThat(ListingsQuery.decode(q.encode())).isEqualTo(q);
        byte[] trailing = new CanonicalWriter().fixed(w.encode()).u8(0).toByteArray();
        assertThatThrownBy(() -> WithdrawArgs.decode(trailing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListingsQuery("G1", 0, 101)).hasMessageContaining("limit");
    }
}
