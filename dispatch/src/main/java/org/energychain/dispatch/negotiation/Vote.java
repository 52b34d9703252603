package org.energychain.dispatch.negotiation;

/** A source's vote in a round, with the weight it carried. */
public record Vote(String voter, long ppm, boolean accept) {
    public Vote {
        Wire.id(voter, "voter");
    }
}
