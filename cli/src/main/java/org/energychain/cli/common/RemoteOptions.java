package org.energychain.cli.common;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energychain.crypto.sign.KeyFiles;
import org.energychain.node.client.NodeClient;
import picocli.CommandLine.Option;

/**
 * Which nodes and chain a command talks to, and as whom: {@code --url} (one or several nodes of the
 * network, tried in order; default from {@code ENERGYCHAIN_URLS}), {@code --chain}, and for private
 * chains (or signed transactions) {@code --member} with its private {@code --key} file; for nodes on
 * HTTPS, the certificates to pin ({@code --tls-cert}).
 */
public final class RemoteOptions {
    /** Comma-separated node addresses used when no {@code --url} is given. */
    public static final String URLS_ENV = "ENERGYCHAIN_URLS";
    public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8645");

    @Option(names = "--url", paramLabel = "URL", split = ",",
            description = "A node's REST API. Repeat it, or separate by commas, for several nodes of the network: "
                    + "a request goes to the next when a node is unreachable, failing (5xx) or not the leader "
                    + "(default: $" + URLS_ENV + ", comma-separated, else http://127.0.0.1:8645).")
    List<String> urls;

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

    /** The chain id ({@code --chain}). */
    public String chain() {
        return chain;
    }

    /** The member to sign as ({@code --member}), or null. */
    public String member() {
        return member;
    }

    /** The member's private key file ({@code --key}), or null. */
    public Path key() {
        return key;
    }

    /** The node certificates to pin for HTTPS ({@code --tls-cert}), or null. */
    public Path tlsCert() {
        return tlsCert;
    }

    /** Whether to wait until a transaction's block is final ({@code --wait-final}). */
    public boolean waitFinal() {
        return waitFinal;
    }

    /** The node addresses, in the order they are tried: {@code --url}, else {@code ENERGYCHAIN_URLS}, else the default. */
    public List<URI> urls() {
        return urls(urls, System.getenv());
    }

    /** The first node address (where a default delivery endpoint points, for instance). */
    public URI url() {
        return urls().get(0);
    }

    public static List<URI> urls(List<String> given, Map<String, String> env) {
        if (given != null && !given.isEmpty()) {
            return parse(given, "--url");
        }
        String fromEnv = env.get(URLS_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return parse(List.of(fromEnv.split(",")), URLS_ENV);
        }
        return List.of(DEFAULT_URL);
    }

    private static List<URI> parse(List<String> values, String source) {
        List<URI> out = new ArrayList<>();
        for (String v : values) {
            String s = v.trim().replaceAll("/+$", "");
            if (s.isEmpty()) {
                throw new IllegalArgumentException(source + ": an empty node address in '" + String.join(",", values) + "'");
            }
            URI u;
            try {
                u = new URI(s);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(source + ": not a URL: '" + s + "' (" + e.getReason() + ")");
            }
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException(source + ": not a node address (http(s)://HOST[:PORT]): '" + s + "'");
            }
            out.add(u);
        }
        return out;
    }

    /** Refuses early, naming the command, when a signed call lacks its signer. */
    public void requireSigner(String what) {
        if (member == null || key == null) {
            throw new IllegalArgumentException(what + " needs --member and --key (it is a signed transaction)");
        }
    }

    /** A client of the nodes, signing its requests when a member and key are given. */
    public NodeClient client() throws IOException {
        NodeClient c = ClientTls.pin(new NodeClient(urls()), tlsCert);
        if (key == null && member == null) {
            return c;
        }
        if (key == null || member == null) {
            throw new IllegalArgumentException("--member and --key go together");
        }
        return c.signedAs(member, KeyFiles.readPrivateKey(key));
    }
}
