/**
 * Configuration files of a node: the YAML reader whose errors name file and field ({@link
 * org.energychain.node.config.ConfigNode}) and the node configuration ({@link
 * org.energychain.node.config.NodeConfig}).
 */
package org.energychain.node.config;
