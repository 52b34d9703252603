/**
 * The REST API of a node (Javalin): routes, JSON renderings, request signing for private chains, the
 * server-sent-events block stream and the OpenAPI description: the node's own operations ({@code openapi.json}
 * beside this package) and each module's {@link org.energychain.node.api.OpenApiPart}.
 */
package org.energychain.node.api;
