package org.energychain.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.energychain.node.client.NodeClientException;

/** Runs a call against a node and maps its refusals to exit codes: 4xx bad input (2), anything else internal (3). */
final class Remote {
    private Remote() {
    }

    /** The hash function of a chain, from its status (the suite named in its genesis). */
    static org.energychain.crypto.HashFunction chainHash(org.energychain.node.client.NodeClient client, String chain) {
        return org.energychain.crypto.CryptoSuites.byName(client.status(chain).path("suite").asText()).hash();
    }

    static int run(PrintWriter err, String command, Callable<Integer> call) throws Exception {
        try {
            return call.call();
        } catch (NodeClientException e) {
            err.println("energychain " + command + ": " + (e.status() == 0 ? "" : "node answered " + e.status() + " ")
                    + e.code() + ": " + e.getMessage());
            err.flush();
            return e.status() >= 400 && e.status() < 500 ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
        }
    }
}
