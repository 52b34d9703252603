package org.energychain.supervision.contract;

import org.energychain.ledger.tx.ResultCode;

/**
 * The result codes the supervision contracts record in a block when they refuse a call (the ledger
 * reserves codes below 100). Clients act on the code, people read the message: a malformed argument is
 * fixed by the caller, a duplicate is usually a retry that already succeeded, not-found names a key
 * that does not exist.
 */
public final class ContractCodes {
    /** Unknown method (never reaches a contract through admission; kept for completeness). */
    public static final int REJECTED = ResultCode.REJECTED;
    /** The arguments do not decode strictly or break a field rule; the message names the field. */
    public static final int MALFORMED = 101;
    /** The sender may not act for the group named in the arguments (sender id must equal group id). */
    public static final int NOT_YOUR_GROUP = 102;
    /** The same anchor, filing or destruction record is already on chain. */
    public static final int DUPLICATE = 103;
    /** The anchor or filing addressed does not exist. */
    public static final int NOT_FOUND = 104;
    /** The filing has been acknowledged already. */
    public static final int ALREADY_ACKNOWLEDGED = 105;
    /** Hash_G is not the group-tree root over the listed plant roots. */
    public static final int INCONSISTENT = 106;

    private ContractCodes() {
    }
}
