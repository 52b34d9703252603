/**
 * Supply plans for the dispatch chain (paper III, issue 5): economic dispatch per interval.
 *
 * <p>A plan is the input to the weighted vote: every source must be able to check what it is asked to
 * produce, what that costs, how much CO2 it emits and what the load side pays. So plans are solved with a
 * real convex solver (ojAlgo's {@code ExpressionsBasedModel}) rather than a heuristic, and every plan
 * names the constraints that shaped it ({@link org.energychain.dispatch.plan.Binding}).
 *
 * <p>What is modelled: quadratic or piecewise-linear (convex) cost curves, unit limits, ramp limits between
 * intervals, per-interval availability of wind and solar, a clean-energy preference as a price per tonne
 * CO2 added to the objective, transmission losses by B coefficients, and an optional lossless DC network with line limits read from MATPOWER
 * case files ({@link org.energychain.dispatch.plan.MatpowerReader}). Not modelled: unit commitment (every
 * unit is on), losses on the DC network, phase shifters, reactive power.
 */
package org.energychain.dispatch.plan;
