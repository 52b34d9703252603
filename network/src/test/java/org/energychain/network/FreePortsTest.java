package org.energychain.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTest {
    /** Linux's first ephemeral port (net.ipv4.ip_local_port_range): outgoing connections take ports from here up. */
    private static final int EPHEMERAL = 32_768;

    @TempDir
    Path dir;

    @Test
    void aPickedPortIsBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        int port = FreePorts.pick();
        assertThat(port).isBetween(FreePorts.FIRST, FreePorts.END - 1).isLessThan(EPHEMERAL);
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void thisJvmIsNeverHandedTheSamePortTwice() throws Exception {
        // 500 random picks of 12,000 ports would repeat one about ten times over, were picks not remembered
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(seen.add(FreePorts.pick())).as("pick %d repeats a port", i).isTrue();
        }
    }

    @Test
    void theNodesOfAnInProcessNetworkListenBelowTheEphemeralRange() throws Exception {
        try (LocalNetwork net = new LocalNetwork(dir, 4, 1, false, false)) {
            assertThat(java.util.Arrays.stream(net.ports).boxed().toList()).hasSize(5)
                    .allSatisfy(p -> assertThat(p).isBetween(FreePorts.FIRST, FreePorts.END - 1));
            assertThat(net.genesis.nodes()).allSatisfy(n -> assertThat(Integer.parseInt(n.address()
                    .substring(n.address().lastIndexOf(':') + 1))).isLessThan(EPHEMERAL));
        }
    }
}
