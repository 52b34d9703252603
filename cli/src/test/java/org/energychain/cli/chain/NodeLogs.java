package org.energychain.cli.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Keeps the logs of a multi-process test's nodes under {@code target/network-logs/<test>/} (the nodes' own
 * directories are temporary), so that a failure on a CI machine can be read afterwards.
 */
final class NodeLogs {
    private NodeLogs() {
    }

    static void keep(String test, List<LocalNetworkProcesses.LocalNode> nodes) {
        Path to = Path.of("target", "network-logs", test);
        try {
            Files.createDirectories(to);
            for (LocalNetworkProcesses.LocalNode n : nodes) {
                Path log = n.dir().resolve("node.log");
                if (Files.exists(log)) {
                    Files.copy(log, to.resolve(n.id() + ".log"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("could not keep the node logs of " + test + ": " + e.getMessage());
        }
    }
}
