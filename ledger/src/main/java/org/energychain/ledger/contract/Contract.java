package org.energychain.ledger.contract;

import java.util.Map;

/**
 * A deterministic smart contract: stateless Java, all state through the context, only block time, no
 * I/O. Methods are declared up front ({@link #methods()}) so the runtime can refuse an unknown or
 * unauthorised call before it reaches a block. A business refusal is a {@link ContractException}, whose
 * code is recorded; any other exception is recorded as a contract fault. Either way the transaction's
 * writes are discarded.
 */
public interface Contract {
    /** The contract's name as transactions address it, e.g. {@code period-anchor}. */
    String name();

    /** Method name to its kind and allowed roles. */
    Map<String, MethodSpec> methods();

    void submit(TxContext ctx, String method, byte[] args) throws ContractException;

    byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException;
}
