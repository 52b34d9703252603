package org.energychain.node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.energychain.ledger.Chain;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.exec.Admission;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.Genesis;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.order.Orderer;
import org.energychain.ledger.tx.Transaction;
import org.energychain.network.ReplicatedChain;
import org.energychain.network.SubmitRequest;

/**
 * A chain as a node runs it: the ledger {@link Chain}, its orderer and the member this node is on it.
 * Submissions go through here so that the node's metrics see them.
 */
public final class HostedChain {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HostedChain.class);
    /** How long a follower waits for the leader's answer before keeping a transaction for later. */
    private static final long FORWARD_TIMEOUT_MS = 3_000;
    private final Chain chain;
    private final Orderer orderer;
    private final String member;
    private final NodeMetrics metrics;
    private final Admission admission;
    private final ReplicatedChain replicated;
    /** The organisation's transaction key, when node.yaml gives it; null otherwise. */
    private final org.energychain.crypto.sign.PrivateKey memberKey;

    HostedChain(Chain chain, Orderer orderer, String member, NodeMetrics metrics, Admission admission,
            ReplicatedChain replicated, org.energychain.crypto.sign.PrivateKey memberKey) {
        this.chain = chain;
        this.memberKey = memberKey;
        this.replicated = replicated;
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

    /**
     * A transaction of this node's member signed with the organisation's key the node was given (its
     * {@code key} in node.yaml), exactly as the CLI signs one ({@link Transaction#sign}); empty when the node
     * holds no key of its organisation. For the console's writes, which act for the node's organisation only.
     */
    public java.util.Optional<Transaction> signAsMember(String contract, String method, byte[] args, long nonce) {
        if (memberKey == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Transaction.sign(id(), member, nonce, contract, method, args,
                genesis().cryptoSuite().signatures(), memberKey));
    }

    /**
     * {@code client} signing its requests as this node's member with the organisation's key the node was
     * given; empty when it holds none. For the console's fetch of a bought delivery from the seller's node,
     * which acts for the node's organisation only.
     */
    public java.util.Optional<org.energychain.node.client.NodeClient> signingAsMember(
            org.energychain.node.client.NodeClient client) {
        return memberKey == null ? java.util.Optional.empty() : java.util.Optional.of(client.signedAs(member, memberKey));
    }

    Orderer orderer() {
        return orderer;
    }

    /** The chain's replication in the consortium network; empty for a chain this node orders alone. */
    public Optional<ReplicatedChain> replicated() {
        return Optional.ofNullable(replicated);
    }

    /** Whether {@code caller} may run the query {@code contract.method}; empty when it may. */
    public Optional<Rejection> checkQuery(String contract, String method, Member caller) {
        return admission.checkCall(contract, method, caller, MethodSpec.Kind.QUERY);
    }

    /**
     * Submits a transaction; counts rejections and times admission to commit. On a replicated chain a
     * follower also hands it to the leader (keeping it, so that it is proposed if this node comes to lead)
     * and answers with the leader's refusal if the leader refuses it.
     */
    public Submission submit(Transaction tx) {
        Submission s = submitHere(tx);
        if (s.accepted() && replicated != null && !replicated.isLeader()) {
            s = forwarded(s, tx);
        }
        return s;
    }

    /**
     * Admits a transaction into this node's own mempool only (counted and timed as {@link #submit}); a
     * batch admits its transactions so and then {@link #handOver hands them over} together.
     */
    public Submission submitHere(Transaction tx) {
        long start = System.nanoTime();
        Submission s = chain.submit(tx);
        if (s.accepted()) {
            var unused = s.receipt().whenComplete((r, e) -> { // the caller has the receipt; this only measures
                if (e == null) {
                    metrics.commitLatency(id(), System.nanoTime() - start);
                }
            });
        } else {
            metrics.rejected(id(), s.rejection().reason().name());
        }
        return s;
    }

    /**
     * On a follower of a replicated chain, hands the transactions this node admitted ({@code admitted[i]}
     * for {@code txs[i]}) to the leader in one request per {@link SubmitRequest#MAX}, and answers each with
     * the leader's refusal where the leader refuses it (a batch of 200 is one round trip, not 200). Elsewhere
     * the submissions unchanged.
     */
    public Submission[] handOver(Transaction[] txs, Submission[] admitted) {
        if (replicated == null || replicated.isLeader()) {
            return admitted;
        }
        Submission[] out = admitted.clone();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < txs.length; i++) {
            if (admitted[i] != null && admitted[i].accepted()) {
                accepted.add(i);
            }
        }
        for (int from = 0; from < accepted.size(); from += SubmitRequest.MAX) {
            List<Integer> part = accepted.subList(from, Math.min(accepted.size(), from + SubmitRequest.MAX));
            List<Transaction> batch = new ArrayList<>(part.size());
            part.forEach(i -> batch.add(txs[i]));
            List<SubmitRequest.Answer> answers;
            try {
                answers = replicated.forward(batch);
            } catch (IOException | RuntimeException e) {
                // no leader now: the transactions wait here and are proposed by whichever node leads next
                LOG.debug("chain={} {} transactions not forwarded: {}", id(), batch.size(), e.getMessage());
                continue;
            }
            for (int k = 0; k < part.size() && k < answers.size(); k++) {
                int i = part.get(k);
                out[i] = withLeaderAnswer(admitted[i], answers.get(k));
            }
        }
        return out;
    }

    private Submission forwarded(Submission local, Transaction tx) {
        SubmitRequest.Answer a;
        try {
            a = replicated.forwardAsync(tx).get(FORWARD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return local;
        } catch (ExecutionException | TimeoutException e) {
            // no leader now: the transaction waits here and is proposed by whichever node leads next
            LOG.debug("chain={} tx {} not forwarded: {}", id(), local.txId(), e.getMessage());
            return local;
        }
        return withLeaderAnswer(local, a);
    }

    /**
     * The follower's answer once the leader answered: the leader's refusal where it refuses for good; the
     * transaction accepted here where the leader cannot take it yet (a nonce gap at the leader, whose
     * filler this follower holds and hands over again; a full pool; no state yet): it stays in this node's
     * pool and is handed over again until the leader takes it or this node leads.
     */
    private Submission withLeaderAnswer(Submission local, SubmitRequest.Answer a) {
        if (a.accepted() || a.reason().equals(Rejection.Reason.DUPLICATE.name())) {
            return local;
        }
        Rejection.Reason reason;
        try {
            reason = Rejection.Reason.valueOf(a.reason());
        } catch (IllegalArgumentException e) {
            reason = Rejection.Reason.UNAVAILABLE;
        }
        if (reason == Rejection.Reason.NONCE_GAP || reason == Rejection.Reason.MEMPOOL_FULL
                || reason == Rejection.Reason.UNAVAILABLE) {
            LOG.debug("chain={} tx {} kept here for now: the leader answered {}", id(), local.txId(), a.message());
            return local;
        }
        return new Submission(local.txId(), new Rejection(reason, "the chain's leader " + replicated.leader().orElse("?")
                + " refused it: " + a.message()), local.receipt());
    }
}
