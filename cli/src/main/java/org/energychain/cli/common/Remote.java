package org.energychain.cli.common;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.energychain.cli.Main;
import org.energychain.node.client.NodeClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call against a node and maps its refusals to exit codes: 4xx bad input (2), anything else internal
 * (3, its stack trace logged at ERROR like every internal error, see {@link Main}).
 */
public final class Remote {
    private static final Logger LOG = LoggerFactory.getLogger(Remote.class);

    private Remote() {
    }

    /** The hash function of a chain, from its status (the suite named in its genesis). */
    public static org.energychain.crypto.HashFunction chainHash(org.energychain.node.client.NodeClient client, String chain) {
        return org.energychain.crypto.CryptoSuites.byName(client.status(chain).path("suite").asText()).hash();
    }

    public static int run(PrintWriter err, String command, Callable<Integer> call) throws Exception {
        try {
            return call.call();
        } catch (NodeClientException e) {
            boolean badInput = e.status() >= 400 && e.status() < 500;
            if (!badInput) {
                LOG.error("energychain {}: the node call failed", command, e);
            }
            err.println("energychain " + command + ": " + (e.status() == 0 ? "" : "node answered " + e.status() + " ")
                    + e.code() + ": " + e.getMessage());
            err.flush();
            return badInput ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
        }
    }
}
