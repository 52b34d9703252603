package org.energychain.ledger.tx;

/**
 * The result of a transaction, recorded in its block. Codes below 100 are the runtime's; contracts use
 * 100 and above for their own business failures ({@code ContractException}): 100-199 shared by all
 * contracts ({@code CommonCodes}), each contract module's own codes in a hundred above (docs/ledger.md).
 */
public final class ResultCode {
    public static final int OK = 0;
    /** The contract threw something other than a ContractException: a bug, recorded, state unchanged. */
    public static final int CONTRACT_FAULT = 1;
    /** A refusal without a more specific code: contracts give it to a method they do not have ({@code CommonCodes.UNKNOWN_METHOD}). */
    public static final int REJECTED = 100;

    private ResultCode() {
    }
}
