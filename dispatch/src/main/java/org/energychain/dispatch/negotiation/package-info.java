/**
 * The dispatch chain's negotiation (paper III, multi-source collaboration): sources publish acceptance
 * policies, the grid or load side posts a demand, a proposer plans each round (merit order, network-aware
 * or through economic dispatch), sources vote with weights computed on chain from W, R, S and M, and a
 * plan passes with more than half the weight or is re-planned. The contract, its arguments and records
 * with their canonical encodings, and the planners a proposer uses. See docs/dispatch.md.
 */
package org.energychain.dispatch.negotiation;
