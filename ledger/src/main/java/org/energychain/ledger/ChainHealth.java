package org.energychain.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a chain is taking and committing transactions, and if not, why and since when. A chain halts on
 * a storage failure (it never records one in a block) and resumes by itself once its store works again;
 * status, health and metrics report this so that a halt is never silent.
 */
public record ChainHealth(Status status, String reason, Instant since) {
    public enum Status {
        /** taking and committing transactions */
        OK,
        /** refusing submissions and not committing: its storage failed; retried until it works again */
        HALTED,
        /**
         * this node's execution differs from what more than two thirds of the validators certified: it stops
         * applying the chain and never serves its state as final; an operator must look (see the reason)
         */
        DIVERGED
    }

    public ChainHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        reason = reason == null ? "" : reason;
    }

    public static ChainHealth ok(Instant since) {
        return new ChainHealth(Status.OK, "", since);
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
