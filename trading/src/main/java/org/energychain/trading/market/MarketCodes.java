package org.energychain.trading.market;

import org.energychain.ledger.contract.CommonCodes;

/**
 * The result codes the market contract records when it refuses a call: the shared ones
 * ({@link CommonCodes}, 100-199) under the names the market uses, and its own, 400-499 (the one table of
 * all codes is in docs/ledger.md). A client can tell "try later" (deadline not yet) from "you are not
 * that party" or "this proof is forged" without parsing messages.
 */
public final class MarketCodes {
    /** Unknown method (never reaches the contract through admission; kept for completeness). */
    public static final int REJECTED = CommonCodes.UNKNOWN_METHOD;
    /** The arguments do not decode strictly or break a field rule; the message names the field. */
    public static final int MALFORMED = CommonCodes.MALFORMED;
    /** The listing, trade or account addressed does not exist. */
    public static final int NOT_FOUND = CommonCodes.NOT_FOUND;
    /** The sender is not the party this step belongs to (not the trade's buyer or seller). */
    public static final int WRONG_PARTY = CommonCodes.NOT_AUTHORISED;
    /** The step's deadline has passed; only {@code settle} can move the trade now. */
    public static final int DEADLINE_PASSED = CommonCodes.DEADLINE_PASSED;
    /** {@code settle} before the current step's deadline: nothing to settle yet. */
    public static final int DEADLINE_NOT_YET = CommonCodes.TOO_EARLY;
    /** Already done: a second open purchase of the same listing, a deposit or payout reference used twice. */
    public static final int DUPLICATE = CommonCodes.DUPLICATE;
    /** The trade is not in the state this step needs (e.g. reveal before receipt, accept twice, replay). */
    public static final int WRONG_STATE = 400;
    /** The balance does not cover the price or the withdrawal. */
    public static final int INSUFFICIENT_FUNDS = 401;
    /** The listing's version is not the one the buyer saw (it was updated since). */
    public static final int LISTING_CHANGED = 402;
    /** The listing's price is above the buyer's maximum. */
    public static final int PRICE_ABOVE_MAX = 403;
    /** A dispute proof that is not in the delivered cipher root, or whose chunk decrypts to its claimed leaf. */
    public static final int FORGED_PROOF = 404;
    /** The revealed key does not open the key commitment. */
    public static final int KEY_MISMATCH = 405;
    /** The listing is withdrawn from the catalogue and cannot be bought. */
    public static final int LISTING_WITHDRAWN = 406;
    /** The buyer is the listing's seller. */
    public static final int OWN_LISTING = 407;
    /** A delivery addressed to another member than the trade's buyer. */
    public static final int WRONG_BUYER = 408;
    /** A delivery whose chunk count is not the listed dataset's. */
    public static final int WRONG_CHUNK_COUNT = 409;
    /** An amount that would overflow the supply. */
    public static final int OVERFLOW = 410;

    private MarketCodes() {
    }
}
