package org.energychain.ledger.exec;

import java.util.concurrent.CompletableFuture;

/**
 * The answer to submitting a transaction: accepted into the mempool (the future completes with its
 * receipt once it is committed) or rejected with a reason.
 */
public record Submission(String txId, Rejection rejection, CompletableFuture<Receipt> receipt) {
    public boolean accepted() {
        return rejection == null;
    }
}
