package org.energychain.dispatch.negotiation;

/** A participating source (a member id) and its voting weight in ppm. */
public record SourceWeight(String sourceId, long ppm) {
    public SourceWeight {
        Wire.id(sourceId, "source id");
    }
}
