package org.energychain.node.api;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.energychain.crypto.tls.TlsContexts;
import org.energychain.crypto.tls.TlsCredentials;
import org.energychain.crypto.tls.TlsFiles;
import org.energychain.node.config.NodeConfig;

/**
 * The REST API's HTTPS connector: TLS with the node's key and certificate ({@code http.tls}), HTTP/1.1
 * inside. Clients pin the certificate rather than checking a name, so the server does not insist that the
 * name a client asked for (SNI) be in its certificate: a node reached by an address its certificate does
 * not list still answers, and the client's pin decides.
 */
final class HttpsConnector {
    private HttpsConnector() {
    }

    /** The server's SSL context from the key and certificate files. */
    static SSLContext context(NodeConfig.Tls tls) {
        TlsCredentials credentials;
        try {
            credentials = TlsFiles.readCredentials(tls.key(), tls.certificate());
        } catch (IOException e) {
            throw new IllegalArgumentException("http.tls: cannot read " + tls.key() + " or " + tls.certificate() + ": "
                    + e, e);
        }
        return TlsContexts.server(credentials);
    }

    static ServerConnector create(Server server, HttpConfiguration httpConfig, SSLContext context) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(context);
        httpConfig.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        return new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(httpConfig));
    }
}
