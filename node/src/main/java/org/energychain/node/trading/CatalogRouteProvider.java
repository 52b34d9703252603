package org.energychain.node.trading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.energychain.node.HostedChain;
import org.energychain.node.Node;
import org.energychain.node.api.NodeRoutes;
import org.energychain.node.api.RouteProvider;
import org.energychain.trading.directory.CatalogIndex;

/**
 * Opens the platform's catalogue of every chain of the node that it {@link CatalogIndex#serves} (snapshots
 * under {@code <data dir>/catalog/<chain>.directory}; in memory only without a data directory), serves it
 * through {@link CatalogRoutes} and shares it with the node's other providers ({@link PlatformCatalogues}).
 */
public final class CatalogRouteProvider implements RouteProvider {
    @Override
    public NodeRoutes open(Node node, Path dataDir) {
        List<CatalogIndex> indexes = new ArrayList<>();
        try {
            for (HostedChain h : node.chains()) {
                if (CatalogIndex.serves(h.genesis(), h.member())) {
                    Path snapshot = dataDir == null ? null : dataDir.resolve("catalog").resolve(h.id() + ".directory");
                    indexes.add(CatalogIndex.open(h.chain(), snapshot));
                }
            }
        } catch (RuntimeException e) {
            indexes.forEach(CatalogIndex::close);
            throw e;
        }
        PlatformCatalogues shared = new PlatformCatalogues(indexes);
        node.share(PlatformCatalogues.class, shared);
        return new CatalogRoutes(indexes, () -> node.unshare(PlatformCatalogues.class, shared));
    }
}
