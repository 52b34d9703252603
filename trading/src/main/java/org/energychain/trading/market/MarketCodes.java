package org.energychain.trading.market;

import org.energychain.ledger.tx.ResultCode;

/**
 * The result codes the market contract records when it refuses a call (the ledger reserves codes
 * below 100). Each refusal a party can provoke has its own code, so a client can tell "try later"
 * (deadline not yet) from "you are not that party" or "this proof is forged" without parsing messages.
 */
public final class MarketCodes {
    /** Unknown method (never reaches the contract through admission; kept for completeness). */
    public static final int REJECTED = ResultCode.REJECTED;
    /** The arguments do not decode strictly or break a field rule; the message names the field. */
    public static final int MALFORMED = 101;
    /** The listing, trade or account addressed does not exist. */
    public static final int NOT_FOUND = 102;
    /** The sender is not the party this step belongs to (not the trade's buyer or seller). */
    public static final int WRONG_PARTY = 103;
    /** The trade is not in the state this step needs (e.g. reveal before receipt, accept twice, replay). */
    public static final int WRONG_STATE = 104;
    /** The step's deadline has passed; only {@code settle} can move the trade now. */
    public static final int DEADLINE_PASSED = 105;
    /** {@code settle} before the current step's deadline: nothing to settle yet. */
    public static final int DEADLINE_NOT_YET = 106;
    /** The balance does not cover the price or the withdrawal. */
    public static final int INSUFFICIENT_FUNDS = 107;
    /** The listing's version is not the one the buyer saw (it was updated since). */
    public static final int LISTING_CHANGED = 108;
    /** The listing's price is above the buyer's maximum. */
    public static final int PRICE_ABOVE_MAX = 109;
    /** Already done: a second open purchase of the same listing, a deposit or payout reference used twice. */
    public static final int DUPLICATE = 110;
    /** A dispute proof that is not in the delivered cipher root, or whose chunk decrypts to its claimed leaf. */
    public static final int FORGED_PROOF = 111;
    /** The revealed key does not open the key commitment. */
    public static final int KEY_MISMATCH = 112;
    /** The listing is withdrawn from the catalogue and cannot be bought. */
    public static final int LISTING_WITHDRAWN = 113;
    /** The buyer is the listing's seller. */
    public static final int OWN_LISTING = 114;
    /** A delivery addressed to another member than the trade's buyer. */
    public static final int WRONG_BUYER = 115;
    /** A delivery whose chunk count is not the listed dataset's. */
    public static final int WRONG_CHUNK_COUNT = 116;
    /** An amount that would overflow the supply. */
    public static final int OVERFLOW = 117;

    private MarketCodes() {
    }
}
