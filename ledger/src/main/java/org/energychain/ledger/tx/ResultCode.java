package org.energychain.ledger.tx;

/**
 * The result of a transaction, recorded in its block. Codes below 100 are the runtime's; contracts use
 * 100 and above for their own business failures ({@code ContractException}).
 */
public final class ResultCode {
    public static final int OK = 0;
    /** The contract threw something other than a ContractException: a bug, recorded, state unchanged. */
    public static final int CONTRACT_FAULT = 1;
    /** The contract refused the call (bad arguments, business rule); the message says why. */
    public static final int REJECTED = 100;

    private ResultCode() {
    }
}
