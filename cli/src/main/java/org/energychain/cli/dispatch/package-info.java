/**
 * Commands for multi-source collaboration (paper III): offline dispatch plans and weights, the negotiation
 * on the dispatch chain, and the simulation at scale.
 */
package org.energychain.cli.dispatch;
