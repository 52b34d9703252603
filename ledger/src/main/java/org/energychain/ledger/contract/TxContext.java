package org.energychain.ledger.contract;

import java.util.Set;

/** What a contract sees while it executes a transaction: the read view plus who calls and where to write. */
public interface TxContext extends QueryContext {
    /** The transaction id (hex). */
    String txId();

    /** The member id of the signer (already authenticated and authorised for the method). */
    String sender();

    Set<String> senderRoles();

    void put(String key, byte[] value);

    void delete(String key);

    /** Announces an event; kept only if the transaction succeeds. */
    void emit(String type, byte[] data);
}
