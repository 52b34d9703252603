/**
 * Trading's routes on a node's REST API (docs/api.md, "Catalogue" and "Deliveries"): the adapters that
 * speak HTTP for the trading module's catalogue ({@link org.energychain.trading.directory.CatalogIndex}) and
 * peer-to-peer deliveries ({@link org.energychain.trading.market.SellerDeliveries}). They are
 * {@link org.energychain.node.api.RouteProvider}s found through {@code META-INF/services}, so the API
 * server itself names no domain.
 */
package org.energychain.node.trading;
