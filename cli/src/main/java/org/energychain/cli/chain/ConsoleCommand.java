package org.energychain.cli.chain;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.console.ConsolePassword;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code energychain console}: what a node's operator needs for its web console (docs/console.md). */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "The web console every node serves at /console (docs/console.md).",
        subcommands = {ConsoleCommand.Password.class})
public final class ConsoleCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Read the operator's password (from the terminal without echo, typed twice; or the first "
                    + "line of standard input) and print the console: section for node.yaml with its slow hash "
                    + "(scrypt). The password itself is never printed or stored.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:printed", "2:empty, too long or not the same twice"})
    static final class Password implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        @SuppressWarnings("SystemConsoleNull") // Java 17: null when standard input is not a terminal, as meant
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            String password;
            java.io.Console tty = System.console();
            if (tty != null) {
                char[] first = tty.readPassword("console password: ");
                char[] again = tty.readPassword("again: ");
                if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                    err.println("console password: the two entries differ; nothing printed");
                    return ExitCodes.BAD_INPUT;
                }
                password = new String(first);
                java.util.Arrays.fill(first, ' ');
                java.util.Arrays.fill(again, ' ');
            } else {
                byte[] in = System.in.readNBytes(4 * ConsolePassword.MAX_PASSWORD_CHARS + 2);
                password = new String(in, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            }
            try {
                String hash = ConsolePassword.hash(password);
                PrintWriter out = spec.commandLine().getOut();
                out.println("console:");
                out.println("  password-hash: \"" + hash + "\"");
                out.flush();
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                err.println("console password: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
    }
}
