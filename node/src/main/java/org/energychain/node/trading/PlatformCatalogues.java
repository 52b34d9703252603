package org.energychain.node.trading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.energychain.trading.directory.CatalogIndex;

/**
 * The catalogue indexes a platform node keeps, one per trading chain it serves the catalogue of, as the
 * catalogue's routes opened them. Shared through {@link org.energychain.node.Node#share} so that the web
 * console reads the same directory instead of building a second copy in memory (about 690 bytes a listing:
 * docs/performance.md).
 */
public final class PlatformCatalogues {
    private final Map<String, CatalogIndex> byChain = new LinkedHashMap<>();

    PlatformCatalogues(List<CatalogIndex> indexes) {
        indexes.forEach(i -> byChain.put(i.chainId(), i));
    }

    /** The index of chain {@code chainId}, if this node serves its catalogue. */
    public Optional<CatalogIndex> of(String chainId) {
        return Optional.ofNullable(byChain.get(chainId));
    }
}
