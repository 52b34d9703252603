package org.energychain.trading.catalog;

import org.energychain.ledger.tx.ResultCode;

/**
 * The result codes the catalogue contract records when it refuses a call (the ledger reserves codes
 * below 100). Each code has one meaning so a client can act on it without parsing the message: a
 * malformed listing is fixed by the seller, a duplicate is usually a retried publish that already
 * succeeded, not-seller and wrong-group are authorisation mistakes.
 */
public final class CatalogCodes {
    /** Unknown method (admission refuses these before they reach the contract). */
    public static final int REJECTED = ResultCode.REJECTED;
    /** The arguments do not decode strictly or break a field rule (the Listing validation message says which). */
    public static final int MALFORMED = 101;
    /** A listing with this id already exists (active or withdrawn: ids are never reused). */
    public static final int DUPLICATE = 102;
    /** No listing with this id. */
    public static final int NOT_FOUND = 103;
    /** The sender is not the listing's seller. */
    public static final int NOT_SELLER = 104;
    /** The listing has been withdrawn; it can be neither updated nor withdrawn again. */
    public static final int WITHDRAWN = 105;
    /** The listing's group is not the sender: a group can only list data it holds itself. */
    public static final int WRONG_GROUP = 106;

    private CatalogCodes() {
    }
}
