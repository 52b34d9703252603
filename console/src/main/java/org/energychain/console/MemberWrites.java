package org.energychain.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.energychain.crypto.Hex;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Nonces;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.genesis.Member;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.HostedChain;
import org.energychain.node.api.ApiError;
import org.energychain.node.api.JsonViews;

/**
 * The console's writes and reads as the node's organisation: a write is a transaction signed with the
 * organisation's key the node holds ({@link HostedChain#signAsMember}, the CLI's transaction format),
 * submitted through the node and awaited; a read is the contract query with the organisation as caller.
 * Writes of one chain go one at a time, so that each takes the next nonce.
 */
final class MemberWrites {
    private static final long WAIT_SECONDS = 15;

    private MemberWrites() {
    }

    /** Signs, submits and awaits {@code contract.method(args)}; the receipt as JSON (code 0: done). */
    static ObjectNode submit(HostedChain c, String contract, String method, byte[] args) {
        Receipt r;
        Transaction tx;
        synchronized (c) {
            long nonce = Nonces.next(c.chain().store(), c.member());
            tx = c.signAsMember(contract, method, args, nonce).orElseThrow(() -> new ApiError(409, "NO_KEY",
                    "this node holds no key of " + c.member() + " on chain " + c.id()
                            + " (key in node.yaml), so the console cannot sign for it"));
            Submission s = c.submit(tx);
            if (!s.accepted()) {
                throw new ApiError(409, s.rejection().reason().name(), "the node refused the transaction: "
                        + s.rejection().message());
            }
            try {
                r = s.receipt().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new ApiError(504, "NOT_COMMITTED_YET", "the transaction " + Hex.encode(tx.id(hash(c)))
                        + " was accepted but is not committed after " + WAIT_SECONDS + " s; look for it on the network"
                        + " page");
            } catch (ExecutionException e) {
                throw new ApiError(503, "UNAVAILABLE", "the transaction was not committed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(503, "UNAVAILABLE", "interrupted");
            }
        }
        return JsonViews.MAPPER.createObjectNode().put("txId", Hex.encode(tx.id(hash(c)))).put("height", r.height())
                .put("code", r.result().code()).put("ok", r.result().isOk()).put("message", r.result().message());
    }

    /** The query {@code contract.method(args)} with the node's organisation as caller. */
    static byte[] query(HostedChain c, String contract, String method, byte[] args) {
        Member me = c.genesis().member(c.member()).orElseThrow();
        try {
            return c.chain().query(contract, method, args, me);
        } catch (ContractException e) {
            throw new ApiError(422, "CONTRACT_REJECTED", String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new ApiError(403, "UNAUTHORISED", String.valueOf(e.getMessage()));
        }
    }

    private static org.energychain.crypto.HashFunction hash(HostedChain c) {
        return c.genesis().cryptoSuite().hash();
    }
}
