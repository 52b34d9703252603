package org.energychain.node.genesis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;

/**
 * Picks a free TCP port for a node of a network written on this machine, below Linux's ephemeral range
 * (32768 and up): a port the kernel hands out for outgoing connections can be taken by another process's
 * connection between the moment it is picked and the moment the node binds it.
 */
public final class FreePorts {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private FreePorts() {
    }

    /** A port that was free on the loopback when picked. */
    public static int pick() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST + RANDOM.nextInt(LAST - FIRST);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
