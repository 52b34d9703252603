package org.energychain.supervision.contract;

import org.energychain.ledger.contract.CommonCodes;

/**
 * The result codes the supervision contracts record in a block when they refuse a call: the shared
 * ones ({@link CommonCodes}, 100-199) under the names these contracts use, and their own, 200-299 (the
 * one table of all codes is in docs/ledger.md). Clients act on the code, people read the message: a
 * malformed argument is fixed by the caller, a duplicate is usually a retry that already succeeded,
 * not-found names a key that does not exist.
 */
public final class ContractCodes {
    /** Unknown method (never reaches a contract through admission; kept for completeness). */
    public static final int REJECTED = CommonCodes.UNKNOWN_METHOD;
    /** The arguments do not decode strictly or break a field rule; the message names the field. */
    public static final int MALFORMED = CommonCodes.MALFORMED;
    /** The sender may not act for the group named in the arguments (sender id must equal group id). */
    public static final int NOT_YOUR_GROUP = CommonCodes.NOT_AUTHORISED;
    /** The same anchor, filing or destruction record is already on chain. */
    public static final int DUPLICATE = CommonCodes.DUPLICATE;
    /** The anchor or filing addressed does not exist. */
    public static final int NOT_FOUND = CommonCodes.NOT_FOUND;
    /** The filing has been acknowledged already. */
    public static final int ALREADY_ACKNOWLEDGED = 200;
    /** Hash_G is not the group-tree root over the listed plant roots. */
    public static final int INCONSISTENT = 201;

    private ContractCodes() {
    }
}
