package org.energychain.dispatch.negotiation;

/** Result codes of the negotiation contract's refusals (100 and above, see docs/dispatch.md). */
public final class NegotiationCodes {
    /** Malformed arguments or unknown method. */
    public static final int MALFORMED = 100;
    /** Well-formed but invalid: weights, profile, rounds. */
    public static final int INVALID = 101;
    /** A second demand with the same id, a second proposal in a round, a second vote. */
    public static final int DUPLICATE = 102;
    public static final int NOT_FOUND = 103;
    /** The demand is closed (committed or failed). */
    public static final int CLOSED = 104;
    /** The call names another round than the open one. */
    public static final int WRONG_ROUND = 105;
    /** The sender is not the proposer of the round. */
    public static final int NOT_PROPOSER = 106;
    /** The sender (or a plan row) is not one of the demand's sources. */
    public static final int NOT_A_SOURCE = 107;
    /** A plan whose per-interval total differs from the demand, or with a negative output. */
    public static final int BAD_PLAN = 108;
    /** A vote before the round has a proposal. */
    public static final int NO_PROPOSAL = 109;

    private NegotiationCodes() {
    }
}
