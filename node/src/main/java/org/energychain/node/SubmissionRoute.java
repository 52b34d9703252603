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
    /**
     * Admits into this node's own mempool ({@link HostedChain#submit}); a batch is admitted here first and
     * then handed to the chain's leader in one request ({@link HostedChain#handOver}).
     */
    SubmissionRoute LOCAL = new SubmissionRoute() {
        @Override
        public Submission submit(HostedChain chain, Transaction tx) {
            return chain.submit(tx);
        }

        @Override
        public Submission admitOfBatch(HostedChain chain, Transaction tx) {
            return chain.submitHere(tx);
        }

        @Override
        public Submission[] handOver(HostedChain chain, Transaction[] txs, Submission[] admitted) {
            return chain.handOver(txs, admitted);
        }
    };

    Submission submit(HostedChain chain, Transaction tx);

    /** One transaction of a batch (each sender's in order); by default the whole of {@link #submit}. */
    default Submission admitOfBatch(HostedChain chain, Transaction tx) {
        return submit(chain, tx);
    }

    /** After {@link #admitOfBatch} of every transaction of a batch: what else the batch needs, together. */
    default Submission[] handOver(HostedChain chain, Transaction[] txs, Submission[] admitted) {
        return admitted;
    }
}
