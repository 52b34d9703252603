/**
 * Configuration files of a node: the YAML reader whose errors name file and field ({@link
 * org.energychain.node.config.ConfigNode}) and the node configuration ({@link
 * org.energychain.node.config.NodeConfig}), with its REST API options (HTTPS, and plain HTTP only on
 * loopback: {@link org.energychain.node.config.Hosts}) and the replication endpoint of a consortium node.
 */
package org.energychain.node.config;
