package org.energychain.network;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks a free TCP port for a node of a network on this machine (the processes of a local network, the
 * nodes of an in-process test network), below Linux's ephemeral range (32768 and up): a port the kernel
 * hands out for outgoing connections can be taken by another connection between the moment it is picked
 * and the moment the node binds it. A port is handed out at most once per JVM, so the nodes of one
 * network never share one.
 */
public final class FreePorts {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The lowest port picked. */
    public static final int FIRST = 20_000;
    /** Ports are below this one, itself below Linux's ephemeral range. */
    public static final int END = 32_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port that was free on the loopback when picked and that this JVM has not picked before. */
    public static int pick() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = FIRST + RANDOM.nextInt(END - FIRST);
            if (claim(port) && free(port)) {
                return port;
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static synchronized boolean claim(int port) {
        return HANDED_OUT.add(port);
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.isBound();
        } catch (IOException taken) {
            return false;
        }
    }
}
