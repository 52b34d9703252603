package org.energychain.trading.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;

/** The directory's specification as the slowest possible code: filter everything, sort everything. */
final class BruteForce {
    private BruteForce() {
    }

    static boolean matches(DirectoryQuery q, Listing l) {
        String[] levels = {l.energyType(), l.dataType(), l.region(), l.group(), l.unit()};
        for (int i = 0; i < q.path().size(); i++) {
            if (!q.path().get(i).equals("*") && !q.path().get(i).equals(levels[i])) {
                return false;
            }
        }
        if (q.from() != null && !l.to().isAfter(q.from())) {
            return false;
        }
        if (q.to() != null && !l.from().isBefore(q.to())) {
            return false;
        }
        if (q.mathType() != null && !q.mathType().equals(l.mathType())) {
            return false;
        }
        if (q.minPrice() != null && l.price() < q.minPrice()) {
            return false;
        }
        return q.maxPrice() == null || l.price() <= q.maxPrice();
    }

    static Comparator<ListingRecord> order(DirectoryQuery.Sort sort) {
        Comparator<ListingRecord> c = (a, b) -> sort.compare(sort.key(a.listing()), a.listing().id(),
                sort.key(b.listing()), b.listing().id());
        return c;
    }

    /** All matches of {@code q} (ignoring limit and cursor), in its order. */
    static List<ListingRecord> all(DirectoryQuery q, Collection<ListingRecord> active) {
        return active.stream().filter(r -> matches(q, r.listing())).sorted(order(q.sort())).toList();
    }
}
