package org.energychain.node.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the open connections of one client address: a connection accepted beyond the limit is closed at
 * once, before Jetty reads a byte of it. Jetty's own {@code NetworkConnectionLimit} bounds the whole
 * server; this listener, on the same accept events, keeps one client from taking the whole of it (many
 * slow connections would otherwise hold every worker thread). Registered as a bean of the connector.
 */
final class PerAddressConnectionLimit implements SelectorManager.AcceptListener {
    private static final Logger LOG = LoggerFactory.getLogger(PerAddressConnectionLimit.class);

    private final int max;
    /** Open connections per address, and the address of each counted channel; guarded by this. */
    private final Map<InetAddress, Integer> open = new HashMap<>();
    private final Map<SelectableChannel, InetAddress> counted = new HashMap<>();
    private long refused;

    PerAddressConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        InetAddress address = remoteAddress(channel);
        if (address == null) {
            return;
        }
        boolean over;
        int n;
        synchronized (this) {
            n = open.merge(address, 1, Integer::sum);
            counted.put(channel, address);
            over = n > max;
            if (over) {
                release(channel);
                refused++;
            }
        }
        if (over) {
            LOG.debug("closing a connection from {}: it has {} open (at most {})", address, n - 1, max);
            IO.close(channel);
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        synchronized (this) {
            release(channel);
        }
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        synchronized (this) {
            release(channel);
        }
    }

    /** Connections closed for being over the limit, since the start. */
    synchronized long refused() {
        return refused;
    }

    private void release(SelectableChannel channel) {
        InetAddress address = counted.remove(channel);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    private static InetAddress remoteAddress(SelectableChannel channel) {
        if (!(channel instanceof SocketChannel socket)) {
            return null;
        }
        try {
            return socket.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
