package org.energychain.node;

import org.energychain.ledger.Chain;
import java.util.Optional;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.exec.Admission;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.order.Orderer;
import org.energychain.ledger.tx.Transaction;

/**
 * A chain as a node runs it: the ledger {@link Chain}, its orderer and the member this node is on it.
 * Submissions go through here so that the node's metrics see them.
 */
public final class HostedChain {
    private final Chain chain;
    private final Orderer orderer;
    private final String member;
    private final NodeMetrics metrics;
    private final Admission admission;

    HostedChain(Chain chain, Orderer orderer, String member, NodeMetrics metrics, Admission admission) {
        this.chain = chain;
        this.admission = admission;
        this.orderer = orderer;
        this.member = member;
        this.metrics = metrics;
    }

    public String id() {
        return chain.id();
    }

    public Chain chain() {
        return chain;
    }

    public Genesis genesis() {
        return chain.genesis();
    }

    /** The member id this node proposes blocks as. */
    public String member() {
        return member;
    }

    Orderer orderer() {
        return orderer;
    }

    /** Whether {@code caller} may run the query {@code contract.method}; empty when it may. */
    public Optional<Rejection> checkQuery(String contract, String method, Member caller) {
        return admission.checkCall(contract, method, caller, MethodSpec.Kind.QUERY);
    }

    /** Submits a transaction; counts rejections and times admission to commit. */
    public Submission submit(Transaction tx) {
        long start = System.nanoTime();
        Submission s = chain.submit(tx);
        if (s.accepted()) {
            s.receipt().whenComplete((r, e) -> {
                if (e == null) {
                    metrics.commitLatency(id(), System.nanoTime() - start);
                }
            });
        } else {
            metrics.rejected(id(), s.rejection().reason().name());
        }
        return s;
    }
}
