/**
 * Commands for the chains and the network: keys, genesis files, running a node, local multi-process
 * networks, chain status and verification, raw transactions, the validators and the web console's password.
 */
package org.energychain.cli.chain;
