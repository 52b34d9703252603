/** The Java client of a node's REST API, used by the CLI; signs requests for private chains. */
package org.energychain.node.client;
