package org.energychain.cli.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.crypto.Hex;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.crypto.sign.PrivateKey;
import org.energychain.crypto.sign.SignatureSchemes;
import org.energychain.ledger.tx.Transaction;
import org.energychain.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code energychain tx}: signed transactions. */
@Command(name = "tx", mixinStandardHelpOptions = true, description = "Submit signed transactions.",
        subcommands = {TxCommand.Submit.class})
public final class TxCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tx submit}. */
    @Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Sign a contract call as --member with --key, submit it and wait for its receipt.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:committed with result code 0 (or admitted, with --no-wait)",
                "1:committed, but the contract refused it (result code printed)",
                "2:refused by the node (reason printed) or bad input", "3:node unreachable, no receipt in time, or failed"})
    static final class Submit extends RemoteCommand {


        @Option(names = "--contract", required = true, paramLabel = "NAME", description = "Contract name.")
        String contract;

        @Option(names = "--method", required = true, paramLabel = "NAME", description = "Submit method.")
        String method;

        @Option(names = "--args-hex", defaultValue = "", paramLabel = "HEX",
                description = "The method's canonical arguments, hex (default: none).")
        String argsHex;

        @Option(names = "--nonce", paramLabel = "N", description = "Nonce (default: the next one in committed state).")
        Long nonce;

        @Option(names = "--no-wait", description = "Return once admitted, without waiting for the receipt.")
        boolean noWait;

        @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
                description = "How long to wait for the receipt (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;


        @Override
        protected Integer work() throws Exception {
            if (remote.member() == null || remote.key() == null) {
                throw new IllegalArgumentException("tx submit needs --member and --key (the transaction is signed)");
            }
            byte[] args;
            try {
                args = Hex.decode(argsHex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--args-hex: " + e.getMessage());
            }
            PrivateKey key = KeyFiles.readPrivateKey(remote.key());
            PrintWriter w = spec.commandLine().getOut();
            NodeClient c = remote.client();
            long n = nonce != null ? nonce : c.nextNonce(remote.chain(), remote.member());
            Transaction tx = Transaction.sign(remote.chain(), remote.member(), n, contract, method, args,
                    SignatureSchemes.byName(key.scheme()), key);
            NodeClient.SubmitResult s = c.submit(remote.chain(), tx, false);
            ObjectNode out = Json.MAPPER.createObjectNode().put("txId", s.txId()).put("nonce", n);
            if (noWait) {
                out.put("status", s.status());
                print(w, out, "admitted " + s.txId() + " (nonce " + n + ")");
                return ExitCodes.OK;
            }
            JsonNode receipt = c.awaitReceipt(remote.chain(), s.txId(), Duration.ofSeconds(timeoutSeconds));
            out.put("status", "committed").set("receipt", receipt);
            int code = receipt.at("/result/code").asInt();
            print(w, out, "committed " + s.txId() + " (nonce " + n + ") in block " + receipt.path("height").asLong()
                    + ": result " + code + (code == 0 ? " ok" : " " + receipt.at("/result/message").asText()));
            return code == 0 ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }

        private void print(PrintWriter w, ObjectNode json, String text) {
            if (this.json) {
                Json.print(w, json);
            } else {
                w.println(text);
                w.flush();
            }
        }
    }
}
