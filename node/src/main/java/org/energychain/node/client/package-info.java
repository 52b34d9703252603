/**
 * The Java client of a node's REST API, used by the CLI: one or several node addresses with failover,
 * binary and batch submission, signed requests for private chains.
 */
package org.energychain.node.client;
