package org.energychain.dispatch.sim;

import org.energychain.dispatch.negotiation.SourcePolicy;

/** A simulated source: its member id, the policy it publishes and the social coefficient governance gives it. */
public record SimulatedSource(String id, SourcePolicy policy, long socialPpm) {
}
