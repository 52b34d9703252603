package org.energychain.trading.directory;

import java.util.List;
import org.energychain.trading.catalog.ListingRecord;

/**
 * One page of a directory query: the entries in the query's order, how many listings match in all,
 * the token that continues after the last entry ({@code null} when there is nothing more), and the
 * block height the answer reflects, so a client can tell which chain state it saw.
 */
public record DirectoryPage(List<ListingRecord> entries, long total, String nextCursor, long height) {
    public DirectoryPage {
        entries = List.copyOf(entries);
    }
}
