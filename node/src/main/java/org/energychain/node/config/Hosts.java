package org.energychain.node.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which listen hosts stay on this machine. Decided without a name look-up: {@code localhost} and IP
 * literals of the loopback range ({@code 127.0.0.0/8}, {@code ::1}) are loopback; every other name,
 * and the wildcard {@code 0.0.0.0}, counts as reachable from the network.
 */
public final class Hosts {
    private Hosts() {
    }

    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            return h.startsWith("127.") && java.util.Arrays.stream(h.split("\\.")).allMatch(o -> Integer.parseInt(o) < 256);
        }
        if (!h.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal (digits and dots, or a colon): no look-up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
