package org.energychain.cli.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureSchemes;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.client.NodeClient;
import org.energychain.node.client.NodeClientException;

/** Signs contract calls as the command's member, submits them, waits for the receipts and reports them. */
public final class SignedCalls {
    private SignedCalls() {
    }

    /** Exit 0 when committed with code 0, 1 when the contract refused it (code and message printed). */
    public static int submit(RemoteOptions remote, String contract, String method, byte[] args, PrintWriter out,
            boolean json, String what) throws Exception {
        remote.requireSigner(what);
        PrivateKey key = org.energychain.crypto.sign.KeyFiles.readPrivateKey(remote.key());
        NodeClient client = remote.client();
        long nonce = client.nextNonce(remote.chain(), remote.member());
        Transaction tx = Transaction.sign(remote.chain(), remote.member(), nonce, contract, method, args,
                SignatureSchemes.byName(key.scheme()), key);
        NodeClient.SubmitResult r = client.submit(remote.chain(), tx, true);
        JsonNode receipt = r.receipt() != null ? r.receipt()
                : client.awaitReceipt(remote.chain(), r.txId(), java.time.Duration.ofSeconds(30));
        int code = receipt.path("result").path("code").asInt(-1);
        if (remote.waitFinal()) {
            receipt = awaitFinal(client, remote.chain(), r.txId(), receipt);
        }
        if (json) {
            Json.print(out, receipt);
        } else if (code == 0) {
            out.printf("%s: committed in block %d of %s%s (tx %s)%n", what, receipt.path("height").asLong(), remote.chain(),
                    receipt.path("final").asBoolean(false) && remote.waitFinal() ? ", final" : "", r.txId());
        } else {
            out.printf("%s: refused by the contract, code %d: %s%n", what, code,
                    receipt.path("result").path("message").asText());
        }
        out.flush();
        return code == 0 ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
    }

    /** Polls the receipt until it says final (at most a minute); the last receipt seen. */
    public static JsonNode awaitFinal(NodeClient client, String chain, String txId, JsonNode receipt) throws InterruptedException {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        JsonNode r = receipt;
        while (!r.path("final").asBoolean(false)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("transaction " + txId + " is committed in block " + r.path("height")
                        .asLong() + " of " + chain + " but not final within a minute (are more than a third of the "
                        + "chain's validators down?)");
            }
            Thread.sleep(100);
            r = client.receipt(chain, txId).orElse(r);
        }
        return r;
    }

    /** What became of one of several submitted transactions. */
    public record Outcome(String txId, int code, String message, long height) {
        public boolean ok() {
            return code == 0;
        }
    }

    /**
     * Signs one transaction per argument with consecutive nonces, submits them in batches (one request
     * for up to 10,000) waiting for their receipts, then waits for any receipt still missing: many calls
     * in a few blocks instead of one block each.
     *
     * @throws NodeClientException naming the first transaction the node refused (the others were admitted)
     */
    public static List<Outcome> submitAll(RemoteOptions remote, String contract, String method, List<byte[]> argsList)
            throws Exception {
        remote.requireSigner(method);
        PrivateKey key = org.energychain.crypto.sign.KeyFiles.readPrivateKey(remote.key());
        NodeClient client = remote.client();
        long nonce = client.nextNonce(remote.chain(), remote.member());
        List<Transaction> txs = new ArrayList<>();
        for (byte[] args : argsList) {
            txs.add(Transaction.sign(remote.chain(), remote.member(), nonce++, contract, method, args,
                    SignatureSchemes.byName(key.scheme()), key));
        }
        List<NodeClient.BatchItem> items = client.submitBatch(remote.chain(), txs, true);
        for (NodeClient.BatchItem it : items) {
            if (!it.accepted()) {
                throw new NodeClientException(it.httpStatus(), it.error(), "transaction " + (it.index() + 1) + " of "
                        + items.size() + " (" + contract + "." + method + ") was refused: " + it.message(), it.txId());
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (NodeClient.BatchItem it : items) {
            JsonNode r = it.committed() ? it.receipt()
                    : client.awaitReceipt(remote.chain(), it.txId(), java.time.Duration.ofSeconds(60));
            out.add(new Outcome(it.txId(), r.path("result").path("code").asInt(-1),
                    r.path("result").path("message").asText(), r.path("height").asLong()));
        }
        return out;
    }
}
