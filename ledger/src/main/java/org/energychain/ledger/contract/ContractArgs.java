package org.energychain.ledger.contract;

import java.util.function.Function;

/**
 * The one way a contract decodes a call's arguments: whatever the decoder cannot read (truncated,
 * trailing bytes, a count out of bounds, a field rule broken, no bytes at all) becomes a
 * {@link CommonCodes#MALFORMED} refusal naming the method, never an exception escaping the contract
 * (which the ledger would record as a contract fault).
 */
public final class ContractArgs {
    private ContractArgs() {
    }

    /** {@code decoder} applied to {@code args}, or a MALFORMED refusal saying why it could not be. */
    public static <T> T decode(String method, byte[] args, Function<byte[], ? extends T> decoder)
            throws ContractException {
        if (args == null) {
            throw new ContractException(CommonCodes.MALFORMED, method + ": malformed arguments: none given");
        }
        T value;
        try {
            value = decoder.apply(args);
        } catch (RuntimeException e) {
            throw new ContractException(CommonCodes.MALFORMED, method + ": malformed arguments: " + e.getMessage());
        }
        if (value == null) {
            throw new ContractException(CommonCodes.MALFORMED, method + ": malformed arguments: nothing decoded");
        }
        return value;
    }
}
