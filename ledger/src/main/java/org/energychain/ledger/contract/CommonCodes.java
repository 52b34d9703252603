package org.energychain.ledger.contract;

import org.energychain.ledger.tx.ResultCode;

/**
 * The result codes every contract shares (100-199), so a client acts on "malformed", "not found" or
 * "not yours" the same way whichever contract refused. A contract's own refusals use its own hundred
 * (supervision 200, catalogue 300, market 400, negotiation 500); docs/ledger.md holds the one table of
 * them all. Codes are recorded in blocks and so hashed into the results root: a value never changes
 * meaning on a running chain.
 */
public final class CommonCodes {
    /** The method is not one the contract has (admission normally refuses these first). */
    public static final int UNKNOWN_METHOD = ResultCode.REJECTED;
    /** The arguments do not decode strictly or break a field rule; the message names the field. */
    public static final int MALFORMED = 101;
    /** The sender is not the member this call must come from (the record's seller, party, group, proposer). */
    public static final int NOT_AUTHORISED = 102;
    /** The record the call addresses does not exist. */
    public static final int NOT_FOUND = 103;
    /** The record is on chain already: usually a retry of a call that succeeded. */
    public static final int DUPLICATE = 104;
    /** The step's deadline has passed. */
    public static final int DEADLINE_PASSED = 105;
    /** The step's deadline has not come yet. */
    public static final int TOO_EARLY = 106;

    /** The first code of the shared range. */
    public static final int FIRST = 100;
    /** The last code of the shared range; contracts' own codes start above it. */
    public static final int LAST = 199;

    private CommonCodes() {
    }

    /** The refusal of a method the contract does not have. */
    public static ContractException unknownMethod(String contract, String method) {
        return new ContractException(UNKNOWN_METHOD, contract + " has no method " + method);
    }
}
