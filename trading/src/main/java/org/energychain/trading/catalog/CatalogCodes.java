package org.energychain.trading.catalog;

import org.energychain.ledger.contract.CommonCodes;

/**
 * The result codes the catalogue contract records when it refuses a call: the shared ones
 * ({@link CommonCodes}, 100-199) under the names the catalogue uses, and its own, 300-399 (the one table
 * of all codes is in docs/ledger.md). A malformed listing is fixed by the seller, a duplicate is usually
 * a retried publish that already succeeded, not-seller and wrong-group are authorisation mistakes.
 */
public final class CatalogCodes {
    /** Unknown method (admission refuses these before they reach the contract). */
    public static final int REJECTED = CommonCodes.UNKNOWN_METHOD;
    /** The arguments do not decode strictly or break a field rule (the Listing validation message says which). */
    public static final int MALFORMED = CommonCodes.MALFORMED;
    /** A listing with this id already exists (active or withdrawn: ids are never reused). */
    public static final int DUPLICATE = CommonCodes.DUPLICATE;
    /** No listing with this id. */
    public static final int NOT_FOUND = CommonCodes.NOT_FOUND;
    /** The sender is not the listing's seller. */
    public static final int NOT_SELLER = CommonCodes.NOT_AUTHORISED;
    /** The listing's group is not the sender: a group can only list data it holds itself. */
    public static final int WRONG_GROUP = CommonCodes.NOT_AUTHORISED;
    /** The listing has been withdrawn; it can be neither updated nor withdrawn again. */
    public static final int WITHDRAWN = 300;

    private CatalogCodes() {
    }
}
