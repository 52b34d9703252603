package org.energychain.dispatch.negotiation;

/** Result codes of the negotiation contract's refusals (100 and above, see docs/dispatch.md). */
public final class NegotiationCodes {
    /** Malformed arguments or unknown method. */
    public static final int MALFORMED = 100;
    /** Well-formed but invalid: profile, rounds, sources, configuration. */
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
    /** A plan of the wrong shape (interval count, duplicate rows, prices) or that does not cover the demand. */
    public static final int BAD_PLAN = 108;
    /** A vote before the round has a proposal. */
    public static final int NO_PROPOSAL = 109;
    /** A named source has not published a policy. */
    public static final int NO_POLICY = 110;
    /** A plan that breaks a source's published limit: output outside {0} ∪ [min, max], or a ramp. */
    public static final int LIMIT = 111;
    /** The round's deadline has passed: no more proposals or votes, only close-round. */
    public static final int DEADLINE_PASSED = 112;
    /** close-round before the round's deadline. */
    public static final int TOO_EARLY = 113;
    /** A plan whose DC flows overload a line of the published grid in some interval (line and interval named). */
    public static final int LINE_OVERLOAD = 114;
    /** A plan in which a source runs that has no bus in the published grid. */
    public static final int NOT_ON_GRID = 115;

    private NegotiationCodes() {
    }
}
