/**
 * TLS between the nodes of a consortium and for their REST APIs, with certificates pinned in genesis
 * rather than issued by a certificate authority: a node's TLS key pair (ECDSA P-256, which every TLS
 * stack speaks; the chain's consensus key stays Ed25519 or SM2) and its self-signed certificate
 * ({@link org.energychain.crypto.tls.SelfSignedCertificates}), their PEM files
 * ({@link org.energychain.crypto.tls.TlsFiles}), a trust manager that accepts exactly the pinned
 * certificates ({@link org.energychain.crypto.tls.PinnedTrust}) and the SSL contexts built from them
 * ({@link org.energychain.crypto.tls.TlsContexts}).
 *
 * <p>Only {@code javax.net.ssl} and BouncyCastle's certificate builder: the replication transport
 * (gRPC) and the HTTP server take the key and trust managers made here.
 */
package org.energychain.crypto.tls;
