/**
 * The REST API of a node (Javalin): routes, JSON renderings, request signing for private chains, the
 * server-sent-events block stream and the OpenAPI description ({@code openapi.json} beside this class).
 */
package org.energychain.node.api;
