/**
 * The paper's voting weight V_k = f(W, R, S, M) (paper III, equation 3): the factors of a source as
 * integers, the coefficients and the cap on any single weight (at most 50 %), and the weight function computed in exact fractions so
 * that every node derives the same weights from the chain. See docs/dispatch.md.
 */
package org.energychain.dispatch.weight;
