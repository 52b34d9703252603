package org.energychain.dispatch.plan;

/**
 * No plan can serve the demand; the message names the constraint that makes it impossible (e.g. "interval
 * 0: demand 1500 MW exceeds total capacity 1200 MW"), so the load side knows what to change.
 */
public final class InfeasibleDispatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InfeasibleDispatchException(String message) {
        super(message);
    }
}
