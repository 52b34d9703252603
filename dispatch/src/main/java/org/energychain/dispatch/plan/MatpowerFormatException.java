package org.energychain.dispatch.plan;

/** A MATPOWER case file that cannot be used; the message starts with "file:line:" where known. */
public final class MatpowerFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MatpowerFormatException(String message) {
        super(message);
    }
}
