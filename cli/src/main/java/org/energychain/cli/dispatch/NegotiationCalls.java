package org.energychain.cli.dispatch;

import java.io.IOException;
import java.math.BigDecimal;
import org.energychain.cli.common.RemoteOptions;
import org.energychain.dispatch.negotiation.DemandRef;
import org.energychain.dispatch.negotiation.DemandState;
import org.energychain.dispatch.negotiation.GridArgs;
import org.energychain.dispatch.negotiation.NegotiationContract;
import org.jspecify.annotations.Nullable;

/**
 * What the negotiation commands share (contract {@code dispatch-negotiation}, see docs/dispatch.md): the
 * demand and the grid as the chain holds them, prices given per MWh as whole milli-currency. The commands
 * ({@link NegotiationPosting}, {@link NegotiationRounds}, {@link NegotiationInspect}) sign as {@code --member}
 * with {@code --key} and wait for each receipt.
 */
final class NegotiationCalls {
    static final String CONTRACT = NegotiationContract.NAME;

    private NegotiationCalls() {
    }

    static DemandState demand(RemoteOptions remote, String id) throws IOException {
        return DemandState.decode(remote.client().query(remote.chain(), CONTRACT, NegotiationContract.DEMAND,
                DemandRef.of(id).encode()));
    }

    static long milli(BigDecimal perMwh, String option) {
        try {
            return perMwh.movePointRight(3).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(option + " " + perMwh + ": at most 3 decimals (milli-currency per MWh)");
        }
    }

    /** The grid published on the chain, or null if none. */
    static @Nullable GridArgs publishedGrid(RemoteOptions remote) throws IOException {
        try {
            return GridArgs.decode(remote.client().query(remote.chain(), CONTRACT,
                    NegotiationContract.GRID, new byte[0]));
        } catch (org.energychain.node.client.NodeClientException e) {
            if (e.status() == 422) {
                return null; // the contract's answer: no grid has been published
            }
            throw e;
        }
    }
}
