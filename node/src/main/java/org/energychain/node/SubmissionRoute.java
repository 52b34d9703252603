package org.energychain.node;

import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.Transaction;

/**
 * Where a transaction that a client submitted to this node's API goes to be admitted. Today every node
 * orders its chains alone and admits locally ({@link #LOCAL}); a follower of a replicated chain will
 * instead hand the transaction to the chain's leader, which is why the API's submission endpoints call
 * this seam rather than {@link HostedChain#submit} directly.
 *
 * <p>Called from several threads at once (the batch endpoint admits different senders' transactions in
 * parallel, one sender's in order); must not throw for bad input: a refusal is a {@link Submission} with
 * its rejection, whose receipt future completes once the transaction is committed.
 */
@FunctionalInterface
public interface SubmissionRoute {
    /** Admits into this node's own mempool: {@link HostedChain#submit}. */
    SubmissionRoute LOCAL = HostedChain::submit;

    Submission submit(HostedChain chain, Transaction tx);
}
