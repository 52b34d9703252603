/**
 * Whole negotiations run in one process on a real dispatch chain, with simulated sources and demand
 * profiles reproducible from a seed: what energychain dispatch simulate and the dispatch benchmark run,
 * beside a cost-only merit order for comparison.
 */
package org.energychain.dispatch.sim;
