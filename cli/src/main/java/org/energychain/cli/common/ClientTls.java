package org.energychain.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.energychain.crypto.tls.PinnedTrust;
import org.energychain.crypto.tls.TlsFiles;
import org.energychain.node.client.NodeClient;

/**
 * The certificates a command pins for HTTPS ({@code --tls-cert FILE}, default {@code ENERGYCHAIN_TLS_CERT}):
 * a PEM file with one node's certificate ({@code tls.crt}) or several (a network's {@code certificates.pem}).
 */
public final class ClientTls {
    /** The environment variable naming the default certificate file. */
    public static final String ENV = "ENERGYCHAIN_TLS_CERT";

    private ClientTls() {
    }

    /** {@code client} trusting exactly the certificates of {@code file}; unchanged when {@code file} is null. */
    public static NodeClient pin(NodeClient client, Path file) throws IOException {
        if (file == null) {
            return client;
        }
        try {
            return client.trusting(PinnedTrust.of(TlsFiles.readCertificates(file), Clock.systemUTC(), file.toString()));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--tls-cert: no such file " + file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tls-cert: " + e.getMessage(), e);
        }
    }
}
