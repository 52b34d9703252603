package org.energychain.trading.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.catalog.Listings;
import org.energychain.trading.directory.DirectoryQuery.Sort;
import org.energychain.trading.directory.DirectorySearch.Plan;

/**
 * The directory answers exactly what filtering and sorting every active listing would, whatever the
 * listings, changes and query, and whichever plan it uses. Values come from small pools so paths, times
 * and prices collide (ties, shared prefixes, boundaries).
 */
class DirectoryPropertyTest {
    static final String[][] LEVELS = {
            {"wind", "solar", "hydro"}, {"forecast", "profile"}, {"North", "South", "East"}, {"G1", "G2"}, {"U1", "U2", "U3"}};
    static final String[] MATH = {"time-series", "statistic"};
    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    static final long DAY = 86_400_000L;

    @Property(tries = 60)
    void queriesEqualFilterAndSort(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int listings) {
        Random rnd = new Random(seed);
        CatalogBlocks blocks = new CatalogBlocks("trading");
        SummaryDirectory dir = SummaryDirectory.empty("trading");
        Map<String, ListingRecord> active = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < listings; i++) {
            int op = rnd.nextInt(10);
            if (op < 7 || ids.isEmpty()) {
                String id = "D1/" + i;
                ids.add(id);
                ListingRecord r = blocks.publish(random(rnd, id));
                active.put(id, r);
            } else {
                String id = ids.get(rnd.nextInt(ids.size()));
                if (!active.containsKey(id)) {
                    continue;
                }
                if (op < 9) {
                    ListingRecord old = active.get(id);
                    Listing moved = random(rnd, id);
                    Listing own = Listings.listing(id, moved.energyType(), moved.dataType(), moved.region(),
                            old.listing().group(), moved.unit(), moved.mathType(), moved.from(), moved.to(), moved.price());
                    active.put(id, blocks.update(own));
                } else {
                    blocks.withdraw(id);
                    active.remove(id);
                }
            }
            if (rnd.nextInt(25) == 0) {
                dir.apply(blocks.cut());
            }
        }
        dir.apply(blocks.cut());
        assertThat(dir.size()).isEqualTo(active.size());
        for (int k = 0; k < 40; k++) {
            DirectoryQuery q = randomQuery(rnd);
            List<ListingRecord> expected = BruteForce.all(q, active.values());
            for (Plan plan : Plan.values()) {
                List<ListingRecord> got = new ArrayList<>();
                DirectoryPage page = dir.query(q, plan);
                assertThat(page.total()).as("total of %s (%s)", q, plan).isEqualTo(expected.size());
                got.addAll(page.entries());
                int pages = 1;
                while (page.nextCursor() != null) {
                    assertThat(page.entries()).hasSize(q.limit());
                    page = dir.query(q.after(page.nextCursor()), plan);
                    got.addAll(page.entries());
                    assertThat(pages++).isLessThan(1000);
                }
                assertThat(got).as("%s (%s)", q, plan).containsExactlyElementsOf(expected);
            }
        }
    }

    static Listing random(Random rnd, String id) {
        String g = pick(rnd, LEVELS[3]);
        Instant from = BASE.plusMillis(DAY * rnd.nextInt(90));
        Instant to = from.plusMillis(DAY * (1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 40)));
        return Listings.listing(id, pick(rnd, LEVELS[0]), pick(rnd, LEVELS[1]), pick(rnd, LEVELS[2]), g,
                g + "-" + pick(rnd, LEVELS[4]), pick(rnd, MATH), from, to, 100L * rnd.nextInt(8));
    }

    static DirectoryQuery randomQuery(Random rnd) {
        DirectoryQuery.Builder b = DirectoryQuery.builder();
        int depth = rnd.nextInt(6);
        List<String> path = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            if (rnd.nextInt(3) == 0) {
                path.add("*");
            } else if (i == 4) {
                path.add(pick(rnd, LEVELS[3]) + "-" + pick(rnd, LEVELS[4]));
            } else {
                path.add(pick(rnd, LEVELS[i]));
            }
        }
        b.path(path);
        if (rnd.nextInt(3) == 0) {
            Instant from = BASE.plusMillis(DAY * (rnd.nextInt(120) - 10));
            if (rnd.nextBoolean()) {
                b.from(from);
            }
            if (rnd.nextBoolean()) {
                b.to(from.plusMillis(DAY * (1 + rnd.nextInt(30))));
            }
        }
        if (rnd.nextInt(4) == 0) {
            b.mathType(pick(rnd, MATH));
        }
        if (rnd.nextInt(3) == 0) {
            long min = 100L * rnd.nextInt(8);
            if (rnd.nextBoolean()) {
                b.minPrice(min);
            }
            if (rnd.nextBoolean()) {
                b.maxPrice(min + 100L * rnd.nextInt(4));
            }
        }
        b.sort(Sort.values()[rnd.nextInt(Sort.values().length)]);
        b.limit(1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 60));
        return b.build();
    }

    static String pick(Random rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
