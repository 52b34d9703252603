package org.energychain.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.node.client.NodeClient;
import picocli.CommandLine.Option;

/**
 * Which node and chain a command talks to, and as whom: {@code --url}, {@code --chain}, and for
 * private chains (or signed transactions) {@code --member} with its private {@code --key} file; for a
 * node on HTTPS, the certificates to pin ({@code --tls-cert}).
 */
public final class RemoteOptions {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8645",
            description = "The node's REST API (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--chain", required = true, paramLabel = "ID", description = "Chain id.")
    String chain;

    @Option(names = "--member", paramLabel = "ID", description = "Member id to sign as (private chains, transactions).")
    String member;

    @Option(names = "--key", paramLabel = "FILE", description = "The member's private key file (PEM).")
    Path key;

    @Option(names = "--tls-cert", paramLabel = "FILE", defaultValue = "${env:" + ClientTls.ENV + "}",
            description = "For an https:// URL: trust exactly the node certificates in this PEM file (a node's tls.crt, "
                    + "a network's certificates.pem); default: $" + ClientTls.ENV + ".")
    Path tlsCert;

    @Option(names = "--wait-final", description = "Wait until the transaction's block is final (certified by more "
            + "than two thirds of the chain's validators), not only committed.")
    boolean waitFinal;

    /** Refuses early, naming the command, when a signed call lacks its signer. */
    void requireSigner(String what) {
        if (member == null || key == null) {
            throw new IllegalArgumentException(what + " needs --member and --key (it is a signed transaction)");
        }
    }

    /** A client, signing its requests when a member and key are given. */
    NodeClient client() throws IOException {
        NodeClient c = ClientTls.pin(new NodeClient(url), tlsCert);
        if (key == null && member == null) {
            return c;
        }
        if (key == null || member == null) {
            throw new IllegalArgumentException("--member and --key go together");
        }
        return c.signedAs(member, KeyFiles.readPrivateKey(key));
    }
}
