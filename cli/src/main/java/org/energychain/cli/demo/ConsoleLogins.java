package org.energychain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Set;
import org.energychain.cli.chain.LocalNetworkProcesses;
import org.energychain.console.ConsolePassword;

/**
 * The demo network's web consoles: one operator password for the demo, made at random, kept in a file
 * readable by its owner only (never printed), and its slow hash in every node's node.yaml.
 */
final class ConsoleLogins {
    private ConsoleLogins() {
    }

    /** Writes the password file and the hash into each node's node.yaml; the password file. */
    static Path enable(Path net, Collection<LocalNetworkProcesses.LocalNode> nodes) throws IOException {
        SecureRandom rnd = new SecureRandom();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        Path file = net.resolve("console-password.txt");
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        Files.writeString(file, b + "\n", StandardCharsets.UTF_8);
        String section = "console:\n  password-hash: \"" + ConsolePassword.hash(b.toString()) + "\"\n";
        for (LocalNetworkProcesses.LocalNode n : nodes) {
            Files.writeString(n.dir().resolve("node.yaml"), section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        return file;
    }

    /** Each organisation's console address (the first node of each), and where the password is. */
    static void print(PrintWriter out, Collection<LocalNetworkProcesses.LocalNode> nodes, Path password) {
        out.println("   web consoles (password in " + password + "; the proof checker needs none):");
        java.util.Set<String> orgs = new java.util.HashSet<>();
        for (LocalNetworkProcesses.LocalNode n : nodes) {
            String org = n.id().contains("-") ? n.id().substring(0, n.id().lastIndexOf('-')) : n.id();
            if (orgs.add(org)) {
                out.printf("     %-6s %s/console/%n", org, n.url());
            }
        }
        out.flush();
    }
}
