package org.energychain.trading.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.ledger.block.Block;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.catalog.Listings;
import org.energychain.trading.directory.DirectoryQuery.Sort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SummaryDirectoryTest {
    static final String[] ENERGY = {"solar", "wind"};
    static final String[] DATA = {"forecast", "generation-profile"};
    static final String[] REGION = {"North", "South"};
    static final String[] GROUP = {"G1", "G2"};
    static final String[] UNIT = {"U1", "U2"};

    private final CatalogBlocks blocks = new CatalogBlocks("trading");
    private final SummaryDirectory dir = SummaryDirectory.empty("trading");
    /** One listing per path and month (Jan, Feb): 64 listings, price by position. */
    private final List<ListingRecord> all = new ArrayList<>();

    @BeforeEach
    void fill() {
        int n = 0;
        for (String e : ENERGY) {
            for (String d : DATA) {
                for (String r : REGION) {
                    for (String g : GROUP) {
                        for (String u : UNIT) {
                            for (int m = 0; m < 2; m++) {
                                Instant from = m == 0 ? Listings.JAN : Listings.FEB;
                                Instant to = m == 0 ? Listings.FEB : Listings.MAR;
                                String id = "D1/" + e + "/" + d + "/" + r + "/" + g + "/" + u + "/" + m;
                                all.add(blocks.publish(Listings.listing(id, e, d, r, g, g + "-" + u,
                                        m == 0 ? "time-series" : "statistic", from, to, (n++ % 7) * 100L)));
                            }
                        }
                    }
                }
            }
            dir.apply(blocks.cut());
        }
    }

    private List<String> ids(DirectoryPage p) {
        return p.entries().stream().map(r -> r.listing().id()).toList();
    }

    private DirectoryPage q(Map<String, String> params) {
        return dir.query(DirectoryQuery.parse(params));
    }

    @Test
    void holdsEveryActiveListingAtTheHeightApplied() {
        assertThat(dir.size()).isEqualTo(64);
        assertThat(dir.height()).isEqualTo(2);
        assertThat(dir.get(all.get(5).listing().id())).contains(all.get(5));
        assertThat(dir.get("D1/none")).isEmpty();
        assertThat(q(Map.of("limit", "1000")).total()).isEqualTo(64);
        assertThat(q(Map.of()).height()).isEqualTo(2);
    }

    @Test
    void pathPrefixesAndWildcardsAtEveryLevel() {
        assertThat(q(Map.of("path", "wind")).total()).isEqualTo(32);
        assertThat(q(Map.of("path", "wind/forecast")).total()).isEqualTo(16);
        assertThat(q(Map.of("path", "wind/forecast/North")).total()).isEqualTo(8);
        assertThat(q(Map.of("path", "wind/forecast/North/G1")).total()).isEqualTo(4);
        assertThat(q(Map.of("path", "wind/forecast/North/G1/G1-U1")).total()).isEqualTo(2);
        assertThat(q(Map.of("path", "*")).total()).isEqualTo(64);
        assertThat(q(Map.of("path", "*/generation-profile/North")).total()).isEqualTo(16);
        assertThat(q(Map.of("path", "wind/*/*/G2")).total()).isEqualTo(16);
        assertThat(q(Map.of("path", "*/*/*/*/G2-U1")).total()).isEqualTo(16);
        assertThat(q(Map.of("path", "*/*/South/*/G1-U2")).total()).isEqualTo(8);
        assertThat(q(Map.of("path", "*/*/*/G1/G2-U1")).total()).isZero();
        assertThat(q(Map.of("path", "hydro")).entries()).isEmpty();
        DirectoryPage p = q(Map.of("path", "*/generation-profile/North", "limit", "100"));
        assertThat(p.entries()).allSatisfy(r -> {
            assertThat(r.listing().dataType()).isEqualTo("generation-profile");
            assertThat(r.listing().region()).isEqualTo("North");
        });
    }

    @Test
    void timeWindowsSelectOverlappingRangesWithExclusiveEnds() {
        Instant febMinus = Listings.FEB.minusMillis(1);
        assertThat(q(Map.of("from", Listings.FEB.toString())).total()).isEqualTo(32);
        assertThat(q(Map.of("from", febMinus.toString())).total()).isEqualTo(64);
        assertThat(q(Map.of("to", Listings.FEB.toString())).total()).isEqualTo(32);
        assertThat(q(Map.of("to", Listings.FEB.plusMillis(1).toString())).total()).isEqualTo(64);
        assertThat(q(Map.of("from", Listings.MAR.toString())).total()).isZero();
        assertThat(q(Map.of("to", Listings.JAN.toString())).total()).isZero();
        assertThat(q(Map.of("from", "2026-01-10T00:00:00Z", "to", "2026-01-11T00:00:00Z", "path", "wind")).total())
                .isEqualTo(16);
        assertThat(q(Map.of("from", "2026-01-10T00:00:00Z", "to", "2026-01-11T00:00:00Z", "sort", "from", "limit", "3"))
                .entries()).allSatisfy(r -> assertThat(r.listing().from()).isEqualTo(Listings.JAN));
    }

    @Test
    void pricesAreInclusiveBoundsAndMathTypeFilters() {
        long expected = all.stream().filter(r -> r.listing().price() >= 100 && r.listing().price() <= 300).count();
        assertThat(q(Map.of("minPrice", "100", "maxPrice", "300")).total()).isEqualTo(expected);
        assertThat(q(Map.of("minPrice", "600")).total())
                .isEqualTo(all.stream().filter(r -> r.listing().price() == 600).count());
        assertThat(q(Map.of("mathType", "statistic")).total()).isEqualTo(32);
        assertThat(q(Map.of("mathType", "statistic", "path", "wind", "maxPrice", "0")).entries())
                .allSatisfy(r -> assertThat(r.listing().price()).isZero());
    }

    @Test
    void sortsOrderByKeyThenIdAndDescendingIsTheExactReverse() {
        List<String> asc = ids(q(Map.of("sort", "price", "limit", "1000")));
        List<String> desc = new ArrayList<>(ids(q(Map.of("sort", "-price", "limit", "1000"))));
        assertThat(asc).hasSize(64);
        java.util.Collections.reverse(desc);
        assertThat(desc).isEqualTo(asc);
        assertThat(asc).isEqualTo(BruteForce.all(DirectoryQuery.builder().sort(Sort.PRICE).build(), all).stream()
                .map(r -> r.listing().id()).toList());
        List<String> byId = ids(q(Map.of("limit", "1000")));
        assertThat(byId).isSorted();
        List<ListingRecord> byFrom = q(Map.of("sort", "-from", "limit", "5")).entries();
        assertThat(byFrom).allSatisfy(r -> assertThat(r.listing().from()).isEqualTo(Listings.FEB));
    }

    @Test
    void pagesFollowCursorsWithoutRepeatsOrGapsWhileBlocksArrive() {
        for (Sort sort : Sort.values()) {
            Set<String> seen = new HashSet<>();
            List<String> original = dir.query(DirectoryQuery.builder().sort(sort).limit(1000).build()).entries()
                    .stream().map(r -> r.listing().id()).toList();
            DirectoryQuery query = DirectoryQuery.builder().sort(sort).limit(7).build();
            DirectoryPage page = dir.query(query);
            int round = 0;
            while (true) {
                for (String id : ids(page)) {
                    assertThat(seen.add(id)).as("%s seen twice sorted by %s", id, sort.param()).isTrue();
                }
                if (page.nextCursor() == null) {
                    break;
                }
                // new listings at both ends of every order arrive between pages
                blocks.publish(Listings.listing("D9/" + sort + "/lo" + round, "wind", "forecast", "North", "G1", "G1-U1",
                        Listings.JAN.minus(400, ChronoUnit.DAYS), Listings.JAN, 0));
                blocks.publish(Listings.listing("D9/" + sort + "/hi" + round, "wind", "forecast", "North", "G1", "G1-U1",
                        Listings.MAR, Listings.MAR.plus(30, ChronoUnit.DAYS), 10_000));
                dir.apply(blocks.cut());
                round++;
                page = dir.query(query.after(page.nextCursor()));
            }
            assertThat(seen).containsAll(original);
        }
    }

    @Test
    void browseCountsChildrenMergedAcrossWildcards() {
        assertThat(dir.browse(List.of())).containsExactly(new DirectoryNode("solar", 32), new DirectoryNode("wind", 32));
        assertThat(dir.browse(List.of("*"))).containsExactly(new DirectoryNode("forecast", 32),
                new DirectoryNode("generation-profile", 32));
        assertThat(dir.browse(List.of("wind", "*", "*"))).containsExactly(new DirectoryNode("G1", 16),
                new DirectoryNode("G2", 16));
        assertThat(dir.browse(List.of("wind", "forecast", "North", "G1"))).containsExactly(
                new DirectoryNode("G1-U1", 2), new DirectoryNode("G1-U2", 2));
        assertThat(dir.browse(List.of("hydro"))).isEmpty();
        assertThatThrownBy(() -> dir.browse(List.of("a", "b", "c", "d", "e"))).hasMessageContaining("path");
        assertThatThrownBy(() -> dir.browse(List.of("a/b"))).hasMessageContaining("path segment 'a/b'");
    }

    @Test
    void anUpdateMovesTheEntryAndAWithdrawalRemovesIt() {
        ListingRecord first = all.get(0);
        Listing l = first.listing();
        Listing moved = Listings.listing(l.id(), "hydro", "forecast", "East", l.group(), l.group() + "-H1", l.from(),
                l.to(), 5);
        blocks.update(moved);
        dir.apply(blocks.cut());
        assertThat(dir.get(l.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(dir.get(l.id()).orElseThrow().listing()).isEqualTo(moved);
        assertThat(ids(q(Map.of("path", "hydro/forecast/East")))).containsExactly(l.id());
        assertThat(ids(q(Map.of("path", l.energyType() + "/" + l.dataType() + "/" + l.region() + "/" + l.group() + "/"
                + l.unit())))).doesNotContain(l.id());
        assertThat(dir.browse(List.of())).contains(new DirectoryNode("hydro", 1), new DirectoryNode("solar", 31));
        assertThat(dir.size()).isEqualTo(64);

        blocks.withdraw(l.id());
        dir.apply(blocks.cut());
        assertThat(dir.get(l.id())).isEmpty();
        assertThat(dir.size()).isEqualTo(63);
        assertThat(dir.browse(List.of())).extracting(DirectoryNode::name).containsExactly("solar", "wind");
        assertThat(q(Map.of("path", "hydro")).total()).isZero();
    }

    @Test
    void refusedAndForeignTransactionsAreIgnored() {
        blocks.refused(Listings.simple("D7/refused", "G1"));
        blocks.impostor(Listings.simple("D7/impostor", "G1"));
        dir.apply(blocks.cut());
        assertThat(dir.size()).isEqualTo(64);
        assertThat(dir.height()).isEqualTo(3);
    }

    @Test
    void blocksOutOfOrderOrOfAnotherChainAreRefused() {
        Block next = blocks.cut();
        Block after = blocks.cut();
        assertThatThrownBy(() -> dir.apply(after)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected block 3");
        assertThatThrownBy(() -> SummaryDirectory.empty("other").apply(next)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chain trading");
        dir.apply(next);
        assertThatThrownBy(() -> dir.apply(next)).isInstanceOf(IllegalStateException.class);
        assertThat(dir.height()).isEqualTo(3);
    }

    @Test
    void parseNamesTheBadParameter() {
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("colour", "red"))).hasMessageContaining("'colour'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("from", "yesterday"))).hasMessageContaining("from 'yesterday'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("to", "2026-01-01"))).hasMessageContaining("to '2026-01-01'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z")))
                .hasMessageContaining("from/to");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("minPrice", "cheap"))).hasMessageContaining("minPrice 'cheap'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("maxPrice", "-1"))).hasMessageContaining("maxPrice '-1'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("minPrice", "5", "maxPrice", "4")))
                .hasMessageContaining("minPrice/maxPrice");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("sort", "size"))).hasMessageContaining("sort 'size'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("limit", "0"))).hasMessageContaining("limit '0'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("limit", "1001"))).hasMessageContaining("limit '1001'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("path", "a/b/c/d/e/f"))).hasMessageContaining("path");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("path", "wind/w*"))).hasMessageContaining("'w*'");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("mathType", "a b"))).hasMessageContaining("mathType");
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("cursor", "!!"))).hasMessageContaining("cursor");
        String priceCursor = new DirectoryQuery.Cursor(Sort.PRICE, 5, "x").token();
        assertThatThrownBy(() -> DirectoryQuery.parse(Map.of("cursor", priceCursor))).hasMessageContaining("cursor");
        DirectoryQuery ok = DirectoryQuery.parse(Map.of("path", "wind/*/North/", "sort", "price", "cursor", priceCursor,
                "limit", "10", "from", "2026-01-01T00:00:00Z"));
        assertThat(ok.path()).containsExactly("wind", "*", "North");
        assertThat(ok.cursor()).isEqualTo(new DirectoryQuery.Cursor(Sort.PRICE, 5, "x"));
        assertThat(ok.limit()).isEqualTo(10);
        assertThat(DirectoryQuery.parse(Map.of()).limit()).isEqualTo(50);
    }
}
