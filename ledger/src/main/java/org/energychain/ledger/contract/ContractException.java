package org.energychain.ledger.contract;

import org.energychain.ledger.tx.ResultCode;

/**
 * A contract's refusal of a call: a business outcome with a code (100 and above) recorded in the block,
 * as opposed to a fault of the node.
 */
public class ContractException extends Exception {
    private final int code;

    public ContractException(int code, String message) {
        super(message);
        if (code < ResultCode.REJECTED) {
            throw new IllegalArgumentException("contract result codes start at " + ResultCode.REJECTED);
        }
        this.code = code;
    }

    public ContractException(String message) {
        this(ResultCode.REJECTED, message);
    }

    public int code() {
        return code;
    }
}
