package org.energychain.dispatch.negotiation;

import org.energychain.ledger.contract.CommonCodes;

/**
 * Result codes of the negotiation contract's refusals: the shared ones ({@link CommonCodes}, 100-199)
 * under the names the negotiation uses, and its own, 500-599 (the one table of all codes is in
 * docs/ledger.md; the refusals are described in docs/dispatch.md).
 */
public final class NegotiationCodes {
    /** Malformed arguments. */
    public static final int MALFORMED = CommonCodes.MALFORMED;
    /** A method the contract does not have. */
    public static final int UNKNOWN_METHOD = CommonCodes.UNKNOWN_METHOD;
    /** A second demand with the same id, a second proposal in a round, a second vote. */
    public static final int DUPLICATE = CommonCodes.DUPLICATE;
    public static final int NOT_FOUND = CommonCodes.NOT_FOUND;
    /** The sender is not the proposer of the round. */
    public static final int NOT_PROPOSER = CommonCodes.NOT_AUTHORISED;
    /** The round's deadline has passed: no more proposals or votes, only close-round. */
    public static final int DEADLINE_PASSED = CommonCodes.DEADLINE_PASSED;
    /** close-round before the round's deadline. */
    public static final int TOO_EARLY = CommonCodes.TOO_EARLY;
    /** Well-formed but invalid: profile, rounds, sources, configuration. */
    public static final int INVALID = 500;
    /** The demand is closed (committed or failed). */
    public static final int CLOSED = 501;
    /** The call names another round than the open one. */
    public static final int WRONG_ROUND = 502;
    /** The sender (or a plan row) is not one of the demand's sources. */
    public static final int NOT_A_SOURCE = 503;
    /** A plan of the wrong shape (interval count, duplicate rows, prices) or that does not cover the demand. */
    public static final int BAD_PLAN = 504;
    /** A vote before the round has a proposal. */
    public static final int NO_PROPOSAL = 505;
    /** A named source has not published a policy. */
    public static final int NO_POLICY = 506;
    /** A plan that breaks a source's published limit: output outside {0} ∪ [min, max], or a ramp. */
    public static final int LIMIT = 507;
    /** A plan whose DC flows overload a line of the published grid in some interval (line and interval named). */
    public static final int LINE_OVERLOAD = 508;
    /** A plan in which a source runs that has no bus in the published grid. */
    public static final int NOT_ON_GRID = 509;

    private NegotiationCodes() {
    }
}
